/**
 * The fast inspection of an incoming Yjs update against the live document, on the decoded structs
 * and delete set only: which client ids it writes under, whether it changes anything, and whether
 * it may touch a bracket, an option or a comment (then the precise check must run). Plain typing
 * — new `ContentString` items and `em`/`strong` formats in ordinary text, deletions of unbracketed
 * characters — is settled here.
 *
 * Plain typing cannot make the document invalid under the schema: with a schema given, text counts
 * as plain only inside an existing XmlText whose parent element is a text block (every text block
 * of the treaty schema holds `inline*` and allows every mark), so neither inserting nor deleting
 * characters, nor em/strong, can break a content expression. Everything else — new elements or
 * XmlTexts, attributes, deleted elements, text elsewhere — goes to the precise check, which
 * validates the result.
 */
import * as Y from 'yjs';
import type { Schema } from 'prosemirror-model';
import { isBracketKey } from './inventory.ts';
import { acceptsText } from './validity.ts';

/** What the fast inspection learnt about an update. */
export interface UpdateInspection {
  /** Client ids under which the update brings structs the document does not have yet. */
  writers: Set<number>;
  /** Whether applying the update would change the document. */
  changes: boolean;
  /** Why the update may touch a bracket, option or comment; null when it is plain text editing. */
  relevant: string | null;
  /**
   * Client ids whose content the update refers to (as neighbour, parent or deletion) although the
   * document does not have it yet: such an update takes effect only later, so it may refer only to
   * its own author's not-yet-applied content.
   */
  unknownRefs: Set<number>;
  /** Ranges of plain text the update inserts, with the XmlText they go into (for `PendingText`). */
  insertedText: TextRange[];
}

/** A run of new text items of one client (`clock` to `end`, exclusive) and the XmlText holding it. */
export interface TextRange {
  client: number;
  clock: number;
  end: number;
  parent: Y.XmlText;
}

/**
 * The XmlText that accepted-but-not-yet-applied text holding `id` goes into, or null. The server
 * applies updates only after writing them, so a typist's next keystroke often anchors on the
 * previous one, still queued; this lets the fast path settle it without the precise check.
 */
export type PendingText = (id: Y.ID) => Y.XmlText | null;

/** Format keys that cannot concern brackets, options or comments. */
const HARMLESS_FORMATS = new Set(['em', 'strong']);

/** Whether a shared type lies inside a `comment` element; types never move, so this is cached. */
const inComment = new WeakMap<Y.AbstractType<any>, boolean>();

function isInComment(type: Y.AbstractType<any>): boolean {
  const cached = inComment.get(type);
  if (cached !== undefined) return cached;
  let result = false;
  for (let t: Y.AbstractType<any> | null = type; t; t = (t._item?.parent as Y.AbstractType<any> | undefined) ?? null) {
    if (t instanceof Y.XmlElement && t.nodeName === 'comment') { result = true; break; }
  }
  inComment.set(type, result);
  return result;
}

/** The struct of `doc` holding `id`, or null when the document does not have it. */
function structAt(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null;
  return Y.getItem(doc.store, id) as Y.Item | Y.GC;
}

/** Whether the live string item `item` is inside an inline bracket (a bracket format active at it). */
function insideBracket(item: Y.Item): boolean {
  const seen = new Set<string>();
  for (let left = item.left; left !== null; left = left.left) {
    if (left.deleted || !(left.content instanceof Y.ContentFormat)) continue;
    const { key, value } = left.content;
    if (!isBracketKey(key) || seen.has(key)) continue;
    seen.add(key);
    if (value != null) return true;
  }
  return false;
}

/**
 * Inspect `update` (Yjs v1) against `doc` without applying it; with `schema`, text is plain only
 * in a text block. Throws when the update cannot be decoded.
 */
export function inspectUpdate(update: Uint8Array, doc: Y.Doc, schema?: Schema, pending?: PendingText): UpdateInspection {
  const { structs, ds } = Y.decodeUpdate(update) as unknown as { structs: Array<Y.Item | Y.GC | Y.Skip>; ds: { clients: Map<number, Array<{ clock: number; len: number }>> } };
  const writers = new Set<number>();
  let changes = false;
  let relevant: string | null = null;
  const unknownRefs = new Set<number>();
  const inUpdate = (id: Y.ID) => placed.get(id.client)?.some((p) => id.clock >= p.clock && id.clock < p.end) ?? false;
  const noteRef = (id: unknown) => {
    if (id instanceof Y.ID && id.clock >= Y.getState(doc.store, id.client) && !inUpdate(id)) unknownRefs.add(id.client);
  };
  /** Parent type of update items already placed, per client, for origins inside the update. */
  const placed = new Map<number, Array<{ clock: number; end: number; parent: Y.AbstractType<any> | null }>>();

  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    if (clock + struct.length <= Y.getState(doc.store, client)) continue;
    writers.add(client);
    changes = true;
    if (struct instanceof Y.Item) { noteRef(struct.origin); noteRef(struct.rightOrigin); noteRef(struct.parent); }
    if (relevant) { placed.set(client, [...(placed.get(client) ?? []), { clock, end: clock + struct.length, parent: null }]); continue; }
    if (!(struct instanceof Y.Item)) { relevant = 'garbage-collected struct'; continue; }
    const content = struct.content;
    const plain = content instanceof Y.ContentString || content instanceof Y.ContentDeleted
      || (content instanceof Y.ContentFormat && HARMLESS_FORMATS.has(content.key));
    let parent: Y.AbstractType<any> | null = null;
    if (plain) {
      const anchor = struct.origin ?? struct.rightOrigin;
      if (struct.parentSub !== null) parent = null;
      else if (struct.parent instanceof Y.ID) {
        const owner = structAt(doc, struct.parent);
        parent = owner instanceof Y.Item && owner.content instanceof Y.ContentType ? owner.content.type : null;
      } else if (struct.parent !== null || !anchor) parent = null;
      else {
        const local = placed.get(anchor.client)?.find((p) => anchor.clock >= p.clock && anchor.clock < p.end);
        if (local) parent = local.parent;
        else {
          const neighbour = structAt(doc, anchor);
          if (neighbour === null) parent = pending?.(anchor) ?? null;
          else parent = neighbour instanceof Y.Item && neighbour.parentSub === null ? (neighbour.parent as Y.AbstractType<any>) : null;
        }
      }
    }
    const list = placed.get(client) ?? [];
    list.push({ clock, end: clock + struct.length, parent });
    placed.set(client, list);
    if (!plain) relevant = `inserts ${content.constructor.name}${content instanceof Y.ContentFormat ? ` "${content.key}"` : ''}`;
    else if (!(parent instanceof Y.XmlText)) relevant = 'inserts text whose parent is not known text';
    else if (schema && !acceptsText(parent, schema)) relevant = 'inserts text outside a text block';
    else if (isInComment(parent)) relevant = 'edits a comment';
  }

  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(doc.store, client);
    const list = doc.store.clients.get(client) as Array<Y.Item | Y.GC> | undefined;
    for (const { clock, len } of ranges) {
      if (clock + len > known) unknownRefs.add(client);
      if (clock >= known || !list) { relevant ??= 'deletes content the document does not have yet'; changes = true; continue; }
      for (let i = Y.findIndexSS(list, clock); i < list.length && list[i].id.clock < clock + len; i++) {
        const struct = list[i];
        if (struct.deleted || !(struct instanceof Y.Item)) continue;
        changes = true;
        if (relevant) break;
        const content = struct.content;
        if (struct.parentSub !== null) relevant = 'deletes an attribute';
        else if (content instanceof Y.ContentFormat) { if (!HARMLESS_FORMATS.has(content.key)) relevant = `deletes format "${content.key}"`; }
        else if (!(content instanceof Y.ContentString)) relevant = `deletes ${content.constructor.name}`;
        else if (isInComment(struct.parent as Y.AbstractType<any>)) relevant = 'deletes comment text';
        else if (insideBracket(struct)) relevant = 'deletes bracketed text';
      }
    }
  }
  const insertedText: TextRange[] = [];
  for (const [client, ranges] of placed) {
    for (const { clock, end, parent } of ranges) if (parent instanceof Y.XmlText) insertedText.push({ client, clock, end, parent });
  }
  return { writers, changes, relevant, unknownRefs, insertedText };
}
