/**
 * The shape of a Redline: the JSON that `compareDocuments` returns, that the server sends for
 * `GET /api/documents/:id/redline?format=json`, and that every renderer (HTML, Word) reads.
 * Plain data only (no ProseMirror nodes), so it can cross the wire unchanged.
 */

/** One run of a word diff, as jsdiff returns it: common text, or text added or removed. */
export interface Change {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/** How an article, provision or part differs between the two texts. */
export type RedlineStatus = 'added' | 'removed' | 'modified' | 'moved' | 'unchanged';

/** A provision (one text block: chapeau, sub-paragraph, item...) of an aligned article or part. */
export interface RedlineBlock {
  /** Label in the newer text ("1", "1(a)", "1(a)(i)", "¶2"), or in the older one when removed. */
  label: string;
  fromLabel: string | null;
  toLabel: string | null;
  status: Exclude<RedlineStatus, 'moved'>;
  /** The word diff; for an unchanged block a single common run. */
  changes: Change[];
}

/** A square bracket as a redline reports it. */
export interface RedlineBracket {
  id: string;
  /** inline (a mark), block (a bracketed article/paragraph/...), alternatives (a set of options). */
  shape: 'inline' | 'block' | 'alternatives';
  kind: string;
  sponsors: string[];
  /** The bracketed wording (for alternatives, the options joined by " / "). */
  text: string;
}

/** Brackets of one article (or part): those opened and resolved between the two texts, and the count still open. */
export interface RedlineBrackets {
  opened: RedlineBracket[];
  resolved: RedlineBracket[];
  open: number;
}

/** A member comment thread as a redline reports it. */
export interface RedlineComment {
  id: string;
  delegation: string | null;
  status: string;
  text: string;
}

/** Comments attached to an article (or part): added, resolved (closed or deleted) between the two texts. */
export interface RedlineComments {
  added: RedlineComment[];
  resolved: RedlineComment[];
}

/** One article of the aligned pair of texts. */
export interface RedlineArticle {
  /** Stable key for the pair, e.g. "art-16-17" (from number 16, to number 17), "art--5" (added). */
  key: string;
  fromNumber: string | null;
  toNumber: string | null;
  fromHeading: string | null;
  toHeading: string | null;
  /** Enclosing divisions in the newer text (the older one when removed): ["Chapter II", "Section 1"]. */
  path: string[];
  status: RedlineStatus;
  /** True when the article carries a different number in the newer text. */
  renumbered?: boolean;
  /** True when the wording (heading or provisions) differs; a moved article may also be modified. */
  textChanged?: boolean;
  /** How the pair was aligned: number+heading, heading, identical text, content similarity, number. */
  matchedBy?: 'number-heading' | 'heading' | 'text' | 'similarity' | 'number';
  /** Word-set similarity of the two articles' text (0..1), when aligned. */
  similarity?: number;
  /** Word diff of the heading. */
  heading: Change[];
  blocks: RedlineBlock[];
  brackets: RedlineBrackets;
  comments: RedlineComments;
}

/** A non-article part of the text: title, preamble, closing. */
export interface RedlinePart {
  key: 'title' | 'preamble' | 'closing';
  status: Exclude<RedlineStatus, 'moved'>;
  blocks: RedlineBlock[];
  brackets: RedlineBrackets;
  comments: RedlineComments;
}

/** Counts shown on top of a Redline. */
export interface RedlineSummary {
  added: number;
  removed: number;
  modified: number;
  moved: number;
  unchanged: number;
  renumbered: number;
  bracketsOpened: number;
  bracketsResolved: number;
  bracketsOpen: number;
  commentsAdded: number;
  commentsResolved: number;
  /** Word counts of the diff, over all articles and parts. */
  wordsAdded: number;
  wordsRemoved: number;
}

/** Describes one side of the comparison (a version, the base text, a moment). */
export interface RedlineSide {
  /** What the caller asked for: a version id, "base", "current", an ISO time. */
  ref: string;
  /** Human label: "Rev.1 — after first reading", "Convention on Cybercrime (2001)". */
  label: string;
  /** The document title on that side. */
  title: string;
  /** ISO time of that side, when known. */
  at?: string | null;
}

/** The article-aware comparison of two treaty texts. */
export interface Redline {
  from: RedlineSide;
  to: RedlineSide;
  summary: RedlineSummary;
  /** Title, preamble and closing, in that order (absent parts are left out). */
  parts: RedlinePart[];
  /** Articles in reading order of the newer text; removed articles sit where they stood. */
  articles: RedlineArticle[];
}
