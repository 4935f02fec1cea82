/**
 * Presence (awareness) as a hostile client sends it, against a real server on a loopback port:
 * malformed cursors are never relayed, the `user` field is the server's, client ids are the
 * sender's own, and floods of states, messages and QueryAwareness requests are bounded and end
 * with a named close code while `/healthz` keeps answering.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { closeRawClients, rawClient } from './helpers/raw-client.ts';
import { awarenessFrame, presenceFrame, QUERY_AWARENESS, recordPresence, START_CURSOR, type PresenceSpec } from './helpers/raw-presence.ts';
import { closed, firstPlain, startTestServer, synced, type TestServer } from './server-helpers.ts';
import * as encoding from 'lib0/encoding';

let test: TestServer;

afterEach(async () => {
  closeRawClients();
  await test?.stop();
});

/** Resolves once `recorder` has seen a state of `client` at `clock`. */
function seen(recorder: ReturnType<typeof recordPresence>, client: number, clock: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (recorder.states.some((s) => s.client === client && s.clock === clock)) resolve();
      else setTimeout(check, 5);
    };
    check();
  });
}

async function healthy(): Promise<number> {
  return (await fetch(`${test.server.url}/healthz`)).status;
}

function send(socket: WebSocket, entries: PresenceSpec[]): void {
  socket.send(presenceFrame(entries));
}

describe('presence states', () => {
  it("relays a valid cursor with the server's user field and without unknown fields", async () => {
    test = await startTestServer();
    const fr = await rawClient(test, 'fr');
    const observer = await rawClient(test, 'observer');
    const recorder = recordPresence(observer.socket);
    send(fr.socket, [{ client: 1001, clock: 1, state: { user: { name: 'Kenya', delegation: 'KE', role: 'chair' }, cursor: START_CURSOR, script: '<img onerror=alert(1)>' } }]);
    await seen(recorder, 1001, 1);
    const state = recorder.states.find((s) => s.client === 1001)!.state!;
    expect(Object.keys(state).sort()).toEqual(['cursor', 'user']);
    expect(state.user).toMatchObject({ name: 'France', delegation: 'FR', role: 'delegate', id: test.accounts.fr.id });
    expect(state.cursor).toEqual(START_CURSOR);
  });

  it('never relays a malformed state, and relays the next valid one', async () => {
    test = await startTestServer();
    const fr = await rawClient(test, 'fr');
    const observer = await rawClient(test, 'observer');
    const recorder = recordPresence(observer.socket);
    const position = START_CURSOR.anchor;
    const malformed: unknown[] = [
      { cursor: { anchor: null, head: null } },
      { cursor: { anchor: position } },
      { cursor: { anchor: {}, head: {} } },
      { cursor: { anchor: { ...position, tname: 'other' }, head: position } },
      { cursor: { anchor: { type: { client: 'x', clock: 1 }, tname: null, item: null }, head: position } },
      { cursor: { anchor: { type: null, tname: null, item: { client: -1, clock: 0 } }, head: position } },
      { cursor: { anchor: { ...position, assoc: 7 }, head: position } },
      { cursor: { anchor: position, head: position, extra: 1 } },
      { cursor: 7 },
      'not json {',
      JSON.stringify('a string'),
      JSON.stringify([1, 2]),
      { cursor: START_CURSOR, padding: 'x'.repeat(5000) },
    ];
    malformed.forEach((state, i) => send(fr.socket, [{ client: 1001, clock: i + 1, state }]));
    const valid = malformed.length + 1;
    send(fr.socket, [{ client: 1001, clock: valid, state: { cursor: START_CURSOR } }]);
    await seen(recorder, 1001, valid);
    expect(recorder.states.filter((s) => s.client === 1001).map((s) => s.clock)).toEqual([valid]);
    expect(fr.socket.readyState).toBe(fr.socket.OPEN);
  });

  it("refuses a state for another connection's client id", async () => {
    test = await startTestServer();
    const kenya = test.connect('ke');
    await synced(kenya.provider);
    const victim = kenya.doc.clientID;
    const observer = await rawClient(test, 'observer');
    const recorder = recordPresence(observer.socket);
    kenya.provider.awareness.setLocalStateField('cursor', START_CURSOR);
    const victimClock = kenya.provider.awareness.meta.get(victim)!.clock;
    await seen(recorder, victim, victimClock);
    const fr = await rawClient(test, 'fr');
    send(fr.socket, [{ client: victim, clock: victimClock + 100, state: { cursor: null } }]);
    send(fr.socket, [{ client: 1002, clock: 1, state: { cursor: START_CURSOR } }]);
    await seen(recorder, 1002, 1);
    expect(recorder.states.filter((s) => s.client === victim).map((s) => s.clock)).toEqual([victimClock]);
    const states = test.server.rooms.get(test.docId)!.awareness.getStates();
    expect((states.get(victim)!.user as { delegation: string }).delegation).toBe('KE');
  });

  it('lets a connection of the same account take over a client id (a client reconnecting before its old socket is seen to die)', async () => {
    test = await startTestServer();
    const observer = await rawClient(test, 'observer');
    const recorder = recordPresence(observer.socket);
    const old = await rawClient(test, 'fr');
    send(old.socket, [{ client: 1001, clock: 1, state: { cursor: null } }]);
    await seen(recorder, 1001, 1);
    const fresh = await rawClient(test, 'fr');
    send(fresh.socket, [{ client: 1001, clock: 2, state: { cursor: START_CURSOR } }]);
    await seen(recorder, 1001, 2);
    const gone = closed(old.socket);
    old.socket.close();
    await gone;
    const room = test.server.rooms.get(test.docId)!;
    await new Promise<void>((resolve) => {
      const check = () => (room.connections.size === 2 ? resolve() : setTimeout(check, 5));
      check();
    });
    expect(room.awareness.getStates().get(1001)).toMatchObject({ cursor: START_CURSOR });
  });

  it('refuses a state for a client id bound to another account', async () => {
    test = await startTestServer();
    const writer = await rawClient(test, 'ke', { clientId: 5555 });
    const from = writer.edit((doc) => firstPlain(doc).insert(0, 'K'));
    await writer.next((m) => m.kind === 'update' && m.syncType === 2, from);
    writer.socket.close();
    const observer = await rawClient(test, 'observer');
    const recorder = recordPresence(observer.socket);
    const fr = await rawClient(test, 'fr');
    send(fr.socket, [{ client: 5555, clock: 1, state: { cursor: START_CURSOR } }]);
    send(fr.socket, [{ client: 1003, clock: 1, state: { cursor: START_CURSOR } }]);
    await seen(recorder, 1003, 1);
    expect(recorder.states.some((s) => s.client === 5555 && s.state !== null)).toBe(false);
  });
});

describe('presence floods', () => {
  it('bounds a million states from one connection and closes it with 4423 after repeated refusals', async () => {
    test = await startTestServer();
    const fr = await rawClient(test, 'fr');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1_000_000);
    for (let i = 0; i < 1_000_000; i++) {
      encoding.writeVarUint(encoder, 10_000 + i);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, '{}');
    }
    fr.socket.send(awarenessFrame(encoding.toUint8Array(encoder)));
    const closing = closed(fr.socket);
    for (let round = 0; round < 40 && fr.socket.readyState === fr.socket.OPEN; round++) {
      send(fr.socket, [0, 1, 2, 3].map((k) => ({ client: 2_000_000 + round * 4 + k, clock: 1, state: { cursor: null } })));
    }
    expect((await closing).code).toBe(4423);
    expect(test.server.rooms.get(test.docId)!.awareness.getStates().size).toBeLessThanOrEqual(4);
    expect(await healthy()).toBe(200);
  });

  it('closes a connection flooding presence messages with 4429 and relays far fewer', async () => {
    test = await startTestServer();
    const observer = await rawClient(test, 'observer');
    const recorder = recordPresence(observer.socket);
    const fr = await rawClient(test, 'fr');
    const closing = closed(fr.socket);
    for (let clock = 1; clock <= 2000; clock++) send(fr.socket, [{ client: 1001, clock, state: { cursor: null } }]);
    expect((await closing).code).toBe(4429);
    expect(await healthy()).toBe(200);
    expect(recorder.messages()).toBeLessThan(400);
  });

  it('merges presence sent faster than the relay rate and relays the latest state', async () => {
    test = await startTestServer();
    const observer = await rawClient(test, 'observer');
    const recorder = recordPresence(observer.socket);
    const fr = await rawClient(test, 'fr');
    for (let clock = 1; clock <= 300; clock++) send(fr.socket, [{ client: 1001, clock, state: { cursor: null } }]);
    await seen(recorder, 1001, 300);
    expect(recorder.states.filter((s) => s.client === 1001).length).toBeLessThan(300);
    expect(fr.socket.readyState).toBe(fr.socket.OPEN);
  });

  it('answers a few QueryAwareness requests, then closes a flood of them with 4429', async () => {
    test = await startTestServer();
    const fr = await rawClient(test, 'fr');
    const recorder = recordPresence(fr.socket);
    const closing = closed(fr.socket);
    for (let i = 0; i < 200; i++) fr.socket.send(QUERY_AWARENESS);
    expect((await closing).code).toBe(4429);
    expect(recorder.messages()).toBeLessThanOrEqual(5);
    expect(await healthy()).toBe(200);
  });
});
