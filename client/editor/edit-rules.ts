/**
 * The rule function as the editor calls it: `refuseEdit(before, after, author)` from
 * shared/permissions (contract 1), the same one the server enforces.
 */
import type { Node } from 'prosemirror-model';
import { refuseEdit, type Author, type EditRefusal } from '../../shared/permissions/index.ts';

export type { EditRefusal };

/** Why `author` may not turn `before` into `after`, or null when the rules allow it. */
export function refusalOf(before: Node, after: Node, author: Author): EditRefusal | null {
  return refuseEdit(before, after, author);
}
