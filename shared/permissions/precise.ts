/**
 * The precise check, for updates the fast inspection flags: apply the update to a copy of the
 * document and compare the bracket/option/comment inventories before and after.
 */
import * as Y from 'yjs';
import { inventoryOf, type Inventory } from './inventory.ts';
import { checkChange, type Author } from './rules.ts';

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

/** The inventory `doc` would have after `update`, computed on a copy; `doc` is untouched. */
export function inventoryAfter(doc: Y.Doc, update: Uint8Array): Inventory {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, update);
  return inventoryOf(copy);
}

/** Why `author` may not apply `update` to `doc` (see `checkChange`), or null when allowed. */
export function checkUpdatePrecisely(update: Uint8Array, doc: Y.Doc, author: Author): string | null {
  return checkChange(currentInventory(doc), inventoryAfter(doc, update), author);
}
