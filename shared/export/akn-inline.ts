/**
 * The inline content of one textblock as Akoma Ntoso: brackets as `<inline name="bracket">`
 * elements that nest as the brackets do ("[[ITU Membership] for Members]" is one inline holding
 * another), their "[" / "]" kept as text; em / strong as `<i>` / `<b>`; footnotes as
 * `<authorialNote>`; a `<noteRef>` after the words a comment is anchored on; and, in a redline, the
 * words inserted since the older text inside `<ins>` and the words deleted from it as `<del>` where
 * they stood.
 */
import type { Node } from 'prosemirror-model';
import { bracketSpans, sponsorsOf, type InlineSpan } from '../model/index.ts';
import { escapeXml } from './xml.ts';

/** Redline marks of one textblock of the newer text: inserted content ranges, deleted words by offset. */
export interface BlockOverlay {
  inserted: [number, number][];
  deleted: Map<number, string[]>;
}

/** What the inline renderer needs from its document renderer. */
export interface InlineContext {
  /** A fresh unique eId for a footnote. */
  footnoteId(): string;
  /** XML-safe id part ("b1" → "b1", "a b" → "a-b"). */
  idPart(value: string): string;
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
  const anchorEnds = new Map<number, string[]>();
  const anchorSeen = new Map<string, number>();
  for (const { node, offset } of children) {
    for (const m of node.marks) if (m.type.name === 'anchor' && m.attrs.comment != null) anchorSeen.set(String(m.attrs.comment), offset + node.nodeSize);
  }
  for (const [id, end] of anchorSeen) anchorEnds.set(end, [...(anchorEnds.get(end) ?? []), id]);
  const overlay = ctx.overlay;
  const cuts = new Set<number>([...anchorEnds.keys()]);
  if (overlay) {
    for (const [a, b] of overlay.inserted) { cuts.add(a); cuts.add(b); }
    for (const at of overlay.deleted.keys()) cuts.add(at);
  }
  const emittedDel = new Set<number>();
  const inserted = (at: number) => !!overlay?.inserted.some(([a, b]) => a <= at && at < b);
  const dels = (at: number) => {
    if (!overlay || emittedDel.has(at)) return '';
    const words = overlay.deleted.get(at);
    if (!words) return '';
    emittedDel.add(at);
    return words.map((w) => `<del>${escapeXml(w)}</del>`).join('');
  };
  const notes = (at: number) => (anchorEnds.get(at) ?? []).map((id) => `<noteRef href="#cmt_${ctx.idPart(id)}" class="comment"/>`).join('');

  const text = (from: number, to: number): string => {
    let out = '';
    for (const { node, offset } of children) {
      const end = offset + node.nodeSize;
      if (end <= from || offset >= to) continue;
      if (node.type.name === 'footnote') {
        out += dels(offset) + `<authorialNote marker="*" eId="${ctx.footnoteId()}"><p>${escapeXml(String(node.attrs.text ?? ''))}</p></authorialNote>` + notes(end);
        continue;
      }
      if (!node.isText) continue;
      const a = Math.max(from, offset);
      const b = Math.min(to, end);
      const points = [a, ...[...cuts].filter((c) => c > a && c < b).sort((x, y) => x - y), b];
      for (let k = 0; k + 1 < points.length; k++) {
        const [s, e] = [points[k], points[k + 1]];
        let piece = escapeXml(node.text!.slice(s - offset, e - offset));
        for (const mark of node.marks) {
          if (mark.type.name === 'em') piece = `<i>${piece}</i>`;
          else if (mark.type.name === 'strong') piece = `<b>${piece}</b>`;
        }
        out += dels(s) + (inserted(s) ? `<ins>${piece}</ins>` : piece) + notes(e);
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
      const open = start === s.start ? '[' : '';
      out += `<inline name="bracket" class="${kind}"${refs([`#br_${ctx.idPart(s.id)}`, ...sponsorsOf(s.mark.attrs.sponsors).map((d) => `#dlg_${ctx.idPart(d)}`)])}>${open}${range(start, s.end, inner)}${realEnd.get(s.id) === s.end ? ']' : ''}</inline>`;
      pos = s.end;
    }
    return out + text(pos, to);
  };

  const size = block.content.size;
  const spans = bracketSpans(block);
  const realEnd = new Map(spans.map((sp) => [sp.id, sp.end]));
  return range(0, size, spans) + dels(size);
}
