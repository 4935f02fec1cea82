import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { closed, firstPlain, firstPlainText, startTestServer, synced, whenDoc, type TestServer } from './server-helpers.ts';

let test: TestServer;
afterEach(async () => {
  await test?.stop();
});

describe('idle rooms', () => {
  it('unloads a room after its last connection closes and reloads it with its content', async () => {
    test = await startTestServer({ idleUnloadMs: 20 });
    const sec = test.connect('sec');
    await synced(sec.provider);
    firstPlain(sec.doc).insert(0, 'Before unload: ');
    const room = test.server.rooms.get(test.docId)!;
    await whenDoc(room.doc, () => firstPlainText(room.doc).startsWith('Before unload: '));
    await room.drain();
    const unloaded = new Promise((resolve) => test.server.rooms.once('unload', resolve));
    sec.provider.destroy();
    expect(await unloaded).toBe(test.docId);
    expect(test.server.rooms.loaded()).toEqual([]);
    expect((await test.server.store.load(test.docId)).checkpointSeq).toBeGreaterThan(1);

    const loaded = new Promise((resolve) => test.server.rooms.once('load', resolve));
    const ke = test.connect('ke');
    await synced(ke.provider);
    expect(await loaded).toBe(test.docId);
    expect(firstPlainText(ke.doc)).toBe('Before unload: Each Party shall adopt such measures.');
  });
});

describe('dead peers', () => {
  it('terminates a peer that stops answering pings and keeps one that answers', async () => {
    test = await startTestServer({ keepaliveMs: 40 });
    const url = `ws://127.0.0.1:${test.server.port}/sync/${test.docId}`;
    const open = (token: string, autoPong: boolean) => new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(`${url}?token=${token}`, { autoPong });
      socket.once('open', () => resolve(socket));
      socket.once('error', reject);
    });
    const silent = await open(test.tokens.fr, false);
    const alive = await open(test.tokens.ke, true);
    let pings = 0;
    silent.on('ping', () => pings++);
    const end = await closed(silent);
    expect(end.code).toBe(1006);
    expect(pings).toBeGreaterThanOrEqual(1);
    await new Promise<void>((resolve) => {
      let seen = 0;
      alive.on('ping', () => ++seen === 2 && resolve());
    });
    expect(alive.readyState).toBe(WebSocket.OPEN);
    alive.terminate();
  });
});
