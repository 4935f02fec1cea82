/**
 * The precise check, for updates the fast inspection flags: apply the update to a copy of the
 * document, check that the copy is still a valid treaty under the schema, and compare the
 * bracket/option/comment inventories before and after.
 */
import * as Y from 'yjs';
import type { Schema } from 'prosemirror-model';
import { inventoryOf, type Inventory } from './inventory.ts';
import { checkChange, type Author } from './rules.ts';
import { invalidContent } from './validity.ts';

/** Inventory of each live document, dropped by its next transaction. */
const before = new WeakMap<Y.Doc, Inventory>();
const watched = new WeakSet<Y.Doc>();

/** The inventory of `doc` now, computed once per document state. */
export function currentInventory(doc: Y.Doc): Inventory {
  if (!watched.has(doc)) {
    watched.add(doc);
    doc.on('afterTransaction', () => before.delete(doc));
  }
  let inventory = before.get(doc);
  if (!inventory) before.set(doc, (inventory = inventoryOf(doc)));
  return inventory;
}

/** A copy of `doc` with `update` applied; `doc` is untouched. The caller destroys it. */
export function documentAfter(doc: Y.Doc, update: Uint8Array): Y.Doc {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, update);
  return copy;
}

/** The inventory `doc` would have after `update`, computed on a copy; `doc` is untouched. */
export function inventoryAfter(doc: Y.Doc, update: Uint8Array): Inventory {
  const copy = documentAfter(doc, update);
  try {
    return inventoryOf(copy);
  } finally {
    copy.destroy();
  }
}

/** Why an update was refused by the precise check; `invalid` when the result breaks the schema. */
export interface PreciseRefusal {
  reason: string;
  invalid: boolean;
}

/**
 * Why `author` may not apply `update` to `doc`, or null when allowed: with `schema`, the result
 * must be a valid document (else `invalid: true`); then `checkChange` decides on the inventories.
 */
export function checkUpdatePrecisely(update: Uint8Array, doc: Y.Doc, author: Author, schema?: Schema): PreciseRefusal | null {
  const copy = documentAfter(doc, update);
  try {
    if (schema) {
      const invalid = invalidContent(copy.getXmlFragment('prosemirror'), schema);
      if (invalid) return { reason: `the update leaves the document invalid (${invalid})`, invalid: true };
    }
    const reason = checkChange(currentInventory(doc), inventoryOf(copy), author);
    return reason ? { reason, invalid: false } : null;
  } finally {
    copy.destroy();
  }
}
