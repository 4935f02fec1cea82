/**
 * The exact shape of the `cursor` field of a presence (awareness) state, as y-prosemirror's
 * cursor plugin writes it: `{ anchor, head }`, each the JSON of a `Y.RelativePosition`
 * (`{ type, tname, item, assoc }`, ids as `{ client, clock }`). Anything else — `null`
 * positions, missing ids, strings for numbers, extra keys, another root type — is not a cursor,
 * and y-prosemirror would throw on some of it while rendering, so both the server and the editor
 * check with `isCursorJSON` before using one.
 */

/** The root type the editor binds to (`ydoc.getXmlFragment('prosemirror')`). */
export const PRESENCE_ROOT = 'prosemirror';

/** A Yjs struct id as JSON. */
export interface IdJSON {
  client: number;
  clock: number;
}

/** The JSON of a `Y.RelativePosition`. */
export interface RelativePositionJSON {
  type?: IdJSON | null;
  tname?: string | null;
  item?: IdJSON | null;
  assoc?: number;
}

/** A remote cursor: where the selection starts (`anchor`) and where the caret is (`head`). */
export interface CursorJSON {
  anchor: RelativePositionJSON;
  head: RelativePositionJSON;
}

/** Largest Yjs client id (client ids are unsigned 32-bit). */
const MAX_CLIENT = 0xffffffff;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key));
}

/** Whether `value` is an id `{ client, clock }` of non-negative integers. */
export function isIdJSON(value: unknown): value is IdJSON {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['client', 'clock'])) return false;
  const { client, clock } = value;
  return Number.isSafeInteger(client) && (client as number) >= 0 && (client as number) <= MAX_CLIENT
    && Number.isSafeInteger(clock) && (clock as number) >= 0;
}

/**
 * Whether `value` is the JSON of a relative position in the editor's root: only the keys
 * `type`, `tname`, `item`, `assoc`; ids well-formed or null; `tname` null or `"prosemirror"`;
 * `assoc` -1, 0 or 1; and at least one of `item`, `type`, `tname` set (Yjs throws otherwise).
 */
export function isRelativePositionJSON(value: unknown): value is RelativePositionJSON {
  if (!isPlainObject(value) || !hasOnlyKeys(value, ['type', 'tname', 'item', 'assoc'])) return false;
  const { type, tname, item, assoc } = value;
  if (type != null && !isIdJSON(type)) return false;
  if (item != null && !isIdJSON(item)) return false;
  if (tname != null && tname !== PRESENCE_ROOT) return false;
  if (assoc !== undefined && assoc !== -1 && assoc !== 0 && assoc !== 1) return false;
  return item != null || type != null || tname != null;
}

/** Whether `value` is a cursor `{ anchor, head }` of two relative positions (and nothing else). */
export function isCursorJSON(value: unknown): value is CursorJSON {
  return isPlainObject(value) && hasOnlyKeys(value, ['anchor', 'head'])
    && isRelativePositionJSON(value.anchor) && isRelativePositionJSON(value.head);
}
