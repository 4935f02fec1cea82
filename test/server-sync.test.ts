import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCodes, closeWith, serverOrigin } from '../server/sync/index.ts';
import { firstPlain, firstPlainText, startTestServer, synced, whenDoc, type TestServer } from './server-helpers.ts';

let test: TestServer;
afterEach(async () => {
  await test?.stop();
});

describe('sync server', () => {
  it('sends a connecting client the stored document', async () => {
    test = await startTestServer();
    const { doc, provider } = test.connect('fr');
    await synced(provider);
    expect(firstPlainText(doc)).toBe('Each Party shall adopt such measures.');
  });

  it('makes two clients converge', async () => {
    test = await startTestServer();
    // The chair and the secretariat hold the pen on agreed text.
    const a = test.connect('chair');
    const b = test.connect('sec');
    await Promise.all([synced(a.provider), synced(b.provider)]);
    firstPlain(a.doc).insert(0, '[CH] ');
    firstPlain(b.doc).insert(firstPlainText(b.doc).length, ' [SEC]');
    const expected = '[CH] Each Party shall adopt such measures. [SEC]';
    await Promise.all([whenDoc(a.doc, () => firstPlainText(a.doc) === expected), whenDoc(b.doc, () => firstPlainText(b.doc) === expected)]);
    expect(firstPlainText(a.doc)).toBe(firstPlainText(b.doc));
  });
});

/** A valid cursor at the start of the text (as y-prosemirror writes one in an empty root). */
const startCursor = { anchor: { type: null, tname: 'prosemirror', item: null, assoc: -1 }, head: { type: null, tname: 'prosemirror', item: null, assoc: -1 } };

describe('awareness', () => {
  it('overwrites the user field a client claims with its account', async () => {
    test = await startTestServer();
    const fr = test.connect('fr');
    const ke = test.connect('ke');
    await Promise.all([synced(fr.provider), synced(ke.provider)]);
    const seen = new Promise<Record<string, unknown>>((resolve) => {
      const onChange = () => {
        const state = ke.provider.awareness.getStates().get(fr.doc.clientID);
        if (state?.cursor) resolve(state);
      };
      ke.provider.awareness.on('change', onChange);
    });
    fr.provider.awareness.setLocalState({ user: { name: 'Kenya', delegation: 'KE', role: 'chair' }, cursor: startCursor });
    const state = await seen;
    expect(state.user).toMatchObject({ name: 'France', delegation: 'FR', role: 'delegate', id: test.accounts.fr.id });
    expect((state.user as { color: string }).color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('removes the states of a connection that drops', async () => {
    test = await startTestServer();
    const fr = test.connect('fr');
    const ke = test.connect('ke');
    await Promise.all([synced(fr.provider), synced(ke.provider)]);
    const frClient = fr.doc.clientID;
    await new Promise<void>((resolve) => {
      const onChange = () => ke.provider.awareness.getStates().has(frClient) && resolve();
      ke.provider.awareness.on('change', onChange);
      fr.provider.awareness.setLocalStateField('cursor', startCursor);
    });
    const gone = new Promise<void>((resolve) => {
      ke.provider.awareness.on('change', () => !ke.provider.awareness.getStates().has(frClient) && resolve());
    });
    fr.provider.destroy();
    await gone;
  });
});

describe('observers', () => {
  it('refuses an observer\'s update: not applied, stored or relayed, and tells the observer', async () => {
    test = await startTestServer();
    const observer = test.connect('observer');
    const fr = test.connect('sec');
    await Promise.all([synced(observer.provider), synced(fr.provider)]);
    const logBefore = (await test.server.store.updatesAfter(test.docId, 0)).length;
    const denied = new Promise<string>((resolve) => {
      observer.provider.messageHandlers[2] = (_encoder, decoder) => {
        decoder.pos += 1; // permission-denied tag
        const length = decoder.arr[decoder.pos++];
        resolve(new TextDecoder().decode(decoder.arr.subarray(decoder.pos, decoder.pos + length)));
        decoder.pos += length;
      };
    });
    firstPlain(observer.doc).insert(0, 'OBSERVER ');
    expect(await denied).toMatch(/^4403 .*ICRC.*may not edit/);
    firstPlain(fr.doc).insert(0, 'FR ');
    await whenDoc(observer.doc, () => firstPlainText(observer.doc).includes('FR '));
    const room = test.server.rooms.get(test.docId)!;
    await room.drain();
    expect(firstPlainText(room.doc)).toBe('FR Each Party shall adopt such measures.');
    expect((await test.server.store.updatesAfter(test.docId, 0)).length).toBe(logBefore + 1);
    expect(firstPlainText(fr.doc)).not.toContain('OBSERVER');
    expect(observer.provider.wsconnected).toBe(true);
  });
});

describe('reconnection', () => {
  it('makes two clients that edited offline converge when they reconnect', async () => {
    test = await startTestServer();
    const a = test.connect('chair');
    const b = test.connect('sec');
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.provider.disconnect();
    b.provider.disconnect();
    firstPlain(a.doc).insert(0, 'alpha ');
    firstPlain(b.doc).insert(0, 'beta ');
    a.provider.connect();
    b.provider.connect();
    const both = (text: string) => text.includes('alpha ') && text.includes('beta ');
    await Promise.all([whenDoc(a.doc, () => both(firstPlainText(a.doc))), whenDoc(b.doc, () => both(firstPlainText(b.doc)))]);
    await Promise.all([
      whenDoc(a.doc, () => firstPlainText(a.doc) === firstPlainText(b.doc)),
      whenDoc(b.doc, () => firstPlainText(a.doc) === firstPlainText(b.doc)),
    ]);
  });

  it('resyncs a client after a server restart without duplicating text', async () => {
    test = await startTestServer();
    const a = test.connect('sec');
    await synced(a.provider);
    firstPlain(a.doc).insert(0, 'once ');
    const room = test.server.rooms.get(test.docId)!;
    await whenDoc(room.doc, () => firstPlainText(room.doc).startsWith('once '));
    const reconnected = new Promise<void>((resolve) => {
      a.provider.on('sync', (state: boolean) => state && resolve());
    });
    await test.restart();
    await reconnected;
    firstPlain(a.doc).insert(0, 'twice ');
    const b = test.connect('ke');
    await synced(b.provider);
    await whenDoc(b.doc, () => firstPlainText(b.doc).startsWith('twice '));
    expect(firstPlainText(b.doc)).toBe('twice once Each Party shall adopt such measures.');
    expect(firstPlainText(a.doc)).toBe(firstPlainText(b.doc));
  });
});

describe('storage of live documents', () => {
  it('writes a checkpoint in the background and loads checkpoint plus tail, keeping the whole log', async () => {
    test = await startTestServer({ compactEvery: 5 });
    const a = test.connect('sec');
    await synced(a.provider);
    const room = test.server.rooms.get(test.docId)!;
    for (let i = 0; i < 12; i++) firstPlain(a.doc).insert(0, `${i % 10}`);
    await whenDoc(room.doc, () => firstPlainText(room.doc) === firstPlainText(a.doc));
    await room.drain();
    await room.compaction;
    const loaded = await test.server.store.load(test.docId);
    expect(loaded.checkpointSeq).toBeGreaterThanOrEqual(5);
    expect((await test.server.store.updatesAfter(test.docId, 0)).length).toBe(loaded.seq);
    const b = test.connect('ke');
    await test.restart();
    await synced(b.provider);
    expect(firstPlainText(b.doc)).toBe(firstPlainText(a.doc));
  });

  it('loads a document on first use and unloads it when idle', async () => {
    test = await startTestServer({ idleUnloadMs: 10 });
    expect(test.server.rooms.loaded()).toEqual([]);
    const a = test.connect('fr');
    await synced(a.provider);
    expect(test.server.rooms.loaded()).toEqual([test.docId]);
    const unloaded = new Promise((resolve) => test.server.rooms.once('unload', resolve));
    a.provider.destroy();
    expect(await unloaded).toBe(test.docId);
    expect(test.server.rooms.loaded()).toEqual([]);
  });

  it('records the author of each update', async () => {
    test = await startTestServer();
    const a = test.connect('ke');
    await synced(a.provider);
    // Kenya proposes words: an insertion bracket sponsored by Kenya alone.
    firstPlain(a.doc).insert(0, 'KE ', { 'bracket--KEprop01': { id: 'ke_p', sponsors: ['KE'], kind: 'insert' } });
    const room = test.server.rooms.get(test.docId)!;
    await whenDoc(room.doc, () => firstPlainText(room.doc).startsWith('KE '));
    const log = await test.server.store.updatesAfter(test.docId, 0);
    expect(log.at(-1)?.accountId).toBe(test.accounts.ke.id);
  });
});

describe('server-side changes', () => {
  it('applies a server change through the log so that connected clients see it', async () => {
    test = await startTestServer();
    const a = test.connect('fr');
    await synced(a.provider);
    const before = (await test.server.store.updatesAfter(test.docId, 0)).length;
    const update = await test.server.rooms.transact(test.docId, serverOrigin('resolution', test.accounts.chair), (fragment) => {
      const plain = fragment.createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'plain').next().value as Y.XmlElement;
      (plain.get(0) as Y.XmlText).insert(0, 'CHAIR ');
    });
    expect(update).not.toBeNull();
    await whenDoc(a.doc, () => firstPlainText(a.doc).startsWith('CHAIR '));
    const log = await test.server.store.updatesAfter(test.docId, 0);
    expect(log.length).toBe(before + 1);
    expect(log.at(-1)?.accountId).toBe(test.accounts.chair.id);
  });
});

describe('keepalive and limits', () => {
  it('sends a no-op awareness message to a silent connection', async () => {
    test = await startTestServer({ keepaliveMs: 30 });
    const socket = await test.rawSocket('fr');
    const keepalive = await new Promise<number[]>((resolve) => {
      socket.on('message', (data: Buffer) => data[0] === 1 && data.length === 3 && data[2] === 0 && resolve([...data]));
    });
    expect(keepalive).toEqual([1, 1, 0]);
    socket.terminate();
  });

  it('cuts a long close reason to the 123 bytes a close frame allows', () => {
    const closing = closeWith(CloseCodes.InvalidContent, `unknown element "${'é'.repeat(200)}"`);
    expect(Buffer.byteLength(closing.reason, 'utf8')).toBeLessThanOrEqual(123);
    expect(closing).toMatchObject({ code: 4422, reason: expect.stringMatching(/^Invalid content: unknown element "é+\.\.\.$/) });
  });
});
