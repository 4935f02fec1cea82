/**
 * The fast inspection of an incoming Yjs update against the accepted state, on the decoded structs
 * and delete set only: whether it changes anything, and whether the fast path may settle it or the
 * precise check (`precise.ts`: apply to a copy, convert to ProseMirror, `refuseEdit`) must run.
 *
 * The fast path settles plain typing only, and only where the rules certainly allow it:
 * - new `ContentString` items whose neighbours (origin and right origin) are in the accepted state
 *   with no live format item between them (so wherever Yjs's conflict resolution puts the item,
 *   it takes the formats active after its origin), in an XmlText whose parent is a text block
 *   outside comments; deletions of `ContentString` items in such a text;
 * - by the chair anywhere there (and `em`/`strong` formats);
 * - by the secretariat in agreed text: no inline bracket active at the place, no block bracket or
 *   alternatives around it, in an article that is not `agreed`;
 * - by a delegate inside inline `insert` brackets that its delegation sponsors alone (every
 *   bracket active at the place), with no block bracket or alternatives around, in an article
 *   that is not `agreed`.
 * Everything else goes to the precise check. Plain typing in a text block cannot break the schema
 * (every text block holds `inline*` and allows every mark).
 */
import * as Y from 'yjs';
import type { Schema } from 'prosemirror-model';
import { isBracketKey } from './inventory.ts';
import type { DecodedStructs } from './integrable.ts';
import type { Author } from './rules.ts';
import { acceptsText } from './validity.ts';

/** What the fast inspection learnt about an update. */
export interface UpdateInspection {
  /** Whether applying the update would change the document (new structs, or deletions of live content). */
  changes: boolean;
  /** Why the precise check must run; null when the fast path settles the update. */
  relevant: string | null;
}

/** Format keys that cannot concern brackets, options or comments. */
const HARMLESS_FORMATS = new Set(['em', 'strong']);

/** Most existing items one update may delete on the fast path. */
const FAST_DELETIONS = 256;

/** Bracket formats active at a place of a text: format key → mark attributes. */
type Formats = Map<string, Record<string, unknown>>;

/** Where a new item of the update lands: its text, the bracket formats there, and its right neighbour. */
interface Placement {
  text: Y.XmlText;
  formats: Formats;
  right: Y.ID | null;
}

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

/** Normalise a `sponsors` value to an array of delegation codes. */
function sponsorList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === 'string');
  return typeof value === 'string' ? value.split(/[\s,;]+/).filter((s) => s !== '') : [];
}

/** The bracket formats active just after `item` (inclusive) in its text; null = start of the text. */
function formatsAfter(item: Y.Item | null): Formats {
  const formats: Formats = new Map();
  const seen = new Set<string>();
  for (let left = item; left !== null; left = left.left) {
    if (left.deleted || !(left.content instanceof Y.ContentFormat)) continue;
    const { key, value } = left.content;
    if (!isBracketKey(key) || seen.has(key)) continue;
    seen.add(key);
    if (value != null && typeof value === 'object') formats.set(key, value as Record<string, unknown>);
  }
  return formats;
}

/** Most items the fast path walks between a new item's neighbours (concurrent typing at one place). */
const FAST_SCAN = 64;

/** Whether item `item` holds clock `id` of its client. */
const holds = (item: Y.Item, id: Y.ID) => item.id.client === id.client && id.clock >= item.id.clock && id.clock < item.id.clock + item.length;

/**
 * Why the place between `from` (the origin and the item `left` holding it; null for the start of
 * `text`) and `rightOrigin` cannot be read on the fast path, or null. Yjs puts a new item
 * somewhere after its origin and before its right origin (after concurrent insertions there);
 * when no live format item lies in between, the item takes the formats active just after `left`
 * (none at the start) wherever it lands.
 */
function formatFreeUntil(from: { left: Y.Item; origin: Y.ID } | null, text: Y.XmlText, rightOrigin: Y.ID | null): string | null {
  if (from && rightOrigin !== null && holds(from.left, rightOrigin) && rightOrigin.clock > from.origin.clock) return null;
  let steps = 0;
  for (let o = from ? from.left.right : text._start; ; o = o.right) {
    if (rightOrigin === null ? o === null : o !== null && holds(o, rightOrigin)) return null;
    if (o === null) return 'inserts text before an item that is not its neighbour';
    if (!o.deleted && o.content instanceof Y.ContentFormat) return 'inserts text where a format lies between its neighbours';
    if (++steps > FAST_SCAN) return 'inserts text far from its right neighbour';
  }
}

const sameId = (a: Y.ID | null, b: Y.ID | null) => (a === null ? b === null : b !== null && a.client === b.client && a.clock === b.clock);

/** The struct of `doc` holding `id`, or null when the document does not have it. */
function structAt(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null;
  return Y.getItem(doc.store, id) as Y.Item | Y.GC;
}

/**
 * Inspect `update` (Yjs v1, or already decoded) from `author` against `doc` without applying it;
 * with `schema`, text is plain only in a text block. Throws when the update cannot be decoded.
 */
export function inspectUpdate(update: Uint8Array | DecodedStructs, doc: Y.Doc, author: Author, schema?: Schema): UpdateInspection {
  const { structs, ds } = (update instanceof Uint8Array ? Y.decodeUpdate(update) : update) as unknown as DecodedStructs;
  const known = (client: number) => Y.getState(doc.store, client);
  let changes = false;
  let relevant: string | null = null;
  /** New items of the update settled on the fast path, per client, with where they land. */
  const placed = new Map<number, Array<{ clock: number; end: number; place: Placement }>>();
  /** Clock each client reaches with the update's own structs. */
  const reached = new Map<number, number>();

  /** Why typing into `text` at a place with `formats` (or deleting text there) needs the precise check, or null. */
  const mayWrite = (text: Y.XmlText, formats: Formats, verb: string): string | null => {
    if (schema && !acceptsText(text, schema)) return `${verb} text outside a text block`;
    if (isInComment(text)) return `${verb} a comment`;
    if (author.role === 'chair') return null;
    for (let t: Y.AbstractType<any> | null = (text._item?.parent as Y.AbstractType<any> | null) ?? null; t; t = (t._item?.parent as Y.AbstractType<any> | undefined) ?? null) {
      if (!(t instanceof Y.XmlElement)) continue;
      if (t.getAttribute('bracket') != null) return `${verb} a bracketed block`;
      if (t.nodeName === 'option' || t.nodeName === 'alternatives') return `${verb} an alternative`;
      if (t.nodeName === 'article' && t.getAttribute('status') === 'agreed') return `${verb} an agreed article`;
    }
    if (author.role === 'secretariat') return formats.size === 0 ? null : `${verb} bracketed text`;
    if (author.role !== 'delegate') return `${author.role} ${verb} text`;
    if (formats.size === 0) return `${verb} agreed text`;
    for (const attrs of formats.values()) {
      const sponsors = sponsorList(attrs.sponsors);
      if (sponsors.length !== 1 || sponsors[0] !== author.delegation || (attrs.kind ?? 'insert') !== 'insert') {
        return `${verb} a bracket not sponsored by ${author.delegation} alone`;
      }
    }
    return null;
  };

  /** Where the new item `item` lands, or why that cannot be told on the decoded update. */
  const placementOf = (item: Y.Item): Placement | string => {
    const { origin, rightOrigin } = item;
    if (origin === null && rightOrigin !== null) {
      // At the start of a text: the right neighbour must still be its first item.
      const right = structAt(doc, rightOrigin);
      if (!(right instanceof Y.Item)) return right === null ? 'inserts next to content the document does not have' : 'inserts next to garbage-collected content';
      if (right.parentSub !== null || !(right.parent instanceof Y.XmlText)) return 'inserts into something that is not known text';
      const between = formatFreeUntil(null, right.parent, rightOrigin);
      if (between) return between;
      return { text: right.parent, formats: new Map(), right: rightOrigin };
    }
    if (origin === null) {
      // Into an empty text: the parent is named and must still be empty.
      if (!(item.parent instanceof Y.ID)) return 'inserts at the root';
      const owner = structAt(doc, item.parent);
      if (!(owner instanceof Y.Item) || !(owner.content instanceof Y.ContentType) || !(owner.content.type instanceof Y.XmlText)) return 'inserts into something that is not known text';
      const text = owner.content.type;
      return text._start === null ? { text, formats: new Map(), right: null } : 'inserts text away from its neighbours';
    }
    const local = placed.get(origin.client)?.find((p) => origin.clock >= p.clock && origin.clock < p.end);
    if (local) {
      const right = origin.clock < local.end - 1 ? Y.createID(origin.client, origin.clock + 1) : local.place.right;
      return sameId(rightOrigin, right) ? { ...local.place, right } : 'inserts text away from its neighbours';
    }
    const left = structAt(doc, origin);
    if (!(left instanceof Y.Item)) return left === null ? 'inserts next to content the document does not have' : 'inserts next to garbage-collected content';
    if (left.parentSub !== null || !(left.parent instanceof Y.XmlText)) return 'inserts into something that is not known text';
    const between = formatFreeUntil({ left, origin }, left.parent, rightOrigin);
    if (between) return between;
    return { text: left.parent, formats: formatsAfter(left), right: rightOrigin };
  };

  /** Why the new struct `struct` needs the precise check, or null (recording where it lands). */
  const insertion = (struct: Y.Item | Y.GC): string | null => {
    if (!(struct instanceof Y.Item)) return 'garbage-collected struct';
    if (struct.parentSub !== null) return 'sets an attribute';
    if (struct.id.clock < known(struct.id.client)) return 'repeats part of a known struct';
    const content = struct.content;
    const isText = content instanceof Y.ContentString;
    const isStyle = content instanceof Y.ContentFormat && HARMLESS_FORMATS.has(content.key);
    if (!isText && !isStyle && !(content instanceof Y.ContentDeleted)) {
      return `inserts ${content.constructor.name}${content instanceof Y.ContentFormat ? ` "${content.key}"` : ''}`;
    }
    if (isStyle && author.role !== 'chair') return `formats text as ${(content as Y.ContentFormat).key}`;
    const place = placementOf(struct);
    if (typeof place === 'string') return place;
    if (isText || isStyle) {
      const why = mayWrite(place.text, place.formats, 'inserts');
      if (why) return why;
    }
    const list = placed.get(struct.id.client) ?? [];
    list.push({ clock: struct.id.clock, end: struct.id.clock + struct.length, place: { ...place, right: struct.rightOrigin } });
    placed.set(struct.id.client, list);
    return null;
  };

  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    reached.set(client, Math.max(reached.get(client) ?? 0, clock + struct.length));
    if (clock + struct.length <= known(client)) continue;
    changes = true;
    if (relevant === null) relevant = insertion(struct);
  }

  /** Why deleting the existing item `item` needs the precise check, or null. */
  const deletion = (item: Y.Item): string | null => {
    if (item.parentSub !== null) return 'deletes an attribute';
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      return HARMLESS_FORMATS.has(content.key) && author.role === 'chair' ? null : `deletes format "${content.key}"`;
    }
    if (!(content instanceof Y.ContentString)) return `deletes ${content.constructor.name}`;
    if (!(item.parent instanceof Y.XmlText)) return 'deletes text outside a text';
    return mayWrite(item.parent, formatsAfter(item.left), 'deletes');
  };

  let deleted = 0;
  for (const [client, ranges] of ds.clients) {
    const have = known(client);
    const list = doc.store.clients.get(client) as Array<Y.Item | Y.GC> | undefined;
    for (const { clock, len } of ranges) {
      if (clock + len > have) {
        changes = true;
        if (clock + len > (reached.get(client) ?? 0) || !list) relevant ??= 'deletes content the document does not have';
      }
      if (clock >= have || !list) continue;
      for (let i = Y.findIndexSS(list, clock); i < list.length && list[i].id.clock < clock + len; i++) {
        const struct = list[i];
        if (struct.deleted || !(struct instanceof Y.Item)) continue;
        changes = true;
        if (relevant !== null) break;
        relevant = ++deleted > FAST_DELETIONS ? 'deletes many items' : deletion(struct);
      }
    }
  }
  return { changes, relevant };
}
