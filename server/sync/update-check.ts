/**
 * Structural check of an incoming Yjs update at the door, done on the decoded structs (never by
 * re-encoding the document): the update must decode, insert only under the `prosemirror` root,
 * create only XML elements whose names are schema nodes and XML text, format text only with
 * schema marks (overlapping marks carry y-prosemirror's `--hash` suffix), and carry no character
 * XML 1.0 cannot hold (in text, attribute values, format values or keys).
 *
 * Not checked here: content expressions (which children a node may hold) and permissions; those
 * are decided on the accepted state by the guard.
 */
import * as Y from 'yjs';
import type { MarkType, Schema } from 'prosemirror-model';
import { describeNonXmlChar, nonXmlCharIn } from '../../shared/model/xml-chars.ts';
import { isPlainValue } from '../../shared/model/plain-value.ts';

/** Name of the one root type the text lives in (y-prosemirror's default). */
export const PROSEMIRROR_ROOT = 'prosemirror';

/** A decoded Yjs v1 update, as `Y.decodeUpdate` returns it. */
export interface DecodedUpdate {
  structs: Array<Y.Item | Y.GC | Y.Skip>;
  ds: { clients: Map<number, Array<{ clock: number; len: number }>> };
}

/**
 * Outcome of `checkUpdate`: the decoded update, or why it was refused. `close` failures (an
 * undecodable update, an unknown element or mark, another root) end the connection; the others
 * (text XML cannot carry) are refused with a message and the connection stays open.
 */
export type UpdateCheck =
  | { ok: true; empty: boolean; decoded: DecodedUpdate }
  | { ok: false; undecodable: boolean; close: boolean; reason: string };

const OVERLAPPING_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

/** The schema mark a y-prosemirror format key stands for ("bracket--Ab3dE6f+" → "bracket"). */
export function markNameOfKey(key: string): string {
  return OVERLAPPING_MARK.exec(key)?.[1] ?? key;
}

/** Check a Yjs v1 update against `schema`; never throws. */
export function checkUpdate(update: Uint8Array, schema: Schema): UpdateCheck {
  let decoded: DecodedUpdate;
  try {
    decoded = Y.decodeUpdate(update) as unknown as DecodedUpdate;
  } catch (error) {
    return { ok: false, undecodable: true, close: true, reason: `undecodable update (${(error as Error).message})` };
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (typeof struct.parent === 'string' && struct.parent !== PROSEMIRROR_ROOT) {
      return { ok: false, undecodable: false, close: true, reason: `unknown root type "${struct.parent}"` };
    }
    const problem = checkContent(struct, schema);
    if (problem) return { ok: false, undecodable: false, close: true, reason: problem };
    const character = nonXmlCharOf(struct);
    if (character) {
      return { ok: false, undecodable: false, close: false, reason: `the text holds a character XML cannot carry (${character})` };
    }
  }
  const empty = decoded.structs.every((s) => s instanceof Y.Skip) && decoded.ds.clients.size === 0;
  return { ok: true, empty, decoded };
}

/** The first character of `item` (its string, attribute key or value, format key or value) XML cannot carry, described; or null. */
function nonXmlCharOf(item: Y.Item): string | null {
  const content = item.content;
  const key = typeof item.parentSub === 'string' ? describeNonXmlChar(item.parentSub) : null;
  if (key) return key;
  if (content instanceof Y.ContentString) return describeNonXmlChar(content.str);
  if (content instanceof Y.ContentFormat) return describeNonXmlChar(content.key) ?? nonXmlCharIn(content.value);
  if (content instanceof Y.ContentAny) return nonXmlCharIn(content.arr);
  if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement) return describeNonXmlChar(content.type.nodeName);
  return null;
}

/** Why the content of `item` is not allowed, or null when it is. */
function checkContent(item: Y.Item, schema: Schema): string | null {
  const content = item.content;
  if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) return null;
  if (content instanceof Y.ContentFormat) {
    const name = markNameOfKey(content.key);
    const markType = schema.marks[name];
    if (!markType) return `unknown mark "${content.key}"`;
    if (!isPlainValue(content.value)) return `the mark "${content.key}" holds a value that is not plain data`;
    return markValueProblem(markType, content.value);
  }
  if (content instanceof Y.ContentType) {
    // A shared type as an attribute's value would reach every editor as a live Yjs object.
    if (item.parentSub !== null) return `the attribute "${item.parentSub}" holds a shared type`;
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
  if (content instanceof Y.ContentAny && (item.parentSub !== null || item.parent === null)) {
    return content.arr.every((value) => isPlainValue(value)) ? null : `the attribute "${item.parentSub}" holds a value that is not plain data`;
  }
  return `unexpected content ${content.constructor.name}`;
}


/**
 * Why a format value cannot stand for a mark of `markType`, or null: null ends the mark, anything
 * else is the mark's attributes and must pass the schema's validators. A format item can lie dormant
 * (closed again at once) until someone types right there, so it is checked on arrival.
 */
function markValueProblem(markType: MarkType, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return `the mark "${markType.name}" holds ${JSON.stringify(value)} instead of its attributes`;
  try {
    markType.create(value as Record<string, unknown>);
    return null;
  } catch (error) {
    return `the mark "${markType.name}" holds an invalid value (${(error as Error).message})`;
  }
}
