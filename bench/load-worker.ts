/**
 * A load process (forked by `load.ts`): holds a share of the room's clients, runs its share of the
 * typists, and time-stamps every edit it sends and every typist edit it receives.
 *
 * IPC, parent → worker: start, go, stop, expect, finish. Worker → parent: ready, typed, drained,
 * result, failed. See `load.ts` for the message types.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { RawClient, now, specFor } from './raw-client.ts';
import { FRAGMENT, typingSpots } from './seed-doc.ts';
import type { ParentMessage, WorkerMessage, WorkerResult } from './load.ts';
import { TYPIST_CLIENT_BASE } from './load.ts';

/** A growable Float64Array of fixed-width records. */
class Records {
  data = new Float64Array(4096);
  length = 0;
  push(...values: number[]): void {
    if (this.length + values.length > this.data.length) {
      const grown = new Float64Array(this.data.length * 2 + values.length);
      grown.set(this.data);
      this.data = grown;
    }
    for (const value of values) this.data[this.length++] = value;
  }
  slice(): Float64Array { return this.data.slice(0, this.length); }
}

const post = (message: WorkerMessage): void => { process.send!(message); };

interface Typist { typist: number; client: RawClient; text: Y.XmlText; offset: number; typed: number; timer: NodeJS.Timeout | null }

let clients: { index: number; client: RawClient }[] = [];
let typists: Typist[] = [];
let typistCount = 0;
/** Per client index: highest clock + 1 seen from each typist. */
const observed = new Map<number, Map<number, number>>();
const sends = new Records();        // [typist, clock, time]
const observations = new Records(); // [client index, typist, fromClock, toClock, time]
let closedClients = 0;

function observe(index: number, data: Uint8Array, time: number): void {
  const meta = Y.parseUpdateMeta(data);
  for (const [clientId, from] of meta.from) {
    const typist = clientId - TYPIST_CLIENT_BASE;
    if (typist < 0 || typist >= typistCount) continue;
    const to = meta.to.get(clientId) ?? from;
    if (to <= from) continue;
    observations.push(index, typist, from, to, time);
    const seen = observed.get(index)!;
    if ((seen.get(typist) ?? 0) < to) seen.set(typist, to);
  }
}

async function start(message: Extract<ParentMessage, { type: 'start' }>): Promise<void> {
  typistCount = message.typistCount;
  clients = message.clients.map(({ index, typist }) => {
    observed.set(index, new Map());
    const client = new RawClient(specFor(message.spec, index), typist !== null, (data, time) => observe(index, data, time),
      () => { closedClients++; }, typist !== null ? TYPIST_CLIENT_BASE + typist : undefined);
    return { index, client };
  });
  for (let i = 0; i < clients.length; i += message.connectBatch) {
    await Promise.all(clients.slice(i, i + message.connectBatch).map(({ client }) => client.connect()));
  }
  typists = message.clients.flatMap(({ index, typist }) => {
    if (typist === null) return [];
    const client = clients.find((c) => c.index === index)!.client;
    // The typists write as the secretariat: in agreed text, where the rules let it type plainly.
    const spots = typingSpots(client.doc!);
    if (spots.length === 0) throw new RangeError(`typist ${typist} found no agreed text in fragment ${FRAGMENT}`);
    const { text, offset } = spots[(typist * 37) % spots.length];
    return [{ typist, client, text, offset, typed: 0, timer: null }];
  });
  post({ type: 'ready', clients: clients.length, typists: typists.length });
}

function keystroke(t: Typist): void {
  const doc = t.client.doc!;
  const clock = Y.getState(doc.store, doc.clientID);
  const position = Math.min(t.offset + t.typed, t.text.length);
  sends.push(t.typist, clock, now());
  t.text.insert(position, String.fromCharCode(97 + (t.typed % 26)));
  t.typed++;
}

function go(message: Extract<ParentMessage, { type: 'go' }>): void {
  const interval = 1000 / message.rate;
  let running = typists.length;
  const done = (): void => {
    if (--running > 0) return;
    post({ type: 'typed', finals: typists.map((t) => [t.typist, Y.getState(t.client.doc!.store, t.client.doc!.clientID)]) });
  };
  if (running === 0) { post({ type: 'typed', finals: [] }); return; }
  for (const t of typists) {
    const phase = (t.typist * 0.618 % 1) * interval;
    const first = message.startAt + phase;
    const end = message.startAt + message.seconds * 1000;
    const schedule = (k: number): void => {
      const due = first + k * interval;
      if (due >= end || stopped || t.client.closed) { t.timer = null; done(); return; }
      t.timer = setTimeout(() => { if (!stopped && !t.client.closed) keystroke(t); schedule(k + 1); }, Math.max(0, due - now()));
    };
    schedule(0);
  }
}

let stopped = false;

async function expect(message: Extract<ParentMessage, { type: 'expect' }>): Promise<void> {
  const deadline = now() + message.timeoutMs;
  const missing = (): number => {
    let count = 0;
    for (const { index } of clients) {
      const own = message.typistOf[index];
      const seen = observed.get(index)!;
      for (const [typist, clock] of message.finals) {
        if (typist !== own && (seen.get(typist) ?? 0) < clock) count++;
      }
    }
    return count;
  };
  while (missing() > 0 && now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  post({ type: 'drained', missingPairs: missing() });
}

function stateHash(doc: Y.Doc): string {
  const stateVector = [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0]);
  return createHash('sha1').update(JSON.stringify(stateVector)).update(doc.getXmlFragment(FRAGMENT).toString()).digest('hex');
}

function finish(message: Extract<ParentMessage, { type: 'finish' }>): void {
  for (const t of typists) if (t.timer) clearTimeout(t.timer);
  for (const { client } of clients) client.close();
  const hashes: [number, string][] = message.hash ? clients.map(({ index, client }) => [index, stateHash(client.finalDoc())]) : [];
  const result: WorkerResult = { sends: sends.slice(), observations: observations.slice(), hashes, closedClients };
  process.send!({ type: 'result', result } satisfies WorkerMessage, undefined, {}, () => process.disconnect());
}

process.on('message', (message: ParentMessage) => {
  const run = async (): Promise<void> => {
    switch (message.type) {
      case 'start': return start(message);
      case 'go': return go(message);
      case 'stop': stopped = true; return;
      case 'expect': return expect(message);
      case 'finish': return finish(message);
      default: throw new RangeError(`load worker: unknown message ${JSON.stringify(message)}`);
    }
  };
  run().catch((error: Error) => post({ type: 'failed', error: error.stack ?? error.message }));
});
