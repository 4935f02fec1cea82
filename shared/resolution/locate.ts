import type { Mark, Node } from 'prosemirror-model';

/** A run of text carrying one inline bracket mark. */
export interface BracketRange {
  from: number;
  to: number;
  mark: Mark;
}

/** Where a bracket lives in a document, in one of its three shapes. */
export type LocatedBracket =
  | { shape: 'inline'; id: string; group: string | null; sponsors: string[]; ranges: BracketRange[] }
  | { shape: 'block'; id: string; pos: number; node: Node; sponsors: string[] }
  | { shape: 'alternatives'; id: string; pos: number; node: Node };

/** Normalise a `sponsors` attribute (array, single code or null) to an array of delegation codes. */
export function sponsorsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === 'string');
  if (typeof value === 'string' && value) return [value];
  return [];
}

/** Every text range carrying the inline bracket `id`, adjacent ranges merged, in document order. */
export function inlineRanges(doc: Node, id: string, from = 0, to = doc.content.size): BracketRange[] {
  const ranges: BracketRange[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    const mark = node.marks.find((m) => m.type.name === 'bracket' && m.attrs.id === id);
    if (!mark) return false;
    const last = ranges[ranges.length - 1];
    if (last && last.to === pos && last.mark.eq(mark)) last.to = pos + node.nodeSize;
    else ranges.push({ from: pos, to: pos + node.nodeSize, mark });
    return false;
  });
  return ranges;
}

/** The inline brackets sharing the alternatives group `group`: bracket id → its ranges. */
export function groupMembers(doc: Node, group: string): Map<string, BracketRange[]> {
  const members = new Map<string, BracketRange[]>();
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== 'bracket' || mark.attrs.group !== group) continue;
      const ranges = members.get(mark.attrs.id) ?? [];
      const last = ranges[ranges.length - 1];
      if (last && last.to === pos && last.mark.eq(mark)) last.to = pos + node.nodeSize;
      else ranges.push({ from: pos, to: pos + node.nodeSize, mark });
      members.set(mark.attrs.id, ranges);
    }
    return false;
  });
  return members;
}

/**
 * Find the bracket `id` in `doc`: an inline bracket mark, the `bracket` attribute of a block, an
 * `alternatives` node with that id, or an inline alternatives group with that group id. Returns
 * null when there is no such bracket.
 */
export function locateBracket(doc: Node, id: string): LocatedBracket | null {
  let found: LocatedBracket | null = null;
  let groupHit = false;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.isInline) {
      for (const mark of node.marks) {
        if (mark.type.name !== 'bracket') continue;
        if (mark.attrs.id === id) {
          found = { shape: 'inline', id, group: mark.attrs.group ?? null, sponsors: sponsorsOf(mark.attrs.sponsors), ranges: inlineRanges(doc, id, pos) };
          return false;
        }
        if (mark.attrs.group === id) groupHit = true;
      }
      return false;
    }
    if (node.type.name === 'alternatives' && node.attrs.id === id) {
      found = { shape: 'alternatives', id, pos, node };
      return false;
    }
    if (node.attrs.bracket === id) {
      found = { shape: 'block', id, pos, node, sponsors: sponsorsOf(node.attrs.sponsors) };
      return false;
    }
    return true;
  });
  if (!found && groupHit) return { shape: 'inline', id, group: id, sponsors: [], ranges: [] };
  return found;
}
