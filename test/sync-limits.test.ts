/**
 * The limits of the sync endpoint against a real server on a loopback port: update floods per
 * connection and per account, too many connections, an oversized change (refused with a plain
 * message and no reconnect loop), a frame above the hard cap, a socket that never reads — and
 * honest use that never meets any of them: 200 providers typing, a 1 MB paste, 50 resolutions in
 * a burst. `/healthz` keeps answering during each flood.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { shouldReconnect } from '../client/connection/send-guard.ts';
import { importProseMirrorDocument } from '../server/import-document.ts';
import { applyResolution } from '../server/resolution/index.ts';
import { closeRawClients, denied, rawClient, syncMessage } from './helpers/raw-client.ts';
import { treaty, article, heading, plain, br } from './helpers/bracket-builders.ts';
import { closed, firstPlain, firstPlainText, startTestServer, synced, treatyJSON, whenDoc, type TestServer } from './server-helpers.ts';

let test: TestServer;
const extra: WebsocketProvider[] = [];

afterEach(async () => {
  closeRawClients();
  for (const provider of extra.splice(0)) provider.destroy();
  await test?.stop();
});

async function healthy(): Promise<number> {
  return (await fetch(`${test.server.url}/healthz`)).status;
}

async function logLength(): Promise<number> {
  return (await test.server.store.updatesAfter(test.docId, 0)).length;
}

/** A provider for a token (an account made here) with the editor's reconnect rule. */
function provider(token: string, doc = new Y.Doc()): WebsocketProvider {
  const made = new WebsocketProvider(`ws://127.0.0.1:${test.server.port}/sync`, test.docId, doc, {
    params: { token }, WebSocketPolyfill: WebSocket as never, disableBc: true, shouldReconnect,
  });
  extra.push(made);
  return made;
}

/** Counts the closes a provider goes through. */
function countCloses(target: WebsocketProvider): { closes: number[] } {
  const seen = { closes: [] as number[] };
  target.on('connection-close', (event) => {
    seen.closes.push(event?.code ?? 0);
  });
  return seen;
}

describe('update rate', () => {
  it('closes a connection flooding keystrokes with 4429, stores only its budget, and others still edit', async () => {
    test = await startTestServer();
    // Pen-holders type agreed text directly, so every flooded keystroke is one the rules allow.
    const chair = test.connect('chair');
    const observer = test.connect('observer');
    await Promise.all([synced(chair.provider), synced(observer.provider)]);
    const before = await logLength();
    const flooder = await rawClient(test, 'sec', { clientId: 7001 });
    const closing = closed(flooder.socket);
    const started = Date.now();
    const text = firstPlain(flooder.doc);
    for (let i = 0; i < 3000; i++) {
      const sv = Y.encodeStateVector(flooder.doc);
      text.insert(0, 'x');
      flooder.send(Y.encodeStateAsUpdate(flooder.doc, sv));
    }
    expect(await healthy()).toBe(200);
    const { code, reason } = await closing;
    const seconds = (Date.now() - started) / 1000;
    expect(code).toBe(4429);
    expect(reason).toContain('updates');
    firstPlain(chair.doc).insert(firstPlainText(chair.doc).length, ' Nairobi.');
    await whenDoc(observer.doc, () => firstPlainText(observer.doc).endsWith(' Nairobi.'));
    const stored = (await logLength()) - before;
    const { burst, perSecond } = test.server.rooms.limits.connectionUpdates;
    expect(stored).toBeLessThanOrEqual(burst + perSecond * seconds);
    expect(stored).toBeLessThan(3000);
  });

  it("closes a connection once its account's budget, shared with its other connections, is spent", async () => {
    test = await startTestServer({ limits: { connectionUpdates: { burst: 50, perSecond: 0.1 }, accountUpdates: { burst: 80, perSecond: 0.1 } } });
    const first = await rawClient(test, 'sec', { clientId: 7101 });
    const second = await rawClient(test, 'sec', { clientId: 7102 });
    const type = (client: typeof first, count: number) => {
      for (let i = 0; i < count; i++) client.edit((doc) => firstPlain(doc).insert(0, 'y'));
    };
    type(first, 45);
    await first.next((m) => m.kind === 'update' && m.syncType === 2 && firstPlainText(first.doc).startsWith('y'.repeat(45)));
    const closing = closed(second.socket);
    type(second, 45);
    const { code, reason } = await closing;
    expect(code).toBe(4429);
    expect(reason).toContain('account');
  });

  it('refuses a connection above the per-account connection limit with 4429', async () => {
    test = await startTestServer({ limits: { maxConnectionsPerAccount: 3 } });
    const sockets = await Promise.all([1, 2, 3].map(() => test.rawSocket('fr')));
    const fourth = await test.rawSocket('fr');
    expect((await closed(fourth)).code).toBe(4429);
    for (const socket of sockets) expect(socket.readyState).toBe(WebSocket.OPEN);
    for (const socket of sockets) socket.terminate();
  });
});

describe('an oversized change', () => {
  it('is refused with a plain message naming its size and the limit; the connection stays open and nothing is stored', async () => {
    test = await startTestServer();
    const fr = await rawClient(test, 'fr', { clientId: 7201 });
    const before = await logLength();
    const from = fr.edit((doc) => firstPlain(doc).insert(0, 'z'.repeat(5 * 1024 * 1024)));
    const refusal = await fr.next(denied, from);
    expect(refusal).toEqual({ kind: 'denied', reason: '4413 Your change is too large to send (5 MB; the limit is 4 MB).' });
    expect(fr.socket.readyState).toBe(WebSocket.OPEN);
    expect(await logLength()).toBe(before);
  });

  it('pasted through a provider (10 MB) is refused once, without a close or a reconnect', async () => {
    test = await startTestServer();
    const doc = new Y.Doc();
    const paster = provider(test.tokens.fr, doc);
    const seen = countCloses(paster);
    await synced(paster);
    const refused = new Promise<string>((resolve) => {
      paster.messageHandlers[2] = (_encoder, decoder) => {
        decoder.pos += 1;
        const length = decoder.arr[decoder.pos++] | ((decoder.arr[decoder.pos] & 0x7f) << 7);
        resolve(new TextDecoder().decode(decoder.arr.subarray(decoder.pos + 1, decoder.pos + 1 + length)));
        decoder.pos = decoder.arr.length;
      };
    });
    const before = await logLength();
    firstPlain(doc).insert(0, 'p'.repeat(10 * 1024 * 1024));
    expect(await refused).toContain('too large');
    expect(seen.closes).toEqual([]);
    expect(paster.wsconnected).toBe(true);
    expect(await logLength()).toBe(before);
  });

  it('in a frame above the hard cap is cut off with 1009, and the editor does not reconnect to send it again', async () => {
    test = await startTestServer({ maxMessageBytes: 1024 * 1024 });
    const doc = new Y.Doc();
    const paster = provider(test.tokens.fr, doc);
    const seen = countCloses(paster);
    await synced(paster);
    const stopped = new Promise<{ code: number }>((resolve) => paster.on('closed', resolve));
    firstPlain(doc).insert(0, 'q'.repeat(2 * 1024 * 1024));
    expect((await stopped).code).toBe(1009);
    expect(paster.shouldConnect).toBe(false);
    expect(seen.closes).toEqual([1009]);
  });
});

describe('a socket that does not read', () => {
  it('is terminated once its unread answers pass the buffer limit, and leaves the room', async () => {
    test = await startTestServer({ limits: { requests: { burst: 100, perSecond: 1 } } });
    const big = await importProseMirrorDocument(test.server.store, { json: treatyJSON('w'.repeat(2 * 1024 * 1024)), title: 'Big' });
    test.docId = big.id;
    const reader = await rawClient(test, 'fr', { docId: big.id });
    const room = test.server.rooms.get(big.id)!;
    const connection = [...room.connections].find((c) => c.account.id === test.accounts.fr.id)!;
    reader.socket.pause();
    const ask = syncMessage(0, new Uint8Array([0]));
    for (let i = 0; i < 60; i++) reader.socket.send(ask);
    expect(await healthy()).toBe(200);
    await new Promise<void>((resolve) => {
      const check = () => (room.connections.has(connection) ? setTimeout(check, 10) : resolve());
      check();
    });
    expect(connection.closedWith?.code).toBe(4508);
    expect(connection.socket.readyState).toBe(WebSocket.CLOSED);
    const unread = Number(/(\d+) bytes unread/.exec(connection.closedWith!.reason)![1]);
    expect(unread).toBeLessThanOrEqual(test.server.rooms.limits.maxBufferedBytes + 2 * connection.stateAllowance);
    expect(unread).toBeLessThan(60 * connection.stateAllowance);
    // The unread answers are released with the socket, not kept until a close handshake.
    expect(connection.socket.bufferedAmount).toBe(0);
  });
});

describe('honest use never meets a limit', () => {
  it('200 providers of 40 accounts typing a little converge without a close or a refusal', async () => {
    test = await startTestServer();
    // Secretariat staff, who write agreed text directly: the test is about the limits, not the rules.
    const accounts = await Promise.all(Array.from({ length: 40 }, (_, i) => test.server.store.createAccount({ name: `Officer ${i}`, delegation: `S${i}`, role: 'secretariat' })));
    const clients = accounts.flatMap(({ token }) => Array.from({ length: 5 }, () => {
      const doc = new Y.Doc();
      return { doc, provider: provider(token, doc) };
    }));
    const closes = clients.map((c) => countCloses(c.provider));
    const refusals: string[] = [];
    for (const c of clients) c.provider.messageHandlers[2] = () => refusals.push('refused');
    await Promise.all(clients.map((c) => synced(c.provider)));
    const start = firstPlainText(clients[0].doc).length;
    for (let key = 0; key < 5; key++) {
      for (const c of clients) {
        firstPlain(c.doc).insert(0, 'k');
        if (key === 0) c.provider.awareness.setLocalStateField('cursor', { anchor: { type: null, tname: 'prosemirror', item: null, assoc: 0 }, head: { type: null, tname: 'prosemirror', item: null, assoc: 0 } });
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const total = start + 200 * 5;
    await Promise.all(clients.map((c) => whenDoc(c.doc, () => firstPlainText(c.doc).length === total)));

    expect(closes.flatMap((c) => c.closes)).toEqual([]);
    expect(refusals).toEqual([]);
    expect(await healthy()).toBe(200);
  }, 120_000);

  it('a 1 MB paste through a provider is stored and reaches the others', async () => {
    test = await startTestServer();
    const fr = test.connect('sec');
    const ke = test.connect('ke');
    await Promise.all([synced(fr.provider), synced(ke.provider)]);
    const seen = countCloses(fr.provider);
    const paste = 'Each Party shall adopt. '.repeat(Math.ceil((1024 * 1024) / 24));
    firstPlain(fr.doc).insert(0, paste);
    await whenDoc(ke.doc, () => firstPlainText(ke.doc).startsWith(paste));
    expect(seen.closes).toEqual([]);
  });

  it("50 of the chair's resolutions in a burst reach every connected editor", async () => {
    test = await startTestServer();
    const doc = treaty(article({ id: 'a1' }, heading('Scope'), plain({ id: 'x1' }, ...Array.from({ length: 50 }, (_, i) => br(`b${i}`, 'FR')(`word${i} `)))));
    const record = await importProseMirrorDocument(test.server.store, { json: doc.toJSON(), title: 'Fifty brackets' });
    test.docId = record.id;
    const fr = test.connect('fr', { docId: record.id });
    const ke = test.connect('ke', { docId: record.id });
    await Promise.all([synced(fr.provider), synced(ke.provider)]);
    const closes = [countCloses(fr.provider), countCloses(ke.provider)];
    // All at once: the server applies a document's edits one at a time, in order (server/sync/edit-queue.ts;
    // test/resolution-concurrency.test.ts checks the text they leave).
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => applyResolution(test.server.rooms, test.server.store, test.accounts.chair, record.id, { bracketId: `b${i}`, action: 'keep' })));
    expect(results.flat()).toHaveLength(50);
    const noBrackets = (d: Y.Doc) => !d.getXmlFragment('prosemirror').toString().includes('<bracket');
    await Promise.all([whenDoc(fr.doc, () => noBrackets(fr.doc)), whenDoc(ke.doc, () => noBrackets(ke.doc))]);
    expect(closes.flatMap((c) => c.closes)).toEqual([]);
  });
});
