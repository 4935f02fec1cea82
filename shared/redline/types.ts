/**
 * The shape of a Redline: the JSON that `compareDocuments` returns, that the server sends for
 * `GET /api/documents/:id/redline?format=json`, and that every renderer (HTML, Word, Akoma Ntoso)
 * reads. Plain data only (no ProseMirror nodes), so it can cross the wire unchanged.
 *
 * ## The whole document, in order
 * A Redline covers every text block of both documents: the title, the preamble, every division
 * heading ("Chapter I – Substantive criminal law"), text placed directly in a division or the
 * document (`kind: 'text'`), every article (heading and provisions, options of alternatives
 * included), the closing formula. Comments are not text of the treaty: they are reported per unit.
 * - `parts` holds every unit that is not an article (title, preamble, division headings, text runs,
 *   closing); `articles` every article. Both keep the reading order of the newer text, removed
 *   units where they stood in the older one.
 * - `sequence` is THE reading order of the whole redline: steps pointing into `parts` and
 *   `articles`. A unit that moved appears twice: a `moved-from` step where it stood in the older
 *   text (render its `from` side there: Word `w:moveFrom`, HTML "moved to …" stub) and its own
 *   `part`/`article` step where it stands in the newer text (render its `to` side there: `w:moveTo`).
 *   `redlineSteps(redline)` (sequence.ts) resolves the steps to the units themselves.
 *
 * ## Sides rebuild exactly
 * Each unit is a list of blocks (an article: its heading, then `blocks`), each block a list of
 * `Change` pieces (a block moved within its unit: see `RedlineBlock.move`). The `from` side of a block is the concatenation of its common pieces
 * (`fromValue ?? value`) and removed pieces; the `to` side of its common and added pieces. A block
 * exists on a side when its `fromId` / `toId` is not null. Walking `sequence` (moved units: `from`
 * side at `moved-from`, `to` side at their own step) and joining the blocks of one side with "\n"
 * gives EXACTLY `sideText(doc)` of that side (side.ts: characters, whitespace, brackets "[" "]",
 * option captions), which `redlineSideText(redline, side)` does and the property test checks.
 *
 * ## Attribution
 * Every piece carries the document positions its characters occupy: `fromRange` (in the older
 * document; common and removed pieces) and `toRange` (in the newer one; common and added pieces),
 * `[start, end)` ProseMirror positions of the first and after the last real character. Synthetic
 * characters (the "[" and "]" of block brackets and inline brackets, option captions) have no
 * position; a piece made only of them gets an empty range at its place. Blocks carry the ids of
 * their text blocks (`fromId`, `toId`), articles and parts the ids of their nodes.
 *
 * ## Typography
 * The word diff compares quotes (“ ” „ " ‘ ’ '), dashes (– — -) and whitespace runs as equal, so a
 * reprint with other quotes is not reported as reworded; such a common piece keeps both texts
 * exactly: `value` (newer) and `fromValue` (older, only when different). A block whose pieces are
 * all common but differ so is `unchanged` with `typography: true`.
 */

/** One run of a word diff: common text, or text added or removed (see the module comment). */
export interface Change {
  /** The text of the run: on the `to` side for common and added runs, the `from` side for removed ones. */
  value: string;
  added?: boolean;
  removed?: boolean;
  /** For a common run whose older text differs typographically (quotes, dashes, whitespace): the older text. */
  fromValue?: string;
  /** `[start, end)` document positions in the older document (common and removed runs). */
  fromRange?: [number, number];
  /** `[start, end)` document positions in the newer document (common and added runs). */
  toRange?: [number, number];
}

/** How a unit (article, part) or provision differs between the two texts. */
export type RedlineStatus = 'added' | 'removed' | 'modified' | 'moved' | 'unchanged';

/** A text block of an aligned article or part (chapeau, sub-paragraph, item, closing words, division heading...). */
export interface RedlineBlock {
  /**
   * Label in the newer text ("1", "1.a", "1.a.ii"; "Chapter I" for a division heading), or in the
   * older one when removed. Unique within its unit: text continuing a numbered provision after its
   * sub-divisions (the closing words of Art. 6(1)(a)) is "1.a¶2" with `continued: true`.
   */
  label: string;
  fromLabel: string | null;
  toLabel: string | null;
  /** Id of the text block in the older / newer document; null when the block is absent there. */
  fromId: string | null;
  toId: string | null;
  /** True for text continuing a numbered provision (no number of its own is shown). */
  continued?: boolean;
  /** True when the block's common pieces differ typographically only (see the module comment). */
  typography?: boolean;
  status: Exclude<RedlineStatus, 'moved'>;
  /**
   * A provision that moved within its unit appears twice, both copies with the whole diff:
   * `move: 'from'` where it stood (only its `from` side is read there) and `move: 'to'` where it
   * stands (only its `to` side).
   */
  move?: 'from' | 'to';
  /** The word diff; for an unchanged block a single common run (none for an empty block). */
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
  /** Stable key for the pair, e.g. "art-16-17" (from number 16, to number 17), "art--5" (added); unique in the Redline. */
  key: string;
  /** Id of the article node in the older / newer document; null when absent there. */
  fromId: string | null;
  toId: string | null;
  fromNumber: string | null;
  toNumber: string | null;
  /** Heading text (brackets of the heading's words visible, the article's own block bracket not). */
  fromHeading: string | null;
  toHeading: string | null;
  /** Enclosing divisions in the newer text (the older one when removed): ["Chapter II", "Section 1"]. */
  path: string[];
  /** Enclosing divisions in the older text (null when added). */
  fromPath: string[] | null;
  status: RedlineStatus;
  /** True when the article carries a different number in the newer text. */
  renumbered?: boolean;
  /** True when the wording (heading or provisions) differs; a moved article may also be modified. */
  textChanged?: boolean;
  /** How the pair was aligned: number+heading, heading, identical text, content similarity, number. */
  matchedBy?: 'number-heading' | 'heading' | 'text' | 'similarity' | 'number';
  /** Word-set similarity of the two articles' text (0..1), when aligned. */
  similarity?: number;
  /** Word diff of the heading line (a block-bracketed article's "[" opens it). */
  heading: Change[];
  blocks: RedlineBlock[];
  brackets: RedlineBrackets;
  comments: RedlineComments;
}

/** What a non-article unit is. */
export type RedlinePartKind = 'title' | 'preamble' | 'division' | 'text' | 'closing';

/** A non-article unit of the text: title, preamble, division heading, text outside articles, closing. */
export interface RedlinePart {
  /** "title", "preamble", "closing"; "division-<n>" and "text-<n>" for the others; unique in the Redline. */
  key: string;
  kind: RedlinePartKind;
  /** Id of the node (preamble, division, first text block...) in the older / newer document. */
  fromId: string | null;
  toId: string | null;
  /** For a division: its kind ("chapter", "section", "title", "part", "annex"...). */
  division?: string;
  /** Enclosing divisions in the newer text (older when removed), the division itself excluded. */
  path: string[];
  status: RedlineStatus;
  blocks: RedlineBlock[];
  brackets: RedlineBrackets;
  comments: RedlineComments;
}

/** One step of the reading order: a part, an article, or the place a moved part or article stood. */
export type RedlineStep =
  | { type: 'part'; index: number }
  | { type: 'article'; index: number }
  | { type: 'moved-from'; of: 'part' | 'article'; index: number };

/** Counts of non-article units by status. */
export interface RedlinePartCounts {
  added: number;
  removed: number;
  modified: number;
  moved: number;
  unchanged: number;
}

/** Counts shown on top of a Redline. */
export interface RedlineSummary {
  /** Articles by status. */
  added: number;
  removed: number;
  modified: number;
  moved: number;
  unchanged: number;
  renumbered: number;
  /** Non-article units (title, preamble, division headings, text outside articles, closing) by status. */
  parts: RedlinePartCounts;
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
  /** The document's symbol (docinfo), when it has one: "ETS No. 185". */
  symbol?: string | null;
  /** The document's own date (docinfo, ISO "2001-11-23" or "2009-08"), when it has one. */
  date?: string | null;
}

/** The comparison of two treaty texts, whole document, article-aware. */
export interface Redline {
  from: RedlineSide;
  to: RedlineSide;
  summary: RedlineSummary;
  /** Every non-article unit in reading order (see the module comment). */
  parts: RedlinePart[];
  /** Articles in reading order of the newer text; removed articles sit where they stood. */
  articles: RedlineArticle[];
  /** The reading order of the whole document (see the module comment). */
  sequence: RedlineStep[];
}
