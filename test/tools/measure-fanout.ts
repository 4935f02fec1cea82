/**
 * Measure the fan-out of the sync server: N raw y-websocket clients on one document each type M
 * characters as fast as they can; prints how many update frames and bytes the clients received
 * and how long until every client held every character. The server runs in a child process so
 * that its CPU time is measured apart from the clients'. Run:
 *   node --import tsx test/tools/measure-fanout.ts [clients=50] [updates=100] [burst|paced]
 * `burst` sends every update at once; `paced` sends one update per client per round and waits
 * for every client to hold the round before the next one (a room typing together).
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startTestServer, firstPlain } from '../server-helpers.ts';

const clients = Number(process.argv[2] ?? 50);
const updates = Number(process.argv[3] ?? 100);
const paced = process.argv[4] === 'paced';

function syncMessage(type: number, data: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, data);
  return encoding.toUint8Array(encoder);
}

interface RawClient { doc: Y.Doc; socket: WebSocket; frames: number; bytes: number; text: Y.XmlText | null }

async function main(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const server = JSON.parse((await lines.next()).value) as { port: number; docId: string; tokens: Record<string, string> };
  const rawSocket = (who: string) => new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/sync/${server.docId}?token=${server.tokens[who]}`);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
  const expected = { length: 0 };
  const done: Array<Promise<void>> = [];
  const all: RawClient[] = [];
  for (let i = 0; i < clients; i++) {
    const socket = await rawSocket(i % 2 ? 'fr' : 'ke');
    const client: RawClient = { doc: new Y.Doc(), socket, frames: 0, bytes: 0, text: null };
    all.push(client);
    let ready!: () => void;
    const synced = new Promise<void>((resolve) => (ready = resolve));
    let finish!: () => void;
    done.push(new Promise<void>((resolve) => (finish = resolve)));
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0) return;
      const type = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (type === 0) return;
      Y.applyUpdate(client.doc, payload, 'server');
      if (type === 1) ready();
      else {
        client.frames += 1;
        client.bytes += data.length;
        if (expected.length && (client.text ??= firstPlain(client.doc)).length >= expected.length) finish();
      }
    });
    socket.send(syncMessage(0, Y.encodeStateVector(client.doc)));
    await synced;
  }
  const base = firstPlain(all[0].doc).length;
  expected.length = base + clients * updates;
  for (const client of all) {
    client.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server') client.socket.send(syncMessage(2, update));
    });
  }
  const started = performance.now();
  const cpu = process.cpuUsage();
  if (paced) {
    for (let u = 0; u < updates; u++) {
      const round = base + (u + 1) * clients;
      const seen = all.map((client) => new Promise<void>((resolve) => {
        const check = () => {
          if ((client.text ??= firstPlain(client.doc)).length < round) return;
          client.doc.off('update', check);
          resolve();
        };
        client.doc.on('update', check);
      }));
      for (const client of all) firstPlain(client.doc).insert(0, 'x');
      await Promise.all(seen);
    }
  } else {
    for (let u = 0; u < updates; u++) for (const client of all) firstPlain(client.doc).insert(0, 'x');
  }
  await Promise.all(done);
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const frames = all.reduce((sum, c) => sum + c.frames, 0);
  const bytes = all.reduce((sum, c) => sum + c.bytes, 0);
  child.stdin!.write('stop\n');
  const stats = JSON.parse((await lines.next()).value) as { cpuMs: number; rows: number };
  console.log(JSON.stringify({
    mode: paced ? 'paced' : 'burst', clients, updates, elapsedMs: Math.round(elapsed), serverCpuMs: stats.cpuMs, clientCpuMs: Math.round((used.user + used.system) / 1000),
    updateFramesReceived: frames, framesPerClient: Math.round(frames / clients), bytesReceived: bytes, logRows: stats.rows,
  }));
  for (const client of all) client.socket.terminate();
}

if (process.argv[2] === '--serve') {
  const test = await startTestServer();
  const ready = process.cpuUsage();
  console.log(JSON.stringify({ port: test.server.port, docId: test.docId, tokens: test.tokens }));
  createInterface({ input: process.stdin }).once('line', async () => {
    const cpu = process.cpuUsage(ready);
    const rows = (await test.server.store.updatesAfter(test.docId, 0)).length;
    console.log(JSON.stringify({ cpuMs: Math.round((cpu.user + cpu.system) / 1000), rows }));
    await test.stop();
    process.exit(0);
  });
} else {
  await main();
}
