/**
 * A treaty document as the list of Word paragraphs it prints as, every block in document order:
 * title, preamble, division headings ("Chapter I – Definitions"), text placed directly in a
 * division, article captions ("Article 16 – Expedited preservation"), numbered provisions with the
 * editor's labels ("1.", "a)", "(i)") before a tab, alternatives ("Option 1 [FR]" and their text),
 * closing and annexes. Each paragraph is a list of spans; every character of a span knows where it
 * came from (a textblock's content offset, or the bracket whose "[" / "]" it is), which is how a
 * tracked change is signed by whoever wrote or deleted those characters.
 *
 * Inline brackets print as "[" … "]" followed by their sponsors in superscript ("FR, KE"); the words
 * of a delete-kind bracket (a proposed deletion) are struck through inside the brackets. A bracketed
 * block opens with "[" on its first paragraph and closes with "]" and its sponsors on its last.
 */
import type { Node } from 'prosemirror-model';
import { bracketSpans, divisionLabel, numberLabels, optionCaption, sponsorsOf } from '../../model/index.ts';

/** What a paragraph is, which picks its Word style. */
export type ParagraphKind =
  | 'title' | 'division' | 'article' | 'paragraph' | 'subparagraph' | 'item' | 'text' | 'option' | 'preamble' | 'closing';

/** How a span prints. */
export interface SpanStyle {
  italic?: boolean;
  bold?: boolean;
  /** A "[" or "]" of a bracket. */
  bracket?: boolean;
  /** Sponsors after a closing bracket, in superscript. */
  sponsors?: boolean;
  /** Words of a delete-kind bracket (a proposed deletion): struck through. */
  proposedDeletion?: boolean;
  /** A provision number or caption label. */
  label?: boolean;
  /** Ids of the comment threads anchored on these words. */
  comments?: string[];
}

/** Where the first character of a span came from: a textblock's content offset, or a bracket's marker. */
export type SpanSource = { block: number; offset: number } | { bracket: string };

/** A run of text with one style. */
export interface Span {
  text: string;
  style: SpanStyle;
  source?: SpanSource;
}

/** One Word paragraph of a treaty document. */
export interface TreatyParagraph {
  kind: ParagraphKind;
  /** Indentation level of a provision (0 for article-level text). */
  depth: number;
  /** Id of the block the paragraph renders (for alignment across versions), or null. */
  id: string | null;
  /** Id of the enclosing article, or null outside articles. */
  article: string | null;
  spans: Span[];
}

/** The full text of a paragraph (its spans joined). */
export function paragraphText(p: TreatyParagraph): string {
  return p.spans.map((s) => s.text).join('');
}

interface Ctx {
  labels: Map<number, string>;
  /** Textblock ordinal (document order) by position. */
  blockIndex: Map<number, number>;
  /** Comment threads anchored on whole blocks: block id → thread ids. */
  blockComments: Map<string, string[]>;
  out: TreatyParagraph[];
  article: string | null;
}

/** Textblocks of `doc` in document order, keyed by position: the order attribution walks Yjs in. */
export function textblockOrdinals(doc: Node): Map<number, number> {
  const map = new Map<number, number>();
  doc.descendants((node, pos) => {
    if (node.isTextblock) { map.set(pos, map.size); return false; }
    return true;
  });
  return map;
}

/** Spans of a textblock's inline content (at document position `pos`). */
function inlineSpans(block: Node, pos: number, ctx: Ctx): Span[] {
  const ordinal = ctx.blockIndex.get(pos) ?? -1;
  const spans = bracketSpans(block);
  const out: Span[] = [];
  const closeAt = (at: number) => spans.filter((s) => s.end === at).sort((a, b) => b.depth - a.depth);
  const openAt = (at: number) => spans.filter((s) => s.start === at).sort((a, b) => a.depth - b.depth);
  const emitClose = (at: number) => {
    for (const s of closeAt(at)) {
      out.push({ text: ']', style: { bracket: true }, source: { bracket: s.id } });
      const sponsors = sponsorsOf(s.mark.attrs.sponsors);
      if (sponsors.length) out.push({ text: sponsors.join(', '), style: { sponsors: true }, source: { bracket: s.id } });
    }
  };
  block.forEach((child, offset) => {
    emitClose(offset);
    for (const s of openAt(offset)) out.push({ text: '[', style: { bracket: true }, source: { bracket: s.id } });
    if (!child.isText) return;
    const style: SpanStyle = {};
    const comments: string[] = [];
    for (const mark of child.marks) {
      if (mark.type.name === 'em') style.italic = true;
      else if (mark.type.name === 'strong') style.bold = true;
      else if (mark.type.name === 'bracket' && mark.attrs.kind === 'delete') style.proposedDeletion = true;
      else if (mark.type.name === 'anchor' && mark.attrs.comment != null) comments.push(String(mark.attrs.comment));
      if (mark.type.name === 'bracket' && mark.attrs.id != null) comments.push(...(ctx.blockComments.get(String(mark.attrs.id)) ?? []));
    }
    if (comments.length) style.comments = comments;
    out.push({ text: child.text!, style, source: { block: ordinal, offset } });
  });
  emitClose(block.content.size);
  return out;
}

function push(ctx: Ctx, kind: ParagraphKind, depth: number, node: Node | null, spans: Span[]): TreatyParagraph {
  const id = node?.attrs.id != null ? String(node.attrs.id) : null;
  const anchored = id ? ctx.blockComments.get(id) : undefined;
  if (anchored) spans = spans.map((s) => ({ ...s, style: { ...s.style, comments: [...(s.style.comments ?? []), ...anchored] } }));
  const p: TreatyParagraph = { kind, depth, id, article: ctx.article, spans };
  ctx.out.push(p);
  return p;
}

const label = (text: string): Span => ({ text, style: { label: true } });

/** Render `node` at `pos`; returns the paragraphs it produced (for wrapping in a block bracket). */
function renderNode(node: Node, pos: number, depth: number, ctx: Ctx): void {
  const start = ctx.out.length;
  const number = ctx.labels.get(pos) ?? '';
  switch (node.type.name) {
    case 'title': push(ctx, 'title', 0, node, inlineSpans(node, pos, ctx)); break;
    case 'preamble': case 'closing':
      node.forEach((child, offset) => {
        if (child.type.name === 'plain') push(ctx, node.type.name as ParagraphKind, 0, child, inlineSpans(child, pos + 1 + offset, ctx));
        else renderNode(child, pos + 1 + offset, 0, ctx);
      });
      break;
    case 'division': {
      const heading = node.firstChild!;
      const caption = divisionLabel(String(node.attrs.kind), number);
      const spans = heading.content.size ? [label(`${caption} – `), ...inlineSpans(heading, pos + 1, ctx)] : [label(caption)];
      push(ctx, 'division', 0, node, spans);
      node.forEach((child, offset) => { if (offset > 0) renderNode(child, pos + 1 + offset, 0, ctx); });
      break;
    }
    case 'article': {
      const outer = ctx.article;
      ctx.article = node.attrs.id != null ? String(node.attrs.id) : `@${pos}`;
      const heading = node.firstChild!;
      const caption = number ? `Article ${number}` : 'Article';
      push(ctx, 'article', 0, node, heading.content.size ? [label(`${caption} – `), ...inlineSpans(heading, pos + 1, ctx)] : [label(caption)]);
      node.forEach((child, offset) => { if (offset > 0) renderNode(child, pos + 1 + offset, 0, ctx); });
      ctx.article = outer;
      break;
    }
    case 'paragraph': case 'subparagraph': case 'item': {
      const mark = node.type.name === 'paragraph' ? `${number}.` : node.type.name === 'subparagraph' ? `${number})` : `(${number})`;
      const kind = node.type.name as ParagraphKind;
      node.forEach((child, offset) => {
        const childPos = pos + 1 + offset;
        if (offset === 0 && child.type.name === 'plain') push(ctx, kind, depth, node, [label(`${mark}\t`), ...inlineSpans(child, childPos, ctx)]);
        else if (child.type.name === 'plain') push(ctx, 'text', depth + 1, child, inlineSpans(child, childPos, ctx));
        else renderNode(child, childPos, depth + 1, ctx);
      });
      break;
    }
    case 'plain': push(ctx, 'text', depth, node, inlineSpans(node, pos, ctx)); break;
    case 'alternatives':
      node.forEach((option, offset, index) => {
        push(ctx, 'option', depth, option, [label(optionCaption(option, index))]);
        if (!option.childCount) push(ctx, 'text', depth, null, [label('[delete]')]);
        option.forEach((child, o) => renderNode(child, pos + 1 + offset + 1 + o, depth, ctx));
      });
      break;
    default: break; // docinfo, comments: not printed in the body
  }
  if (node.attrs.bracket != null && ctx.out.length > start) wrapBlock(ctx.out, start, node);
}

function wrapBlock(out: TreatyParagraph[], start: number, node: Node): void {
  const id = String(node.attrs.bracket);
  const first = out[start];
  const last = out[out.length - 1];
  const at = first.spans.length && first.spans[0].style.label ? 1 : 0;
  first.spans = [...first.spans.slice(0, at), { text: '[', style: { bracket: true }, source: { bracket: id } }, ...first.spans.slice(at)];
  const sponsors = sponsorsOf(node.attrs.sponsors);
  last.spans = [...last.spans, { text: ']', style: { bracket: true }, source: { bracket: id } },
    ...(sponsors.length ? [{ text: sponsors.join(', '), style: { sponsors: true }, source: { bracket: id } } as Span] : [])];
}

/** The Word paragraphs of a treaty document, every block in document order (see the module comment). */
export function treatyParagraphs(doc: Node): TreatyParagraph[] {
  const blockComments = new Map<string, string[]>();
  doc.forEach((child) => {
    if (child.type.name !== 'comments') return;
    child.forEach((comment) => {
      const target = comment.attrs.target;
      if (target == null || comment.attrs.replyTo != null) return;
      const list = blockComments.get(String(target)) ?? [];
      list.push(String(comment.attrs.id));
      blockComments.set(String(target), list);
    });
  });
  const ctx: Ctx = { labels: numberLabels(doc), blockIndex: textblockOrdinals(doc), blockComments, out: [], article: null };
  doc.forEach((child, offset) => renderNode(child, offset, 0, ctx));
  return ctx.out.filter((p) => p.spans.some((s) => s.text !== ''));
}
