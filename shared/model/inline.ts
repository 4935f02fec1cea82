/**
 * Inline content of a textblock as text: inline brackets (the self-overlapping `bracket` mark)
 * become "[" and "]", nested ones included, or disappear with their text in the clean rendering.
 */
import type { Mark, Node } from 'prosemirror-model';

/** An inline bracket within one textblock: offsets into the block's content. */
export interface InlineSpan {
  id: string;
  /** The bracket mark (attrs id, sponsors, group, kind). */
  mark: Mark;
  start: number;
  end: number;
  /** How many other brackets of the same block enclose this one (0 = outermost). */
  depth: number;
}

/** Options of `inlineText`. */
export interface InlineTextOptions {
  /** Drop bracketed text instead of showing it between "[" and "]". */
  clean?: boolean;
  /** Only the text between these content offsets (default: the whole block). */
  from?: number;
  to?: number;
  /** Brackets whose markers are left out (the bracket being listed, for instance). */
  omit?: ReadonlySet<string>;
}

/** Id of a bracket mark, or a stand-in naming its offset when the mark has none. */
function markId(mark: Mark, offset: number): string {
  return mark.attrs.id == null ? `@${offset}` : String(mark.attrs.id);
}

/** The inline brackets of `block`, in order of their start (outer first when two start together). */
export function bracketSpans(block: Node): InlineSpan[] {
  const byId = new Map<string, { id: string; mark: Mark; start: number; end: number }>();
  block.forEach((child, offset) => {
    for (const mark of child.marks) {
      if (mark.type.name !== 'bracket') continue;
      const id = markId(mark, offset);
      const span = byId.get(id);
      if (span) span.end = offset + child.nodeSize;
      else byId.set(id, { id, mark, start: offset, end: offset + child.nodeSize });
    }
  });
  const spans = [...byId.values()];
  const order = new Map(spans.map((s, i) => [s.id, i]));
  const encloses = (a: typeof spans[number], b: typeof spans[number]) =>
    a !== b && a.start <= b.start && a.end >= b.end &&
    (a.start < b.start || a.end > b.end || order.get(a.id)! < order.get(b.id)!);
  return spans
    .map((s) => ({ ...s, depth: spans.filter((o) => encloses(o, s)).length }))
    .sort((a, b) => a.start - b.start || a.depth - b.depth);
}

/** True when the inline node carries at least one bracket mark. */
export function isBracketed(node: Node): boolean {
  return node.marks.some((m) => m.type.name === 'bracket');
}

/** Text of the inline content of `block`, with "[" and "]" around bracketed spans (see options). */
export function inlineText(block: Node, options: InlineTextOptions = {}): string {
  const from = options.from ?? 0;
  const to = options.to ?? block.content.size;
  if (options.clean) {
    let out = '';
    block.forEach((child, offset) => {
      if (offset + child.nodeSize <= from || offset >= to || isBracketed(child) || !child.isText) return;
      out += child.text!.slice(Math.max(0, from - offset), to - offset);
    });
    return out;
  }
  const spans = bracketSpans(block).filter((s) => !options.omit?.has(s.id) && s.start >= from && s.end <= to);
  const open = (at: number) => spans.filter((s) => Math.max(s.start, from) === at).sort((a, b) => a.depth - b.depth).map(() => '[').join('');
  const close = (at: number) => spans.filter((s) => Math.min(s.end, to) === at).sort((a, b) => b.depth - a.depth).map(() => ']').join('');
  let out = '';
  block.forEach((child, offset) => {
    const end = offset + child.nodeSize;
    if (end <= from || offset >= to) return;
    const start = Math.max(offset, from);
    out += close(start) + open(start);
    if (child.isText) out += child.text!.slice(start - offset, Math.min(end, to) - offset);
  });
  return out + close(to);
}

/** Normalise the spacing left behind when bracketed text is dropped: single spaces, none before punctuation. */
export function tidySpaces(text: string): string {
  return text.replace(/[ \t\u00a0]{2,}/g, ' ').replace(/ ([,.;:)])/g, '$1').replace(/\( /g, '(').trim();
}
