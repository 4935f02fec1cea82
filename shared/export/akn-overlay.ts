/**
 * The redline marks of one line of the newer text, in the terms the Akoma Ntoso inline renderer
 * uses (`BlockOverlay`, akn-inline.ts). A line of the side text (shared/redline/side.ts) is its
 * textblock's inline content — real characters and the "[" "]" of inline brackets — possibly with
 * block-level characters around it (a bracketed block's "[" "]", an option's caption), which the
 * Akoma Ntoso text does not write as text (they are attributes and headings there). The word diff
 * of the line (`Change` runs) is mapped onto that inline content: added characters become inserted
 * ranges or inserted bracket marks, removed runs become deleted text at their exact place (between
 * two bracket marks when that is where they stood). Characters added to the block-level prefix or
 * suffix only are left out (they are attributes there); text deleted beyond them stands at the edge.
 */
import type { Node } from 'prosemirror-model';
import { bracketSpans } from '../model/index.ts';
import type { Change } from '../redline/index.ts';
import type { SideBlock } from '../redline/index.ts';
import type { BlockOverlay } from './akn-inline.ts';

/** One character of a textblock's inline line: a real character at a content offset, or a bracket mark. */
type Slot = { real: number } | { at: number; ordinal: number };

/** The inline line of `block` as side.ts writes it ("]" closing, then "[" opening at each offset), one slot per character. */
function inlineSlots(block: Node): Slot[] {
  const slots: Slot[] = [];
  const spans = bracketSpans(block);
  const opens = new Map<number, number>();
  const closes = new Map<number, number>();
  for (const s of spans) {
    opens.set(s.start, (opens.get(s.start) ?? 0) + 1);
    closes.set(s.end, (closes.get(s.end) ?? 0) + 1);
  }
  const marks = (at: number) => {
    const n = (closes.get(at) ?? 0) + (opens.get(at) ?? 0);
    for (let k = 0; k < n; k++) slots.push({ at, ordinal: k });
  };
  block.forEach((child, offset) => {
    marks(offset);
    if (child.isText) for (let k = 0; k < child.text!.length; k++) slots.push({ real: offset + k });
  });
  marks(block.content.size);
  return slots;
}

/** Where the inline line starts inside the side line (after any block-level prefix), or -1 when it cannot be found. */
function inlineStart(line: SideBlock, slots: Slot[]): number {
  const firstReal = slots.findIndex((s) => 'real' in s);
  if (line.runs.length && firstReal >= 0) return line.runs[0].offset - firstReal;
  // No real character: the line is its bracket marks between a prefix of "[" / caption and a suffix of "]".
  for (let suffix = 0; suffix <= line.text.length - slots.length; suffix++) {
    const start = line.text.length - suffix - slots.length;
    if (/^\]*$/.test(line.text.slice(line.text.length - suffix)) && !line.text.slice(0, start).endsWith(']')) return start;
  }
  return -1;
}

/** The overlay of `block` (the textblock of `line`) for the word diff `changes` of that line; null when nothing changed in it. */
export function lineOverlay(block: Node, line: SideBlock, changes: Change[]): BlockOverlay | null {
  if (!changes.some((c) => c.added || c.removed)) return null;
  const slots = inlineSlots(block);
  const start = inlineStart(line, slots);
  if (start < 0) return null;
  const size = block.content.size;
  const insertedAt = new Set<number>();
  const overlay: BlockOverlay = { inserted: [], insertedMarks: new Set(), deleted: new Map() };
  const deleteAt = (at: number, slot: number, text: string) => overlay.deleted.set(at, [...(overlay.deleted.get(at) ?? []), { slot, text }]);
  let k = 0;
  for (const c of changes) {
    if (c.removed) {
      // Text deleted before a block-level prefix or after a suffix stands at the edge of the inline content.
      const j = Math.min(Math.max(k - start, 0), slots.length);
      const next = slots[j];
      if (!next) deleteAt(size, Infinity, c.value);
      else if ('real' in next) deleteAt(next.real, Infinity, c.value);
      else deleteAt(next.at, next.ordinal, c.value);
      continue;
    }
    if (c.added) {
      for (let i = 0; i < c.value.length; i++) {
        const slot = slots[k + i - start];
        if (!slot || k + i < start) continue;
        if ('real' in slot) insertedAt.add(slot.real);
        else overlay.insertedMarks.add(`${slot.at}:${slot.ordinal}`);
      }
    }
    k += c.value.length;
  }
  for (const at of [...insertedAt].sort((x, y) => x - y)) {
    const last = overlay.inserted[overlay.inserted.length - 1];
    if (last && last[1] === at) last[1] = at + 1;
    else overlay.inserted.push([at, at + 1]);
  }
  return overlay;
}
