/**
 * Tell typing from restructuring. Most transactions while drafting only change text and marks
 * inside one textblock; plugins that derive things from the block structure (numbering, ids,
 * alternatives) can then map what they had instead of recomputing it.
 */
import type { Transaction } from 'prosemirror-state';
import { ReplaceStep, AddMarkStep, RemoveMarkStep } from 'prosemirror-transform';

/**
 * Positions (in `tr.doc`) of the textblocks an inline-only transaction touched, or null when the
 * transaction changed the block structure, attributes, or the hidden comments.
 */
export function touchedTextblocks(tr: Transaction): number[] | null {
  const touched: Array<{ from: number; to: number }> = [];
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    const doc = tr.docs[i];
    let from: number;
    let to: number;
    if (step instanceof ReplaceStep) {
      const slice = step.slice;
      if (slice.openStart !== 0 || slice.openEnd !== 0) return null;
      let blocks = false;
      slice.content.forEach((node) => { if (!node.isInline) blocks = true; });
      if (blocks) return null;
      from = step.from;
      to = step.to;
    } else if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
      from = step.from;
      to = step.to;
    } else {
      return null;
    }
    const $from = doc.resolve(from);
    const $to = doc.resolve(to);
    if (!$from.parent.isTextblock || !$from.sameParent($to)) return null;
    if ($from.depth > 0 && $from.node(1).type.name === 'comments') return null;
    const rest = tr.mapping.slice(i);
    touched.push({ from: rest.map(from, -1), to: rest.map(to, 1) });
  }
  const positions = new Set<number>();
  for (const range of touched) {
    const $pos = tr.doc.resolve(range.from);
    if ($pos.parent.isTextblock) positions.add($pos.before());
  }
  return [...positions];
}
