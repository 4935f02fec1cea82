import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SERVER_OWNER } from '../server/storage/index.ts';
import { serverOrigin } from '../server/sync/origins.ts';
import { firstPlain, startTestServer, type TestServer } from './server-helpers.ts';
import { carries, closeRawClients, denied, rawClient } from './helpers/raw-client.ts';

let test: TestServer;
afterEach(async () => {
  closeRawClients();
  await test?.stop();
});

const typeAt = (text: string) => (doc: Y.Doc) => firstPlain(doc).insert(0, text);
/** France proposes `text`: an insertion bracket sponsored by France alone, as the editor writes it. */
const proposeAt = (text: string) => (doc: Y.Doc) => firstPlain(doc).insert(0, text, { 'bracket--FRprop01': { id: 'fr_p', sponsors: ['FR'], kind: 'insert' } });

async function logText(t: TestServer): Promise<string> {
  const doc = new Y.Doc();
  for (const entry of await t.server.store.updatesAfter(t.docId, 0)) Y.applyUpdate(doc, entry.data);
  return (firstPlain(doc).toDelta() as Array<{ insert: string }>).map((op) => op.insert).join('');
}

describe('client-id ownership', () => {
  it('refuses, after a restart, an update from another account under a client id France wrote with', async () => {
    test = await startTestServer();
    const fr = await rawClient(test, 'fr', { clientId: 4242 });
    await fr.next(carries(4242), fr.edit(proposeAt('FR ')));
    expect(await test.server.store.clientOwners(test.docId)).toContainEqual({ clientId: 4242, accountId: test.accounts.fr.id });
    fr.socket.terminate();
    await test.restart();

    const ke = await rawClient(test, 'ke', { clientId: 4242 });
    const refusal = await ke.next(denied, ke.edit(typeAt('Forged ')));
    expect(refusal).toMatchObject({ reason: expect.stringMatching(/client id 4242 belongs to another account/) });
    expect(await logText(test)).not.toContain('Forged');

    const again = await rawClient(test, 'fr', { clientId: 4242 });
    await again.next(carries(4242), again.edit(proposeAt('FR again ')));
    expect(await logText(test)).toMatch(/^FR again FR /);
    ke.socket.terminate();
    again.socket.terminate();
  });

  it('binds the client ids of a server change to the server, so no account can write under them after a restart', async () => {
    test = await startTestServer();
    const update = await test.server.rooms.transact(test.docId, serverOrigin('resolution', test.accounts.chair), (fragment) => {
      const plain = fragment.createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'plain').next().value as Y.XmlElement;
      (plain.get(0) as Y.XmlText).insert(0, 'Agreed: ');
    });
    const [serverId] = [...Y.parseUpdateMeta(update!).from.keys()];
    expect(await test.server.store.clientOwners(test.docId)).toContainEqual({ clientId: serverId, accountId: SERVER_OWNER });
    await test.restart();

    const chair = await rawClient(test, 'chair', { clientId: serverId });
    const refusal = await chair.next(denied, chair.edit(typeAt('Under the server id ')));
    expect(refusal).toMatchObject({ reason: expect.stringMatching(new RegExp(`client id ${serverId} belongs to another account`)) });
    expect(await logText(test)).toMatch(/^Agreed: /);
    chair.socket.terminate();
  });

  it('gives the client ids of an imported document to the server when the document first loads', async () => {
    test = await startTestServer();
    const [initial] = await test.server.store.updatesAfter(test.docId, 0);
    const [importId] = [...Y.parseUpdateMeta(initial.data).from.keys()];
    const fr = await rawClient(test, 'fr', { clientId: importId });
    expect(await test.server.store.clientOwners(test.docId)).toEqual([{ clientId: importId, accountId: SERVER_OWNER }]);
    const refusal = await fr.next(denied, fr.edit(typeAt('Under the import id ')));
    expect(refusal).toMatchObject({ reason: expect.stringMatching(/belongs to another account/) });
    fr.socket.terminate();
  });
});
