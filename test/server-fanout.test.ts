import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { serverOrigin } from '../server/sync/origins.ts';
import { firstPlain, startTestServer, type TestServer } from './server-helpers.ts';
import { closeRawClients, rawClient, syncMessage, type RawMessage } from './helpers/raw-client.ts';

let test: TestServer;
afterEach(async () => {
  closeRawClients();
  await test?.stop();
});

const isUpdate = (m: RawMessage) => m.kind === 'update' && m.syncType === 2;

describe('fan-out of a group-commit batch', () => {
  it('sends one merged update message per connection for the updates of one batch, and logs each update with its author', async () => {
    test = await startTestServer();
    const watcher = await rawClient(test, 'ke');
    const fr = await rawClient(test, 'sec');
    const rowsBefore = (await test.server.store.updatesAfter(test.docId, 0)).length;
    const updates: Uint8Array[] = [];
    for (const word of ['one ', 'two ', 'three ']) {
      const before = Y.encodeStateVector(fr.doc);
      firstPlain(fr.doc).insert(0, word);
      updates.push(Y.encodeStateAsUpdate(fr.doc, before));
    }
    const watched = watcher.messages.length;
    const echoed = fr.messages.length;
    // One write on the wire: the three frames reach the server in the same event-loop turn.
    const wire = (fr.socket as unknown as { _socket: import('node:net').Socket })._socket;
    wire.cork();
    for (const update of updates) fr.socket.send(syncMessage(2, update));
    wire.uncork();
    await watcher.next((m) => isUpdate(m) && firstPlain(watcher.doc).toString().startsWith('three two one '), watched);
    await fr.next(isUpdate, echoed);
    expect(watcher.messages.slice(watched).filter(isUpdate)).toHaveLength(1);
    expect(fr.messages.slice(echoed).filter(isUpdate)).toHaveLength(1);
    const rows = (await test.server.store.updatesAfter(test.docId, 0)).slice(rowsBefore);
    expect(rows.map((row) => row.accountId)).toEqual([test.accounts.sec.id, test.accounts.sec.id, test.accounts.sec.id]);
    watcher.socket.terminate();
    fr.socket.terminate();
  });

  it('merges server changes submitted together into one message, sent after they are stored', async () => {
    test = await startTestServer();
    const watcher = await rawClient(test, 'ke');
    const from = watcher.messages.length;
    const changes = ['A ', 'B ', 'C '].map((word) => test.server.rooms.transact(test.docId, serverOrigin('test'), (fragment) => {
      const plain = fragment.createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'plain').next().value as Y.XmlElement;
      (plain.get(0) as Y.XmlText).insert(0, word);
    }));
    await Promise.all(changes);
    const message = await watcher.next(isUpdate, from);
    expect(watcher.messages.slice(from).filter(isUpdate)).toEqual([message]);
    expect(firstPlain(watcher.doc).toString()).toMatch(/^[ABC] [ABC] [ABC] Each Party/);
    watcher.socket.terminate();
  });
});
