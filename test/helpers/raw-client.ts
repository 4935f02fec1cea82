/** A y-websocket client by hand (a raw `ws` socket and a Y.Doc), for crafting updates the editor would never send. */
import * as Y from 'yjs';
import type WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { TestServer } from '../server-helpers.ts';

/** What the server sent a raw client, message by message. */
export type RawMessage =
  | { kind: 'update'; syncType: number; update: Uint8Array }
  | { kind: 'denied'; reason: string }
  | { kind: 'other'; type: number };

/** A raw client: its socket, its Y.Doc (kept in sync with what the server sends) and a log of messages. */
export interface RawClient {
  socket: WebSocket;
  doc: Y.Doc;
  messages: RawMessage[];
  /** Send a Yjs update as a Sync/Update message. */
  send(update: Uint8Array): void;
  /** Resolves with the first message (already received or to come) after index `from` that matches. */
  next(match: (message: RawMessage) => boolean, from?: number): Promise<RawMessage>;
  /** Change the doc in `change` and send the resulting update; resolves with the index to wait from. */
  edit(change: (doc: Y.Doc) => void): number;
}

const open = new Set<WebSocket>();

/** Terminate every raw client still open (call in afterEach, before stopping the server). */
export function closeRawClients(): void {
  for (const socket of open) socket.terminate();
  open.clear();
}

/** A Sync message of `syncType` carrying `data`. */
export function syncMessage(syncType: number, data: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, data);
  return encoding.toUint8Array(encoder);
}

/** Connect `who` by hand, optionally writing under `clientId`; resolves once the document is synced. */
export async function rawClient(test: TestServer, who: string, options: { clientId?: number; docId?: string } = {}): Promise<RawClient> {
  const socket = await test.rawSocket(who, options.docId);
  open.add(socket);
  socket.once('close', () => open.delete(socket));
  const doc = new Y.Doc();
  if (options.clientId !== undefined) doc.clientID = options.clientId;
  const messages: RawMessage[] = [];
  const waiters: Array<{ from: number; match: (m: RawMessage) => boolean; resolve: (m: RawMessage) => void }> = [];
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    let message: RawMessage;
    if (type === 0) {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === 0) {
        socket.send(syncMessage(1, Y.encodeStateAsUpdate(doc, payload)));
        message = { kind: 'other', type: 0 };
      } else {
        Y.applyUpdate(doc, payload, 'server');
        message = { kind: 'update', syncType, update: payload };
      }
    } else if (type === 2) {
      decoding.readVarUint(decoder);
      message = { kind: 'denied', reason: decoding.readVarString(decoder) };
    } else message = { kind: 'other', type };
    messages.push(message);
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (messages.length - 1 >= waiters[i].from && waiters[i].match(message)) waiters.splice(i, 1)[0].resolve(message);
    }
  });
  const client: RawClient = {
    socket, doc, messages,
    send: (update) => socket.send(syncMessage(2, update)),
    next(match, from = 0) {
      const found = messages.slice(from).find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ from, match, resolve }));
    },
    edit(change) {
      const from = messages.length;
      // Yjs picks a new client id when the server sends structs under its own; a forger insists.
      if (options.clientId !== undefined) doc.clientID = options.clientId;
      const before = Y.encodeStateVector(doc);
      change(doc);
      client.send(Y.encodeStateAsUpdate(doc, before));
      return from;
    },
  };
  socket.send(syncMessage(0, Y.encodeStateVector(doc)));
  await client.next((m) => m.kind === 'update' && m.syncType === 1);
  return client;
}

/** Whether a message is the echo or broadcast of an update carrying structs of `clientId`. */
export function carries(clientId: number): (message: RawMessage) => boolean {
  return (message) => message.kind === 'update' && message.syncType === 2 && Y.parseUpdateMeta(message.update).to.has(clientId);
}

/** Whether a message is a refusal. */
export const denied = (message: RawMessage): boolean => message.kind === 'denied';
