/**
 * The two wire framings the bench's raw clients speak, described once here.
 *
 * y-websocket (Plenipo and the reference server):
 *   message   = varUint(messageType) payload
 *   type 0    = sync:      varUint(syncType) varUint8Array(data)
 *                 syncType 0 step 1 (data = state vector; the peer answers with step 2)
 *                 syncType 1 step 2 (data = update with what the peer lacks)
 *                 syncType 2 update (data = update)
 *   type 1    = awareness (ignored by the bench)
 *   The client sends step 1 on open; the server answers step 2 (after which the client counts as
 *   synced) and its own step 1, which the client answers with step 2.
 *
 * Hocuspocus 3: every message is prefixed with the document name, and the connection is not
 * established until the client has authenticated:
 *   message   = varString(documentName) varUint(messageType) payload
 *   type 2    = auth: varUint(0 = token) varString(token) from the client;
 *               varUint(2 = authenticated) varString(scope) or varUint(1 = denied) from the server
 *   type 0, 4 = sync (4 is the server's "reply" flavour of sync, same payload as type 0)
 *   type 8    = sync status (the server applied our update; ignored)
 *   other     = awareness, stateless, close: ignored.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/** Which framing a server speaks. */
export type Framing = 'y-websocket' | 'hocuspocus';

/** y-protocols sync sub-message types. */
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;
const MESSAGE_SYNC_REPLY = 4;
const AUTH_TOKEN = 0;
const AUTH_DENIED = 1;

/** A decoded incoming message, reduced to what the bench acts on. */
export type IncomingMessage =
  | { kind: 'sync'; syncType: number; data: Uint8Array }
  | { kind: 'authenticated' }
  | { kind: 'denied'; reason: string }
  | { kind: 'other' };

function header(framing: Framing, documentName: string, messageType: number): encoding.Encoder {
  const encoder = encoding.createEncoder();
  if (framing === 'hocuspocus') encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, messageType);
  return encoder;
}

/** Encode a sync message (step 1, step 2 or update) in the given framing. */
export function encodeSync(framing: Framing, documentName: string, syncType: number, data: Uint8Array): Uint8Array {
  const encoder = header(framing, documentName, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, data);
  return encoding.toUint8Array(encoder);
}

/** Encode the Hocuspocus token message that must open every Hocuspocus connection. */
export function encodeHocuspocusAuth(documentName: string, token: string): Uint8Array {
  const encoder = header('hocuspocus', documentName, MESSAGE_AUTH);
  encoding.writeVarUint(encoder, AUTH_TOKEN);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

/** Decode one incoming message; anything the bench does not act on comes back as `other`. */
export function decodeMessage(framing: Framing, message: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(message);
  if (framing === 'hocuspocus') decoding.readVarString(decoder);
  const messageType = decoding.readVarUint(decoder);
  if (messageType === MESSAGE_SYNC || (framing === 'hocuspocus' && messageType === MESSAGE_SYNC_REPLY)) {
    const syncType = decoding.readVarUint(decoder);
    return { kind: 'sync', syncType, data: decoding.readVarUint8Array(decoder) };
  }
  if (framing === 'hocuspocus' && messageType === MESSAGE_AUTH) {
    const authType = decoding.readVarUint(decoder);
    if (authType === AUTH_DENIED) return { kind: 'denied', reason: decoding.readVarString(decoder) };
    return { kind: 'authenticated' };
  }
  return { kind: 'other' };
}
