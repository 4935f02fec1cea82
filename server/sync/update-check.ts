/**
 * Structural check of an incoming Yjs update against the treaty schema, done on the decoded
 * structs (never by re-encoding the document): the update must decode, insert only under the
 * `prosemirror` root, create only XML elements whose names are schema nodes and XML text, and
 * format text only with schema marks (overlapping marks carry y-prosemirror's `--hash` suffix).
 *
 * Not checked here: attribute names of elements (an attribute overwrite does not carry its key in
 * the update) and content expressions (which children a node may hold).
 */
import * as Y from 'yjs';
import type { Schema } from 'prosemirror-model';

/** Name of the one root type the text lives in (y-prosemirror's default). */
export const PROSEMIRROR_ROOT = 'prosemirror';

/** Outcome of `checkUpdate`: the decoded update's size, or why it was refused. */
export type UpdateCheck =
  | { ok: true; empty: boolean; clients: Set<number> }
  | { ok: false; undecodable: boolean; reason: string };

const OVERLAPPING_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

/** The schema mark a y-prosemirror format key stands for ("bracket--Ab3dE6f+" → "bracket"). */
export function markNameOfKey(key: string): string {
  return OVERLAPPING_MARK.exec(key)?.[1] ?? key;
}

/** Check a Yjs v1 update against `schema`; never throws. */
export function checkUpdate(update: Uint8Array, schema: Schema): UpdateCheck {
  let decoded: { structs: Array<Y.Item | Y.GC | Y.Skip>; ds: { clients: Map<number, unknown[]> } };
  try {
    decoded = Y.decodeUpdate(update) as unknown as typeof decoded;
  } catch (error) {
    return { ok: false, undecodable: true, reason: `undecodable update (${(error as Error).message})` };
  }
  const clients = new Set<number>();
  for (const struct of decoded.structs) {
    clients.add(struct.id.client);
    if (!(struct instanceof Y.Item)) continue;
    if (typeof struct.parent === 'string' && struct.parent !== PROSEMIRROR_ROOT) {
      return { ok: false, undecodable: false, reason: `unknown root type "${struct.parent}"` };
    }
    const problem = checkContent(struct, schema);
    if (problem) return { ok: false, undecodable: false, reason: problem };
  }
  const empty = decoded.structs.length === 0 && decoded.ds.clients.size === 0;
  return { ok: true, empty, clients };
}

/** Why the content of `item` is not allowed, or null when it is. */
function checkContent(item: Y.Item, schema: Schema): string | null {
  const content = item.content;
  if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) return null;
  if (content instanceof Y.ContentFormat) {
    const name = markNameOfKey(content.key);
    return schema.marks[name] ? null : `unknown mark "${content.key}"`;
  }
  if (content instanceof Y.ContentType) {
    const type = content.type;
    if (type instanceof Y.XmlText) return null;
    if (type instanceof Y.XmlElement) {
      const name = type.nodeName;
      return schema.nodes[name] && name !== 'text' && name !== schema.topNodeType.name
        ? null
        : `unknown element "${name}"`;
    }
    return `unexpected shared type ${type.constructor.name}`;
  }
  // Element attributes are map entries holding plain values.
  if (content instanceof Y.ContentAny && (item.parentSub !== null || item.parent === null)) return null;
  return `unexpected content ${content.constructor.name}`;
}
