/**
 * Reading a Redline in order: `redlineSteps` resolves `sequence` to the units themselves, and
 * `redlineSideText` rebuilds one side's text from the pieces — exactly `sideText(doc)` of that side
 * (see types.ts). Renderers walk `redlineSteps`; tests and exports check against `redlineSideText`.
 */
import type { Change, Redline, RedlineArticle, RedlineBlock, RedlinePart } from './types.ts';

/** A resolved step: a part or article at its place in the newer text, or where a moved one stood. */
export type ResolvedStep =
  | { type: 'part'; part: RedlinePart; article?: undefined }
  | { type: 'article'; article: RedlineArticle; part?: undefined }
  | { type: 'moved-from'; part: RedlinePart; article?: undefined }
  | { type: 'moved-from'; article: RedlineArticle; part?: undefined };

/** The steps of `redline.sequence` with their units (see `ResolvedStep`). */
export function redlineSteps(redline: Redline): ResolvedStep[] {
  return redline.sequence.map((step): ResolvedStep => {
    if (step.type === 'part') return { type: 'part', part: redline.parts[step.index] };
    if (step.type === 'article') return { type: 'article', article: redline.articles[step.index] };
    return step.of === 'part' ? { type: 'moved-from', part: redline.parts[step.index] } : { type: 'moved-from', article: redline.articles[step.index] };
  });
}

/** The text of one side of a run list: common and removed runs for `from`, common and added for `to`. */
export function changesText(changes: Change[], side: 'from' | 'to'): string {
  let out = '';
  for (const c of changes) {
    if (c.added) { if (side === 'to') out += c.value; } else if (c.removed) { if (side === 'from') out += c.value; } else out += side === 'from' ? (c.fromValue ?? c.value) : c.value;
  }
  return out;
}

const present = (block: RedlineBlock, side: 'from' | 'to') =>
  (side === 'from' ? block.fromId != null && block.move !== 'to' : block.toId != null && block.move !== 'from');

/** The lines of one side of a unit's blocks (blocks absent on that side, or read at their other place, left out). */
function blockLines(blocks: RedlineBlock[], side: 'from' | 'to'): string[] {
  return blocks.filter((b) => present(b, side)).map((b) => changesText(b.changes, side));
}

/** Rebuild one side's text from the Redline: the lines of the units in order, joined by "\n". */
export function redlineSideText(redline: Redline, side: 'from' | 'to'): string {
  const lines: string[] = [];
  for (const step of redlineSteps(redline)) {
    const unit = step.part ?? step.article!;
    const exists = side === 'from' ? unit.fromId != null : unit.toId != null;
    if (!exists) continue;
    const moved = unit.status === 'moved';
    if (moved && (step.type === 'moved-from') !== (side === 'from')) continue;
    if (step.article) lines.push(changesText(step.article.heading, side));
    lines.push(...blockLines(unit.blocks, side));
  }
  return lines.join('\n');
}
