/**
 * The seeded adversarial generator against a real server: France, the United States and an
 * observer send crafted updates (see `helpers/crafted-updates.ts`) in bursts — most handed to their
 * real server-side connections in one event-loop turn (fast), some through their sockets in one TCP
 * write — while Kenya types in her own bracket and the chair types agreed text. After every burst:
 * no bracket, option or comment of anyone but the attacker lost or changed its words, sponsors,
 * place or existence; the document is schema-valid (attribute values included), a copy decoded
 * from the stored state reads the same text; the honest clients converge with the server.
 * At the end: nothing refused is in the log, and the log replays to the live document.
 *
 * Size: `PLENIPO_FUZZ_RUNS` crafted updates (default 10,000); seed: `PLENIPO_SEED` (printed on failure).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { Connection } from '../server/sync/connection.ts';
import type { Room } from '../server/sync/room.ts';
import { closeRawClients, denied, rawClient, type RawClient } from './helpers/raw-client.ts';
import { announce, bracketKey, burst, othersRecord, recordChanges, startHostileServer, textOf, treatyOf, type HostileServer } from './helpers/hostile.ts';
import { Random, craftUpdates, type Crafted } from './helpers/crafted-updates.ts';

const RUNS = Number(process.env.PLENIPO_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.PLENIPO_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** One burst in this many goes through the attacker's socket instead of straight to its connection. */
const SOCKET_EVERY = 12;

const hash = (update: Uint8Array) => createHash('sha1').update(update).digest('hex');

let test: HostileServer | undefined;
afterAll(async () => {
  closeRawClients();
  await test?.stop();
});

/** Resolves once `client` and the room's live document hold the same state (re-checked as either changes). */
function caughtUp(client: RawClient, room: Room): Promise<void> {
  const done = () => Buffer.from(Y.encodeStateVector(client.doc)).equals(Buffer.from(Y.encodeStateVector(room.doc)));
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (!done()) return;
      client.doc.off('update', check);
      room.doc.off('update', check);
      resolve();
    };
    client.doc.on('update', check);
    room.doc.on('update', check);
  });
}

/** `promise`, or a failure naming `what` after `ms` (a hang is a failure with a seed, not a test timeout). */
function within<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface Attacker { who: string; delegation: string; client: RawClient }

describe('the guard under a seeded stream of crafted updates', () => {
  it(`keeps the record of every other delegation, the schema and the log true (${RUNS} crafted updates)`, async () => {
    const random = new Random(SEED);
    let batch = 0;
    let lastBurst: Crafted[] = [];
    const counts = { sent: 0, viaSocket: 0, refused: 0, stored: 0, bursts: 0 };
    try {
      test = await startHostileServer();
      const t = test;
      const ke = await rawClient(t, 'ke', { docId: t.docId });
      const chair = await rawClient(t, 'chair', { docId: t.docId });
      announce(ke);
      announce(chair);
      // Kenya writes once, so her client id is bound; her second id only stays announced.
      ke.edit((d) => textOf(d, 'x1').insert(bracketKey(textOf(d, 'x1'), 'k1').from + 1, 'r'));
      const room = t.server.rooms.get(t.docId)!;
      await room.drain();
      const attackers: Attacker[] = [];
      for (const [who, delegation] of [['fr', 'FR'], ['us', 'US'], ['observer', 'ICRC']] as const) {
        attackers.push({ who, delegation, client: await rawClient(t, who, { docId: t.docId }) });
      }
      const connectionOf = (attacker: Attacker): Connection =>
        [...room.connections].find((c) => c.account.id === t.accounts[attacker.who].id && c.open)!;
      const refusedHashes = new Set<string>();
      const replays: Uint8Array[] = [];

      while (counts.sent < RUNS) {
        batch++;
        const attacker = random.pick(attackers);
        if (attacker.client.socket.readyState !== attacker.client.socket.OPEN) {
          attacker.client = await rawClient(t, attacker.who, { docId: t.docId });
        }
        const own = attacker.client.doc.clientID;
        const before = othersRecord(treatyOf(room.doc), attacker.delegation);
        const context = { delegation: attacker.delegation, ownClientId: own, foreignClientIds: [ke.doc.clientID, chair.doc.clientID] };
        lastBurst = [];
        for (let n = 1 + random.int(10); n > 0; n--) lastBurst.push(...craftUpdates(room.accepted.doc, random, context, replays));
        counts.bursts++;
        const rowsBefore = (await t.server.store.updatesAfter(t.docId, 0)).length;
        if (batch % SOCKET_EVERY === 0) {
          // Through the socket, in one TCP write; a last update that is always refused marks the end.
          const marker = Y.encodeStateAsUpdate((() => {
            const d = new Y.Doc();
            d.clientID = own;
            Y.applyUpdate(d, Y.encodeStateAsUpdate(room.accepted.doc));
            textOf(d, 'x6').insert(0, '\u0001');
            return d;
          })(), Y.encodeStateVector(room.accepted.doc));
          const connection = connectionOf(attacker);
          const refusedBefore = connection.refusedUpdates;
          const from = burst(attacker.client, [...lastBurst.map((c) => c.update), marker]);
          // Frames are decided in order and refusals answered at once: the marker's refusal comes last.
          await within(attacker.client.next((m) => m.kind === 'denied' && /\(U\+0001 at offset 0\)/.test(m.reason), from), 'the marker\'s refusal');
          const denials = connection.refusedUpdates - refusedBefore;
          await room.drain();
          const stored = (await t.server.store.updatesAfter(t.docId, 0)).slice(rowsBefore);
          const sent = new Set(lastBurst.map((c) => hash(c.update)));
          expect(stored.filter((row) => sent.has(hash(row.data))).length).toBeLessThanOrEqual(lastBurst.length - (denials - 1));
          for (const row of stored) refusedHashes.delete(hash(row.data));
          counts.viaSocket += lastBurst.length;
          counts.refused += denials - 1;
        } else {
          const connection = connectionOf(attacker);
          for (const crafted of lastBurst) {
            const refusedBefore = connection.refusedUpdates;
            room.receiveUpdate(connection, crafted.update);
            // The same bytes may be refused now (their predecessor missing) and accepted later (a replay once it is there).
            if (connection.refusedUpdates > refusedBefore) {
              refusedHashes.add(hash(crafted.update));
              counts.refused++;
            } else refusedHashes.delete(hash(crafted.update));
          }
          await room.drain();
        }
        counts.sent += lastBurst.length;
        for (const crafted of lastBurst) if (replays.length < 200 && random.chance(0.1)) replays.push(crafted.update);

        const doc = treatyOf(room.doc);
        doc.check();
        // A copy decoded from the stored state (what a new editor gets) reads the same text.
        const fresh = new Y.Doc();
        Y.applyUpdate(fresh, Y.encodeStateAsUpdate(room.doc));
        expect(treatyOf(fresh).toJSON()).toEqual(doc.toJSON());
        fresh.destroy();
        expect(recordChanges(before, othersRecord(doc, attacker.delegation))).toEqual([]);

        if (batch % 20 === 0) {
          // The honest clients keep working and converge with the server.
          // Kenya types in k1 while she alone sponsors it (a co-sponsor may have joined: then it is no longer hers alone).
          const k1 = bracketKey(textOf(room.doc, 'x1'), 'k1');
          const kenyaAlone = JSON.stringify(k1.attrs.sponsors) === '["KE"]';
          const kFrom = kenyaAlone ? ke.edit((d) => textOf(d, 'x1').insert(bracketKey(textOf(d, 'x1'), 'k1').from + 1, 'e')) : ke.messages.length;
          const cFrom = chair.edit((d) => textOf(d, 'x6').insert(0, 'c'));
          await room.drain();
          await within(Promise.all([caughtUp(ke, room), caughtUp(chair, room)]), 'the honest clients to catch up');
          expect(ke.messages.slice(kFrom).some(denied)).toBe(false);
          expect(chair.messages.slice(cFrom).some(denied)).toBe(false);
          for (const honest of [ke, chair]) expect(treatyOf(honest.doc).toJSON()).toEqual(treatyOf(room.doc).toJSON());
        }
      }

      // Nothing refused (and never accepted since) is in the log, and the log replays to the live document.
      const log = await t.server.store.updatesAfter(t.docId, 0);
      counts.stored = log.length;
      expect(log.filter((row) => refusedHashes.has(hash(row.data)))).toEqual([]);
      const replayed = new Y.Doc();
      for (const row of log) Y.applyUpdate(replayed, row.data);
      expect(treatyOf(replayed).toJSON()).toEqual(treatyOf(room.doc).toJSON());
      expect(ke.messages.some(denied) || chair.messages.some(denied)).toBe(false);
      console.log(`guard fuzz: seed ${SEED}, ${counts.sent} crafted updates in ${counts.bursts} bursts (${counts.viaSocket} through sockets), ${counts.refused} refused, ${counts.stored} log rows`);
    } catch (error) {
      console.error(`guard fuzz failed: PLENIPO_SEED=${SEED} PLENIPO_FUZZ_RUNS=${RUNS}, burst ${batch}:\n${lastBurst.map((c) => `  - ${c.what}`).join('\n')}`);
      throw error;
    }
  }, 600_000);
});
