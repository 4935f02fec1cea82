/**
 * The rule function as the editor calls it: `refuseEdit(before, after, author)` from
 * shared/permissions (contract 1), the same one the server enforces.
 */
import type { Node } from 'prosemirror-model';
import * as permissions from '../../shared/permissions/index.ts';
import type { Author } from '../../shared/permissions/index.ts';

/** Why the rules refuse an edit: a plain sentence for the user and a detail for logs and tests. */
export interface EditRefusal {
  message: string;
  detail: string;
}

type RefuseEdit = (before: Node, after: Node, author: Author) => EditRefusal | null;

const refuseEdit = (permissions as unknown as { refuseEdit?: RefuseEdit }).refuseEdit;

/** Why `author` may not turn `before` into `after`, or null when the rules allow it. */
export function refusalOf(before: Node, after: Node, author: Author): EditRefusal | null {
  return refuseEdit ? refuseEdit(before, after, author) : null;
}
