/**
 * A small treaty with one of everything the edit rules protect, and helpers to edit it the way
 * the editor does (a Transform on the document), for the refuseEdit tests.
 */
import type { Mark, Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { schema } from '../../shared/schema/index.ts';
import { article, alternatives, br, comment, comments, heading, option, paragraph, plain, treaty } from './bracket-builders.ts';
import type { Author } from '../../shared/permissions/index.ts';

/** The authors of the tests. */
export const FR: Author = { role: 'delegate', delegation: 'FR' };
export const KE: Author = { role: 'delegate', delegation: 'KE' };
export const US: Author = { role: 'delegate', delegation: 'US' };
export const SEC: Author = { role: 'secretariat', delegation: 'SEC' };
export const CHAIR: Author = { role: 'chair', delegation: 'CHAIR' };
export const OBSERVER: Author = { role: 'observer', delegation: 'OBS' };

/**
 * Art. 1 (agreed text with France's insertion b1, France's deletion d1, Kenya's comment anchor),
 * Kenya's bracketed Art. 2 (bb1), Art. 3 agreed ad referendum, alternatives alt1 (France's o1,
 * Kenya's o2), an inline alternatives group g1 (France's g1a, US's g1b), and comments of France
 * (c1, anchored in Art. 1) and Kenya (c2).
 */
export function sample(): Node {
  const anchorC1 = schema.marks.anchor.create({ comment: 'c1' });
  return treaty(
    article({ id: 'a1' }, heading('Definitions'),
      paragraph({ id: 'p1' }, plain({ id: 'l1' }, 'computer system means any ', br('b1', 'FR')('serious hindering'), ' device ', br('d1', 'FR', null, 'delete')('and interoperable'), ' or group')),
      paragraph({ id: 'p2' }, plain({ id: 'l2' }, 'agreed words here and ', schema.text('anchored words', [anchorC1]), ' too')),
      paragraph({ id: 'p3' }, plain({ id: 'l7' }, 'send ', br('g1a', 'FR', 'g1')('spam'), ' ', br('g1b', 'US', 'g1')('unsolicited messages'), ' rarely'))),
    article({ id: 'a2', bracket: 'bb1', sponsors: ['KE'] }, heading('Kenya article'), plain({ id: 'l3' }, 'Kenya proposal text')),
    article({ id: 'a3', status: 'agreed' }, heading('Agreed article'), plain({ id: 'l4' }, 'agreed article text')),
    alternatives({ id: 'alt1' },
      option({ id: 'o1', sponsors: ['FR'] }, plain({ id: 'l5' }, 'france option')),
      option({ id: 'o2', sponsors: ['KE'] }, plain({ id: 'l6' }, 'kenya option'))),
    comments(
      comment({ id: 'c1', delegation: 'FR', author: 'Marie', createdAt: 1 }, plain('France note')),
      comment({ id: 'c2', delegation: 'KE', author: 'Wanjiru', createdAt: 2, target: 'a1' }, plain('Kenya note'))),
  );
}

/** Position of the first character of `text` in `doc` (the `nth` occurrence, 0 first). */
export function at(doc: Node, text: string, nth = 0): number {
  let found = -1;
  let seen = 0;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (!node.isTextblock) return true;
    let from = 0;
    const content = node.textContent;
    for (;;) {
      const index = content.indexOf(text, from);
      if (index < 0) break;
      if (seen++ === nth) { found = pos + 1 + index; break; }
      from = index + 1;
    }
    return false;
  });
  if (found < 0) throw new RangeError(`No ${JSON.stringify(text)} in the document`);
  return found;
}

/** Position of the node with attribute `id` (or `bracket`) equal to `id`. */
export function nodePos(doc: Node, id: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.attrs.id === id || node.attrs.bracket === id) { found = pos; return false; }
    return true;
  });
  if (found < 0) throw new RangeError(`No node ${JSON.stringify(id)} in the document`);
  return found;
}

/** A bracket mark. */
export function bracket(id: string, sponsors: string[], kind: 'insert' | 'delete' = 'insert', group: string | null = null): Mark {
  return schema.marks.bracket.create({ id, sponsors, kind, group });
}

/** Apply `edit` to a Transform over `doc` and return the result. */
export function edit(doc: Node, change: (tr: Transform, doc: Node) => void): Node {
  const tr = new Transform(doc);
  change(tr, doc);
  return tr.doc;
}

/** The text range of `text` in `doc`. */
export function range(doc: Node, text: string, nth = 0): { from: number; to: number } {
  const from = at(doc, text, nth);
  return { from, to: from + text.length };
}

/** The mark of inline bracket `id` in `doc`. */
export function markOf(doc: Node, id: string): Mark {
  let found: Mark | null = null;
  doc.descendants((node) => {
    if (found) return false;
    found = node.marks.find((m) => m.type.name === 'bracket' && m.attrs.id === id) ?? null;
    return true;
  });
  if (!found) throw new RangeError(`No bracket ${id}`);
  return found;
}
