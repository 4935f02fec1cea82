/** The pure document model: numbering, articles, brackets, comments, plain text, redline blocks. */
export { newId } from './ids.ts';
export {
  numberLabels, numberAt, walkNumbers, levelOf, styleOf, formatNumber, parseNumber,
  toRoman, fromRoman, toLetter, fromLetter, kindName, divisionLabel,
  isFrozen, nextInsertedLabel, insertedBeforeLabel, LATIN_SUFFIXES,
} from './numbering.ts';
export { freezeNumbers, renumber } from './renumber.ts';
export type { Renumbering } from './renumber.ts';
export { followCrossReferences, crossReferenceEdits } from './cross-references.ts';
export type { NumberLevel, NumberStyle, NumberedNode } from './numbering.ts';
export { articles, articleAt, findArticle } from './articles.ts';
export type { ArticleInfo } from './articles.ts';
export { listBrackets, bracketCounts } from './brackets.ts';
export type { BracketInfo, BracketShape, OptionInfo } from './brackets.ts';
export { listProposals, proposalCounts, proposalKind } from './proposals.ts';
export type { ProposalKind } from './proposals.ts';
export { listComments, findTarget, findAnchor } from './comments.ts';
export type { CommentInfo, CommentThread } from './comments.ts';
export { plainText, sponsorsOf, optionLabel, optionCaption, headingText } from './plain-text.ts';
export type { PlainTextOptions } from './plain-text.ts';
export { bracketSpans, inlineText, isBracketed, tidySpaces } from './inline.ts';
export type { InlineSpan, InlineTextOptions } from './inline.ts';
export { articleBlocks } from './article-blocks.ts';
export type { ArticleBlock } from './article-blocks.ts';
export { delegationColor } from './delegation-colour.ts';
export { isXmlText, nonXmlCharIndex, nonXmlCharIn, describeNonXmlChar, stripNonXmlChars } from './xml-chars.ts';
export { addProposalOrigins } from './proposal-origins.ts';
export type { ProposalOrigin, OriginUpdate } from './proposal-origins.ts';
export { textProgress } from './dashboard.ts';
export type { TextProgress, ArticleProgress, NegotiationCounts } from './dashboard.ts';
