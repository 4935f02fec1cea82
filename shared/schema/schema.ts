/**
 * The treaty schema: the single source of truth for what a Plenipo document may contain,
 * shared by the editor (client), the sync server (validation, permissions) and the exports.
 *
 * Shape of a document:
 *
 *   doc
 *   ├─ docinfo            metadata atom: base text, symbol, date, language
 *   ├─ title              the instrument's title (inline text)
 *   ├─ preamble?          recitals (plain blocks, alternatives)
 *   ├─ division*          chapter / section / title / part, each `heading` + nested content
 *   │   └─ article        `heading` + plain / paragraph / subparagraph / alternatives
 *   │       └─ paragraph  numbered "1", "2"  → subparagraph "a", "b" → item "i", "ii"
 *   ├─ closing?           closing formula ("IN WITNESS WHEREOF ...")
 *   └─ comments?          member comment threads (rendered in a side panel, not in the text)
 *
 * Numbers are never stored unless the text fixes them (`number` attr); they are derived from
 * position by `shared/model/numbering.ts`.
 *
 * Square brackets come in three shapes, each with a stable id and its sponsors (delegation codes):
 * - inline: the `bracket` mark. It may overlap itself (`excludes: ""`), so "[[ITU Membership] for
 *   Members]" is text carrying two bracket marks; y-prosemirror stores such marks under hashed keys.
 *   Inline brackets sharing a `group` id are alternatives to each other ("[shall] [may]").
 * - whole block: the `bracket` / `sponsors` attributes of an article, paragraph, subparagraph, item
 *   or plain block.
 * - alternatives: an `alternatives` node holding two or more `option`s; an empty option means
 *   "delete the text".
 *
 * Attribute defaults are `null` (never `undefined`) because y-prosemirror drops null attributes
 * when it writes to Yjs and restores the default when it reads back.
 */
import { Schema, type NodeSpec, type MarkSpec, type AttributeSpec } from 'prosemirror-model';
import { writeAttrs, readAttrs } from './dom-attrs.ts';
import { delegationsOrNull, oneOf, text, textNumberOrNull, textOrNull } from './attr-values.ts';

/** Kinds of structural division, outermost first. */
export const DIVISION_KINDS = ['part', 'chapter', 'section', 'title'] as const;
/** A structural division kind: part, chapter, section or title (as in "Title 1" of the Convention). */
export type DivisionKind = (typeof DIVISION_KINDS)[number];

/** Roles of accounts; used by the schema only for comment authorship. */
export const COMMENT_STATUSES = ['open', 'resolved'] as const;
/** Whether a comment thread still needs attention. */
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** How an inline bracket reads: proposed wording, or existing wording proposed for deletion. */
export const BRACKET_KINDS = ['insert', 'delete'] as const;
/** See `BRACKET_KINDS`. */
export type BracketKind = (typeof BRACKET_KINDS)[number];

/**
 * Where an article stands in the negotiation. Only the chair sets it; an `agreed` article (agreed
 * ad referendum) takes no change from anyone but the chair, except comments anchored on it.
 */
export const ARTICLE_STATUSES = ['open', 'first-reading', 'second-reading', 'agreed'] as const;
/** See `ARTICLE_STATUSES`. */
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

const id: AttributeSpec = { default: null, validate: textOrNull };
const blockBracketAttrs: Record<string, AttributeSpec> = {
  id,
  /** Id of the bracket around the whole block, or null when the block is not bracketed. */
  bracket: { default: null, validate: textOrNull },
  /** Delegation codes sponsoring the block bracket. */
  sponsors: { default: null, validate: delegationsOrNull },
  /**
   * `delete` when the block bracket proposes deleting an existing (agreed) block; null or `insert`
   * when the bracketed block is itself a proposal (a new provision).
   */
  bracketKind: { default: null, validate: oneOf([null, 'insert', 'delete']) },
};
/** Names of the block bracket attributes, written to and read from the DOM. */
const BLOCK_ATTRS = ['id', 'bracket', 'sponsors', 'bracketKind', 'number'];

/** Child content of an article, paragraph and subparagraph (see the content expressions). */
const ARTICLE_BODY = '(plain | paragraph | subparagraph | alternatives)*';

/** Attributes of a comment, written to and read from the DOM. */
const COMMENT_ATTRS = ['id', 'target', 'replyTo', 'delegation', 'author', 'status', 'createdAt'];

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'docinfo title preamble? (division | article | alternatives | plain)* closing? comments?' },

  docinfo: {
    atom: true,
    selectable: false,
    attrs: {
      /** Key of the base text every redline compares against by default, e.g. "convention-2001". */
      base: { default: null, validate: textOrNull },
      /** Document symbol, e.g. "ITU/HLEG/2008/WA1". */
      symbol: { default: null, validate: textOrNull },
      /** ISO date of the text, e.g. "2009-08-01". */
      date: { default: null, validate: textOrNull },
      language: { default: 'en', validate: textOrNull },
      /** 'frozen' once the text is under negotiation: numbers stay, insertions read "5 bis" (shared/model/numbering.ts). */
      numbering: { default: null, validate: textOrNull },
    },
    toDOM: (node) => ['header', { class: 'docinfo', hidden: '', ...writeAttrs(node, ['base', 'symbol', 'date', 'language']) }],
    parseDOM: [{ tag: 'header.docinfo', getAttrs: (dom) => readAttrs(dom, ['base', 'symbol', 'date', 'language']) }],
  },

  title: {
    content: 'inline*',
    defining: true,
    toDOM: () => ['h1', { class: 'doc-title' }, 0],
    parseDOM: [{ tag: 'h1.doc-title' }],
  },

  preamble: {
    content: '(plain | alternatives)+',
    attrs: { id },
    toDOM: (node) => ['section', { class: 'preamble', ...writeAttrs(node, ['id']) }, 0],
    parseDOM: [{ tag: 'section.preamble', getAttrs: (dom) => readAttrs(dom, ['id']) }],
  },

  division: {
    content: 'heading (division | article | alternatives | plain)*',
    defining: true,
    attrs: {
      id,
      kind: { default: 'chapter', validate: text },
      /** Explicit number when the text fixes it ("IV", "2"); null to number by position. */
      number: { default: null, validate: textNumberOrNull },
      /** "roman" (CHAPTER IV) or "arabic" (Chapter 4). */
      numbering: { default: 'arabic', validate: text },
    },
    toDOM: (node) => ['section', { class: `division division-${node.attrs.kind}`, ...writeAttrs(node, ['id', 'kind', 'number', 'numbering']) }, 0],
    parseDOM: [{ tag: 'section.division', getAttrs: (dom) => readAttrs(dom, ['id', 'kind', 'number', 'numbering']) }],
  },

  heading: {
    content: 'inline*',
    defining: true,
    toDOM: () => ['h2', { class: 'heading' }, 0],
    parseDOM: [{ tag: 'h2.heading' }],
  },

  article: {
    content: `heading ${ARTICLE_BODY}`,
    defining: true,
    attrs: { ...blockBracketAttrs, number: { default: null, validate: textNumberOrNull }, status: { default: 'open', validate: oneOf(ARTICLE_STATUSES) } },
    toDOM: (node) => ['article', writeAttrs(node, [...BLOCK_ATTRS, 'status']), 0],
    parseDOM: [{ tag: 'article', getAttrs: (dom) => readAttrs(dom, [...BLOCK_ATTRS, 'status']) }],
  },

  paragraph: {
    content: 'plain (plain | subparagraph | alternatives)*',
    defining: true,
    attrs: { ...blockBracketAttrs, number: { default: null, validate: textNumberOrNull } },
    toDOM: (node) => ['div', { class: 'paragraph', ...writeAttrs(node, BLOCK_ATTRS) }, 0],
    parseDOM: [{ tag: 'div.paragraph', getAttrs: (dom) => readAttrs(dom, BLOCK_ATTRS) }],
  },

  subparagraph: {
    content: 'plain (plain | item | alternatives)*',
    defining: true,
    attrs: { ...blockBracketAttrs, number: { default: null, validate: textNumberOrNull } },
    toDOM: (node) => ['div', { class: 'subparagraph', ...writeAttrs(node, BLOCK_ATTRS) }, 0],
    parseDOM: [{ tag: 'div.subparagraph', getAttrs: (dom) => readAttrs(dom, BLOCK_ATTRS) }],
  },

  item: {
    content: 'plain+',
    defining: true,
    attrs: { ...blockBracketAttrs, number: { default: null, validate: textNumberOrNull } },
    toDOM: (node) => ['div', { class: 'item', ...writeAttrs(node, BLOCK_ATTRS) }, 0],
    parseDOM: [{ tag: 'div.item', getAttrs: (dom) => readAttrs(dom, BLOCK_ATTRS) }],
  },

  plain: {
    content: 'inline*',
    attrs: blockBracketAttrs,
    toDOM: (node) => ['p', writeAttrs(node, BLOCK_ATTRS), 0],
    parseDOM: [{ tag: 'p', getAttrs: (dom) => readAttrs(dom, BLOCK_ATTRS) }],
  },

  alternatives: {
    content: 'option+',
    defining: true,
    attrs: { id },
    toDOM: (node) => ['div', { class: 'alternatives', ...writeAttrs(node, ['id']) }, 0],
    parseDOM: [{ tag: 'div.alternatives', getAttrs: (dom) => readAttrs(dom, ['id']) }],
  },

  option: {
    /** Empty content is the option "delete the text". */
    content: '(division | article | paragraph | subparagraph | item | plain)*',
    defining: true,
    attrs: { id, sponsors: { default: null, validate: delegationsOrNull }, label: { default: null, validate: textOrNull } },
    toDOM: (node) => ['div', { class: 'option', ...writeAttrs(node, ['id', 'sponsors', 'label']) }, 0],
    parseDOM: [{ tag: 'div.option', getAttrs: (dom) => readAttrs(dom, ['id', 'sponsors', 'label']) }],
  },

  closing: {
    content: 'plain+',
    attrs: { id },
    toDOM: (node) => ['section', { class: 'closing', ...writeAttrs(node, ['id']) }, 0],
    parseDOM: [{ tag: 'section.closing', getAttrs: (dom) => readAttrs(dom, ['id']) }],
  },

  comments: {
    content: 'comment*',
    toDOM: () => ['aside', { class: 'comments', hidden: '' }, 0],
    parseDOM: [{ tag: 'aside.comments' }],
  },

  comment: {
    content: 'plain+',
    attrs: {
      id,
      /** Id of the block or bracket the thread is anchored to; null when an `anchor` mark carries it. */
      target: { default: null, validate: textOrNull },
      /** Id of the comment this one replies to; null for the first comment of a thread. */
      replyTo: { default: null, validate: textOrNull },
      delegation: { default: null, validate: textOrNull },
      author: { default: null, validate: textOrNull },
      status: { default: 'open', validate: text },
      createdAt: { default: null, validate: textNumberOrNull },
    },
    toDOM: (node) => ['div', { class: 'comment', ...writeAttrs(node, COMMENT_ATTRS) }, 0],
    parseDOM: [{ tag: 'div.comment', getAttrs: (dom) => readAttrs(dom, COMMENT_ATTRS) }],
  },

  footnote: {
    inline: true,
    group: 'inline',
    atom: true,
    attrs: { id, text: { default: '', validate: text } },
    toDOM: (node) => ['sup', { class: 'footnote', title: node.attrs.text, ...writeAttrs(node, ['id', 'text']) }, '*'],
    parseDOM: [{ tag: 'sup.footnote', getAttrs: (dom) => ({ text: (dom as HTMLElement).title, ...readAttrs(dom, ['id', 'text']) }) }],
  },

  text: { group: 'inline' },
};

const marks: Record<string, MarkSpec> = {
  bracket: {
    attrs: {
      id,
      sponsors: { default: null, validate: delegationsOrNull },
      /** Shared by inline brackets that are alternatives to each other; null when standalone. */
      group: { default: null, validate: textOrNull },
      kind: { default: 'insert', validate: oneOf(['insert', 'delete']) },
    },
    excludes: '',
    inclusive: false,
    toDOM: (mark) => ['span', { class: `bracket bracket-${mark.attrs.kind}`, 'data-bracket': mark.attrs.id, ...writeAttrs(mark, ['sponsors', 'group', 'kind']) }, 0],
    parseDOM: [{ tag: 'span[data-bracket]', getAttrs: (dom) => ({ id: (dom as HTMLElement).dataset.bracket ?? null, ...readAttrs(dom, ['sponsors', 'group', 'kind']) }) }],
  },
  anchor: {
    attrs: { comment: { default: null, validate: textOrNull } },
    excludes: '',
    inclusive: false,
    toDOM: (mark) => ['span', { class: 'comment-anchor', 'data-comment': mark.attrs.comment }, 0],
    parseDOM: [{ tag: 'span[data-comment]', getAttrs: (dom) => ({ comment: (dom as HTMLElement).dataset.comment ?? null }) }],
  },
  em: {
    toDOM: () => ['em', 0],
    parseDOM: [{ tag: 'em' }, { tag: 'i' }],
  },
  strong: {
    toDOM: () => ['strong', 0],
    parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
  },
};

/** The Plenipo treaty schema. */
export const schema = new Schema({ nodes, marks });
