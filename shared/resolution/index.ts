/**
 * Chair's resolutions of brackets: keep, drop, choose; one at a time or a whole article; the record
 * in words. (`meetingSummaryDocx` lives in summary-docx.ts, imported by path on the server only.)
 */
export { locateBracket, inlineRanges, groupMembers, sponsorsOf } from './locate.ts';
export type { LocatedBracket, BracketRange } from './locate.ts';
export { deleteBlock, replaceBlock } from './remove-block.ts';
export { resolveBracket, resolveBracketInTransform, resolveBracketCommand, RESOLUTION_ACTIONS } from './resolve.ts';
export type { ResolutionAction } from './resolve.ts';
export { resolveAllInArticle, resolveAllInArticleInTransform, resolveAllInArticleCommand, findArticle, bracketsInArticle } from './bulk.ts';
export type { BulkResolution } from './bulk.ts';
export { setArticleStatusInTransform, isArticleStatus, articleStatuses } from './article-status.ts';
export { describeResolution, decisionOf } from './describe.ts';
export { decisionSentence, articleCaption, contextLine, whoAndWhen, entriesOfDay, meetingSummaryHtml, STATUS_WORDS } from './summary.ts';
export type { SummaryHeader } from './summary.ts';
export { sessionAgenda } from './agenda.ts';
export type { AgendaItem, AgendaOption } from './agenda.ts';
