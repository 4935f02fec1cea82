/** Delegate-side editing commands: brackets, alternatives, deletions, co-sponsorship, comments. */
export { wrapInBracket, proposeDeletion } from './wrap-in-bracket.ts';
export type { BracketOptions } from './wrap-in-bracket.ts';
export { bracketBlock, bracketableDepth, BRACKETABLE_BLOCKS } from './bracket-block.ts';
export { proposeAlternative } from './propose-alternative.ts';
export type { AlternativeIds } from './propose-alternative.ts';
export { coSponsor } from './co-sponsor.ts';
export { addComment, replyToComment, setCommentStatus, findComment } from './comment.ts';
export type { CommentInput } from './comment.ts';
export { resolveBracketCommand, resolveAllInArticleCommand } from '../resolution/index.ts';
