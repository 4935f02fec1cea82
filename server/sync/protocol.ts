/**
 * The wire protocol of `/sync/:documentId`: y-websocket's, unchanged, so that an unmodified
 * `WebsocketProvider` speaks it. Every frame is binary and holds exactly one message:
 *
 *   message        = varUint(messageType) payload
 *   messageType 0  Sync:            varUint(syncType) varUint8Array(data)
 *       syncType 0  SyncStep1       data = state vector. Server → client on connect; client → server on
 *                                   connect. The receiver answers with SyncStep2.
 *       syncType 1  SyncStep2       data = Yjs update (what the receiver lacks).
 *       syncType 2  Update          data = Yjs update (a live change).
 *   messageType 1  Awareness:       varUint8Array(awareness update). Relayed to every connection of
 *                                   the document (the sender included) after the server has
 *                                   checked each state and set its `user` field from the account
 *                                   (`presence-filter.ts`).
 *   messageType 2  Auth:            varUint(0 = permission denied) varString("<code> <reason>").
 *                                   Server → client only, when an update was refused by the update
 *                                   guard (e.g. an observer typed) or is above the update size
 *                                   limit (code 4413); the connection stays open.
 *   messageType 3  QueryAwareness:  no payload. Client → server; answered with all awareness states
 *                                   (a few times per connection, see `limits.ts`).
 *
 * Updates a client sends (SyncStep2 and Update alike) go through one pipeline: decode and check
 * against the schema → update guard → append to the SQLite log (updates that arrive together are
 * written in one transaction, one row each) → apply to the live Y.Doc → broadcast the batch,
 * merged into one Update message, to every connection, the sender included. That echo comes only
 * after the write, so it is a durable acknowledgement. Keepalive: a server that has sent nothing for 10 s sends an empty awareness
 * update (the client drops connections silent for 30 s), and pings at the websocket level to drop
 * dead peers. Anything else closes that one connection with a code from `close-codes.ts`.
 */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

/** Top-level message types. */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
/** Sync sub-types. */
export const SyncType = { Step1: syncProtocol.messageYjsSyncStep1, Step2: syncProtocol.messageYjsSyncStep2, Update: syncProtocol.messageYjsUpdate } as const;

/** A Sync message of sub-type `syncType` carrying `payload`. */
function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A Sync/SyncStep1 message carrying `stateVector`. */
export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
  return syncMessage(SyncType.Step1, stateVector);
}

/** A Sync/SyncStep2 message carrying `update`. */
export function syncStep2Message(update: Uint8Array): Uint8Array {
  return syncMessage(SyncType.Step2, update);
}

/** A Sync/Update message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  return syncMessage(SyncType.Update, update);
}

/** An Awareness message carrying `awarenessUpdate`. */
export function awarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/** An Auth "permission denied" message with `reason`. */
export function permissionDeniedMessage(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Auth);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/** The keepalive: an awareness update with no states, which clients apply as a no-op. */
export const KEEPALIVE_MESSAGE: Uint8Array = awarenessMessage(new Uint8Array([0]));
