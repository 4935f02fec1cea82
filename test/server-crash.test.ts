import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { openSqliteStore } from '../server/storage/index.ts';
import { importProseMirrorDocument } from '../server/import-document.ts';
import { firstPlain, synced, tempDir, treatyJSON } from './server-helpers.ts';

const root = join(import.meta.dirname, '..');
const children: ChildProcess[] = [];
const providers: WebsocketProvider[] = [];
const cleanups: Array<() => void> = [];

afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A free loopback port (so a restarted server can take the same one and clients reconnect). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Start `npm start`'s entry as a child process; resolves once it listens. */
function startChild(port: number, dbPath: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), PLENIPO_DB: dbPath, PLENIPO_DEMO: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
}

/** A `ws` WebSocket that records every Yjs update the server sends it. */
function recordingSocket(received: Uint8Array[], onReceived: () => void): typeof WebSocket {
  return class RecordingSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      this.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) !== 0) return;
        const syncType = decoding.readVarUint(decoder);
        if (syncType !== 1 && syncType !== 2) return;
        received.push(decoding.readVarUint8Array(decoder));
        onReceived();
      });
    }
  } as typeof WebSocket;
}

describe('crash safety', () => {
  it('keeps every update a client received from the server when the server is killed with SIGKILL', async () => {
    const temp = tempDir();
    cleanups.push(temp.cleanup);
    const dbPath = join(temp.dir, 'plenipo.db');
    const store = openSqliteStore(dbPath);
    const { id: docId } = await importProseMirrorDocument(store, { json: treatyJSON() });
    // Typists of agreed text: the secretariat holds the pen (delegates may only propose).
    const tokens = await Promise.all(['SEC1', 'SEC2', 'SEC3'].map(async (code) => (await store.createAccount({ name: code, delegation: code, role: 'secretariat' })).token));
    await store.close();

    const port = await freePort();
    const server = await startChild(port, dbPath);
    const received: Uint8Array[] = [];
    let enoughReceived = () => {};
    const enough = new Promise<void>((resolve) => {
      enoughReceived = () => received.length >= 300 && resolve();
    });
    const clients = tokens.map((token) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, docId, doc, {
        params: { token }, WebSocketPolyfill: recordingSocket(received, () => enoughReceived()) as never, disableBc: true,
      });
      providers.push(provider);
      return { doc, provider };
    });
    await Promise.all(clients.map((client) => synced(client.provider)));

    // Every client types continuously; kill the server once plenty of echoes have come back.
    const typing = clients.map((client, index) => setInterval(() => firstPlain(client.doc).insert(0, String(index)), 1));
    await enough;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
    for (const timer of typing) clearInterval(timer);
    const receivedBeforeKill = received.splice(0);

    await startChild(port, dbPath);
    const reader = new Y.Doc();
    const readerProvider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, docId, reader, {
      params: { token: tokens[0] }, WebSocketPolyfill: WebSocket as never, disableBc: true,
    });
    providers.push(readerProvider);
    await synced(readerProvider);

    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(reader));
    let missing = 0;
    copy.on('update', () => {
      missing += 1;
    });
    for (const update of receivedBeforeKill) Y.applyUpdate(copy, update);
    expect(receivedBeforeKill.length).toBeGreaterThanOrEqual(300);
    expect(missing).toBe(0);

    // The typists reconnect to the restarted server and converge with the reader, without duplicates.
    await Promise.all(clients.map((client) => synced(client.provider)));
    const texts = () => clients.map((client) => firstPlain(client.doc).toString());
    await new Promise<void>((resolve) => {
      const check = () => {
        const all = [...texts(), firstPlain(reader).toString()];
        if (all.every((text) => text === all[0])) resolve();
      };
      check();
      for (const doc of [reader, ...clients.map((client) => client.doc)]) doc.on('update', check);
    });
    expect(firstPlain(reader).toString().endsWith('Each Party shall adopt such measures.')).toBe(true);
  }, 60_000);
});
