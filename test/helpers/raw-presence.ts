/** Presence (awareness) frames by hand, and a recorder of the presence states a raw socket receives. */
import type WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** One presence state to send: `state` is JSON-encoded unless it is already a string (sent as is). */
export interface PresenceSpec {
  client: number;
  clock: number;
  state: unknown;
}

/** The payload of an awareness update holding `entries` (y-protocols layout). */
export function awarenessPayload(entries: PresenceSpec[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.client);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, typeof entry.state === 'string' ? entry.state : JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** An Awareness message (type 1) carrying `payload`. */
export function awarenessFrame(payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** An Awareness message for `entries`. */
export function presenceFrame(entries: PresenceSpec[]): Uint8Array {
  return awarenessFrame(awarenessPayload(entries));
}

/** A QueryAwareness message (type 3). */
export const QUERY_AWARENESS = new Uint8Array([3]);

/** A presence state as received: client id, clock and parsed state. */
export interface ReceivedPresence {
  client: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** Records every presence state `socket` receives (in order) and counts awareness messages. */
export function recordPresence(socket: WebSocket): { states: ReceivedPresence[]; messages: () => number } {
  const states: ReceivedPresence[] = [];
  let messages = 0;
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== 1) return;
    messages += 1;
    const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(inner);
    for (let i = 0; i < count; i++) {
      const client = decoding.readVarUint(inner);
      const clock = decoding.readVarUint(inner);
      states.push({ client, clock, state: JSON.parse(decoding.readVarString(inner)) });
    }
  });
  return { states, messages: () => messages };
}

/** A relative position at the start of the `prosemirror` root, as y-prosemirror writes it. */
export const ROOT_POSITION = { type: null, tname: 'prosemirror', item: null, assoc: -1 };

/** A cursor at the start of the text. */
export const START_CURSOR = { anchor: ROOT_POSITION, head: ROOT_POSITION };
