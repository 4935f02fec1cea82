/**
 * The precise check, for updates the fast inspection hands over: apply the update to a copy of the
 * accepted state, require that it integrates completely (nothing pending), that every new item holds
 * content its place allows (`content-shape.ts`), and that the result is
 * a valid treaty under the schema, then let the rule function (`refuseEdit`) decide on the
 * ProseMirror documents before and after. The before-document (and the encoded state the copy starts from) is computed
 * once per accepted state.
 */
import * as Y from 'yjs';
import type { Node, Schema } from 'prosemirror-model';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { hasPending, type DecodedStructs } from './integrable.ts';
import { integratedContentProblem } from './content-shape.ts';
import { inventoryOf, type Inventory } from './inventory.ts';
import { refuseEdit } from './edit-rules.ts';
import type { Author } from './rules.ts';

/** What the precise check needs of the state an update meets; computed once per state. */
interface Before {
  encoded: Uint8Array;
  node: Node | null;
  inventory: Inventory | null;
}

const states = new WeakMap<Y.Doc, Before>();
const watched = new WeakSet<Y.Doc>();

/** The cached before-state of `doc`, dropped by its next transaction. */
function beforeOf(doc: Y.Doc): Before {
  if (!watched.has(doc)) {
    watched.add(doc);
    doc.on('afterTransaction', () => states.delete(doc));
  }
  let before = states.get(doc);
  if (!before) states.set(doc, (before = { encoded: Y.encodeStateAsUpdate(doc), node: null, inventory: null }));
  return before;
}

/** The ProseMirror document `doc` holds now (not checked), computed once per document state. */
export function currentDocument(doc: Y.Doc, schema: Schema): Node {
  const before = beforeOf(doc);
  before.node ??= schema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment('prosemirror')));
  return before.node;
}

/** The inventory of `doc` now, computed once per document state. */
export function currentInventory(doc: Y.Doc): Inventory {
  const before = beforeOf(doc);
  before.inventory ??= inventoryOf(doc);
  return before.inventory;
}

/** A copy of `doc` with `update` applied; `doc` is untouched. The caller destroys it. Throws when Yjs cannot apply it. */
export function documentAfter(doc: Y.Doc, update: Uint8Array): Y.Doc {
  const copy = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(copy, beforeOf(doc).encoded);
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

/**
 * Why an update was refused by the precise check: `reason` one plain sentence (for the sender),
 * `detail` for logs and tests (may name ids); `invalid` when it cannot be integrated at once or
 * the result breaks the schema.
 */
export interface PreciseRefusal {
  reason: string;
  detail: string;
  invalid: boolean;
}

/**
 * Why `author` may not apply `update` to `doc`, or null when allowed: the update must integrate
 * completely into a copy of `doc`, the result must be a valid document under `schema` (else
 * `invalid: true`), then `refuseEdit` decides on the documents before and after.
 */
export function checkUpdatePrecisely(update: Uint8Array, doc: Y.Doc, author: Author, schema: Schema): PreciseRefusal | null {
  let copy: Y.Doc;
  try {
    copy = documentAfter(doc, update);
  } catch (error) {
    const detail = `the update cannot be integrated (${(error as Error).message})`;
    return { reason: detail, detail, invalid: true };
  }
  try {
    if (hasPending(copy)) {
      const detail = 'the update waits for content the server does not have';
      return { reason: detail, detail, invalid: true };
    }
    const misplaced = integratedContentProblem(copy, Y.decodeUpdate(update) as unknown as DecodedStructs);
    if (misplaced) {
      const detail = `the update puts content where it cannot go (${misplaced})`;
      return { reason: detail, detail, invalid: true };
    }
    let after: Node;
    try {
      after = schema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(copy.getXmlFragment('prosemirror')));
      after.check();
    } catch (error) {
      const detail = `the update leaves the document invalid (${(error as Error).message})`;
      return { reason: detail, detail, invalid: true };
    }
    const refusal = refuseEdit(currentDocument(doc, schema), after, author);
    return refusal ? { reason: refusal.message, detail: refusal.detail, invalid: false } : null;
  } finally {
    copy.destroy();
  }
}
