/**
 * The inline content of one textblock as Akoma Ntoso: brackets as `<inline name="bracket">`
 * elements that nest as the brackets do ("[[ITU Membership] for Members]" is one inline holding
 * another), their "[" / "]" kept as text; em / strong as `<i>` / `<b>`; footnotes as
 * `<authorialNote>`; a `<noteRef>` after the words a comment is anchored on (after the "]" of the
 * bracket, or at the end of the block, a comment targets); and, in a redline, the characters inserted since the older
 * text inside `<ins>` (bracket marks "[" "]" included) and the text deleted from it as `<del>`
 * exactly where it stood, even between two bracket marks, so that dropping every `<del>` gives the
 * newer text and dropping every `<ins>` the older one.
 */
import type { Node } from 'prosemirror-model';
import { bracketSpans, sponsorsOf, type InlineSpan } from '../model/index.ts';
import { escapeXml } from './xml.ts';

/**
 * Redline marks of one textblock of the newer text. Offsets are content offsets of the block. At
 * one offset the bracket marks read as in the side text: every "]" closing there, then every "["
 * opening there; a marker's `ordinal` counts them in that order from 0.
 */
export interface BlockOverlay {
  /** Inserted real characters, `[start, end)`. */
  inserted: [number, number][];
  /** Inserted bracket marks, as `${offset}:${ordinal}`. */
  insertedMarks: Set<string>;
  /** Deleted text by offset; `slot` = how many marks at that offset come before it (Infinity: after all). */
  deleted: Map<number, { slot: number; text: string }[]>;
  /** The whole block is deleted text (a provision of the older text shown where it stood). */
  removed?: boolean;
}

/** What the inline renderer needs from its document renderer. */
export interface InlineContext {
  /** A fresh unique eId for a footnote. */
  footnoteId(): string;
  /** XML-safe id part ("b1" → "b1", "a b" → "a-b"). */
  idPart(value: string): string;
  /** Extra attributes of the first element of a bracket (its eId, `alternativeTo`), starting with a space. */
  bracketAttrs?(span: InlineSpan): string;
  /** Comment ids whose `noteRef` goes at a content offset (beyond those of anchor marks). */
  noteRefs?: Map<number, string[]>;
  /** Comment ids whose `noteRef` goes right after a bracket's closing "]", by bracket id. */
  bracketNoteRefs?: Map<string, string[]>;
  overlay?: BlockOverlay;
}

const refs = (list: string[]) => (list.length ? ` refersTo="${escapeXml(list.join(' '))}"` : '');

function encloses(a: InlineSpan, b: InlineSpan): boolean {
  return a !== b && a.start <= b.start && a.end >= b.end && (a.start < b.start || a.end > b.end || a.depth < b.depth);
}

/** Inline XML of `block`; see the module comment. */
export function inlineAkn(block: Node, ctx: InlineContext): string {
  const children: { node: Node; offset: number }[] = [];
  block.forEach((node, offset) => children.push({ node, offset }));
  const overlay = ctx.overlay;
  const removed = !!overlay?.removed;
  const anchorEnds = new Map<number, string[]>();
  if (!removed) {
    const anchorSeen = new Map<string, number>();
    for (const { node, offset } of children) {
      for (const m of node.marks) if (m.type.name === 'anchor' && m.attrs.comment != null) anchorSeen.set(String(m.attrs.comment), offset + node.nodeSize);
    }
    for (const [id, end] of anchorSeen) anchorEnds.set(end, [...(anchorEnds.get(end) ?? []), id]);
    for (const [at, ids] of ctx.noteRefs ?? []) anchorEnds.set(at, [...(anchorEnds.get(at) ?? []), ...ids.filter((id) => !anchorSeen.has(id))]);
  }
  const cuts = new Set<number>([...anchorEnds.keys()]);
  if (overlay) {
    for (const [a, b] of overlay.inserted) { cuts.add(a); cuts.add(b); }
    for (const at of overlay.deleted.keys()) cuts.add(at);
  }
  const wrapDel = (xml: string) => (removed && xml ? `<del>${xml}</del>` : xml);
  const inserted = (at: number) => !!overlay?.inserted.some(([a, b]) => a <= at && at < b);
  const flushed = new Map<number, number>();
  /** Deleted text at `at` whose slot is at most `upTo`, not yet written. */
  const dels = (at: number, upTo = Infinity) => {
    const list = overlay?.deleted.get(at);
    if (!list) return '';
    let k = flushed.get(at) ?? 0;
    let out = '';
    for (; k < list.length && list[k].slot <= upTo; k++) out += `<del>${escapeXml(list[k].text)}</del>`;
    flushed.set(at, k);
    return out;
  };
  const notes = (at: number) => {
    const ids = anchorEnds.get(at) ?? [];
    anchorEnds.delete(at);
    return ids.map((id) => `<noteRef href="#cmt_${ctx.idPart(id)}" class="comment"/>`).join('');
  };

  const spans = bracketSpans(block);
  const realEnd = new Map(spans.map((sp) => [sp.id, sp.end]));
  const closesAt = new Map<number, number>();
  for (const s of spans) closesAt.set(s.end, (closesAt.get(s.end) ?? 0) + 1);
  const closed = new Map<number, number>();
  const opened = new Map<number, number>();
  const mark = (ch: string, ordinal: number, at: number) =>
    (removed ? `<del>${ch}</del>` : overlay?.insertedMarks.has(`${at}:${ordinal}`) ? `<ins>${ch}</ins>` : ch);
  const openMark = (at: number) => {
    const n = opened.get(at) ?? 0;
    opened.set(at, n + 1);
    const ordinal = (closesAt.get(at) ?? 0) + n;
    return dels(at, ordinal) + mark('[', ordinal, at);
  };
  const closeMark = (at: number) => {
    const n = closed.get(at) ?? 0;
    closed.set(at, n + 1);
    return dels(at, n) + mark(']', n, at);
  };

  const text = (from: number, to: number): string => {
    let out = '';
    for (const { node, offset } of children) {
      const end = offset + node.nodeSize;
      if (end <= from || offset >= to) continue;
      if (node.type.name === 'footnote') {
        out += dels(offset) + `<authorialNote marker="*" eId="${ctx.footnoteId()}"><p>${wrapDel(escapeXml(String(node.attrs.text ?? '')))}</p></authorialNote>` + notes(end);
        continue;
      }
      if (!node.isText) continue;
      const a = Math.max(from, offset);
      const b = Math.min(to, end);
      const points = [a, ...[...cuts].filter((c) => c > a && c < b).sort((x, y) => x - y), b];
      for (let k = 0; k + 1 < points.length; k++) {
        const [s, e] = [points[k], points[k + 1]];
        let piece = escapeXml(node.text!.slice(s - offset, e - offset));
        for (const m of node.marks) {
          if (m.type.name === 'em') piece = `<i>${piece}</i>`;
          else if (m.type.name === 'strong') piece = `<b>${piece}</b>`;
        }
        out += dels(s) + (removed ? `<del>${piece}</del>` : inserted(s) ? `<ins>${piece}</ins>` : piece) + notes(e);
      }
    }
    return out;
  };

  const range = (from: number, to: number, candidates: InlineSpan[]): string => {
    const top = candidates.filter((s) => !candidates.some((o) => encloses(o, s))).sort((x, y) => x.start - y.start || x.depth - y.depth);
    let out = '';
    let pos = from;
    for (const s of top) {
      const start = Math.max(s.start, pos);
      if (start >= s.end) continue;
      out += text(pos, start);
      // Enclosed brackets nest; a bracket crossing this one's end is clipped here and continues after it.
      const inner = candidates.filter((o) => o !== s && o.start >= start && o.start < s.end && !encloses(o, s)).map((o) => (o.end > s.end ? { ...o, end: s.end } : o));
      const kind = s.mark.attrs.kind === 'delete' ? 'delete' : 'insert';
      const first = start === s.start;
      const extra = first && !removed && ctx.bracketAttrs ? ctx.bracketAttrs(s) : '';
      const open = first ? openMark(start) : '';
      const body = range(start, s.end, inner);
      const close = realEnd.get(s.id) === s.end ? closeMark(s.end) : '';
      const after = close && !removed ? (ctx.bracketNoteRefs?.get(s.id) ?? []).map((id) => `<noteRef href="#cmt_${ctx.idPart(id)}" class="comment"/>`).join('') : '';
      out += `<inline name="bracket" class="${kind}"${extra}${refs([`#br_${ctx.idPart(s.id)}`, ...sponsorsOf(s.mark.attrs.sponsors).map((d) => `#dlg_${ctx.idPart(d)}`)])}>${open}${body}${close}</inline>${after}`;
      pos = s.end;
    }
    return out + text(pos, to);
  };

  const size = block.content.size;
  const body = range(0, size, spans) + dels(size);
  // A comment on an empty block (or past its last character) still gets its noteRef.
  return body + [...anchorEnds.keys()].sort((x, y) => x - y).map(notes).join('');
}
