/**
 * The Redline: a whole-document, article-aware comparison of two treaty texts (pure, no I/O; used by the server's
 * redline route, the exports and the client's redline view).
 *
 * `compareDocuments(from, to)` returns JSON (`Redline`); `redlineToHtml(redline)` renders it as a
 * DOM-free HTML fragment the client can inject (the standalone page, Word and Akoma Ntoso renderers
 * live in `shared/export/`).
 */
export { compareDocuments, wordChanges, type CompareOptions } from './compare.ts';
export { redlineToHtml, REDLINE_CSS, escapeHtml, changesToHtml } from './html.ts';
export { readableDate } from './dates.ts';
export { alignArticles, alignParts, alignProvisions, mergeOrder, heaviestIncreasing, ALIGN_THRESHOLDS, type AlignedPair, type MatchRule, type MergedStep } from './align.ts';
export { documentUnits, normalizeText, type DocumentUnits, type ArticleUnit, type PartUnit, type Provision, type PartKey } from './units.ts';
export { sideText, sideUnits, type SideBlock, type SideUnit } from './side.ts';
export { diffText, tokenize, tokenKey, MYERS_BUDGET, type DiffSegment } from './word-diff.ts';
export { redlineSteps, redlineSideText, changesText, type ResolvedStep } from './sequence.ts';
export { shingles, jaccard, words, longestIncreasing } from './similarity.ts';
export type {
  Redline, RedlineArticle, RedlineBlock, RedlineBracket, RedlineBrackets, RedlineComment, RedlineComments, RedlinePart, RedlineSide,
  RedlineStatus, RedlineSummary, Change, RedlinePartKind, RedlinePartCounts, RedlineStep,
} from './types.ts';
