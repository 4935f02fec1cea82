/**
 * Decoding a cursor against a Y.Doc, without changing the doc: a relative position is inside the
 * editor's root when the struct it names is an item of the `prosemirror` fragment (or of a type
 * nested in it), or when the doc does not have that struct yet (a position in text that is still
 * on its way is shown once the text arrives). A position naming a struct of any other type, or a
 * struct that is not an item, is outside.
 */
import * as Y from 'yjs';
import { PRESENCE_ROOT, type CursorJSON, type IdJSON, type RelativePositionJSON } from './cursor.ts';

/** Where a decoded relative position points. */
export type PositionPlace = 'inside' | 'unknown' | 'outside';

function isInRoot(type: Y.AbstractType<any>, root: Y.AbstractType<any> | undefined): boolean {
  if (!root) return false;
  let current: Y.AbstractType<any> | null = type;
  while (current) {
    if (current === root) return true;
    const parent: unknown = current._item?.parent;
    current = parent instanceof Y.AbstractType ? parent : null;
  }
  return false;
}

function placeOfId(doc: Y.Doc, id: IdJSON, asType: boolean): PositionPlace {
  if (Y.getState(doc.store, id.client) <= id.clock) return 'unknown';
  const root = doc.share.get(PRESENCE_ROOT);
  let struct: unknown;
  try {
    struct = Y.getItem(doc.store, Y.createID(id.client, id.clock));
  } catch {
    return 'outside';
  }
  if (!(struct instanceof Y.Item)) return 'unknown'; // garbage-collected: Yjs decodes it to no position
  if (asType) {
    if (!(struct.content instanceof Y.ContentType)) return 'outside';
    return isInRoot(struct.content.type, root) ? 'inside' : 'outside';
  }
  const parent: unknown = struct.parent;
  return parent instanceof Y.AbstractType && isInRoot(parent, root) ? 'inside' : 'outside';
}

/** Where `position` points in `doc` (see the module comment). */
export function placeOfPosition(doc: Y.Doc, position: RelativePositionJSON): PositionPlace {
  if (position.item != null) return placeOfId(doc, position.item, false);
  if (position.type != null) return placeOfId(doc, position.type, true);
  return position.tname === PRESENCE_ROOT ? 'inside' : 'outside';
}

/** Whether neither end of `cursor` points outside the editor's root of `doc`. */
export function cursorFitsDocument(doc: Y.Doc, cursor: CursorJSON): boolean {
  return placeOfPosition(doc, cursor.anchor) !== 'outside' && placeOfPosition(doc, cursor.head) !== 'outside';
}
