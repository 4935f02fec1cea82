import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from './server-helpers.ts';
import { closeRawClients, denied, rawClient, type RawClient, type RawMessage } from './helpers/raw-client.ts';

let test: TestServer;
afterEach(async () => {
  closeRawClients();
  await test?.stop();
});

const root = (doc: Y.Doc) => doc.getXmlFragment('prosemirror');
const element = (doc: Y.Doc, name: string) =>
  root(doc).createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === name).next().value as Y.XmlElement;
const echoOf = (client: RawClient) => (m: RawMessage) => m.kind === 'update' && m.syncType === 2 && Y.parseUpdateMeta(m.update).to.has(client.doc.clientID);

/** Send `change` from a raw secretariat client (which may change agreed text); resolves with the server's answer: the echo or a refusal. */
async function attempt(change: (doc: Y.Doc) => void): Promise<{ answer: RawMessage; rows: number }> {
  const client = await rawClient(test, 'sec');
  const before = (await test.server.store.updatesAfter(test.docId, 0)).length;
  const from = client.edit(change);
  const answer = await client.next((m) => denied(m) || echoOf(client)(m), from);
  const rows = (await test.server.store.updatesAfter(test.docId, 0)).length - before;
  return { answer, rows };
}

const invalid = { kind: 'denied', reason: expect.stringMatching(/^4422 Invalid content: the update leaves the document invalid/) };

describe('validity under the schema', () => {
  it('refuses an update that leaves an article without its heading, storing nothing', async () => {
    test = await startTestServer();
    const { answer, rows } = await attempt((doc) => element(doc, 'article').delete(0, 1));
    expect(answer).toEqual(invalid);
    expect(rows).toBe(0);
  });

  it('refuses a paragraph inside a plain block', async () => {
    test = await startTestServer();
    const { answer, rows } = await attempt((doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlElement('plain')]);
      element(doc, 'plain').insert(0, [paragraph]);
    });
    expect(answer).toEqual(invalid);
    expect(rows).toBe(0);
  });

  it('refuses text inserted directly under the document root', async () => {
    test = await startTestServer();
    const { answer, rows } = await attempt((doc) => root(doc).insert(2, [new Y.XmlText('stray')]));
    expect(answer).toEqual(invalid);
    expect(rows).toBe(0);
  });

  it('refuses an option directly under the document', async () => {
    test = await startTestServer();
    const { answer } = await attempt((doc) => {
      const option = new Y.XmlElement('option');
      option.insert(0, [new Y.XmlElement('plain')]);
      root(doc).insert(3, [option]);
    });
    expect(answer).toEqual(invalid);
  });

  it('accepts an element whose attribute holds a value the schema does not list', async () => {
    test = await startTestServer();
    const { answer, rows } = await attempt((doc) => {
      const division = new Y.XmlElement('division');
      division.setAttribute('kind', 'galaxy');
      division.insert(0, [new Y.XmlElement('heading')]);
      root(doc).insert(3, [division]);
    });
    expect(answer.kind).toBe('update');
    expect(rows).toBe(1);
  });

  it('refuses typing into an empty text node that sits outside a text block (no fast path around the schema)', async () => {
    test = await startTestServer();
    const first = await attempt((doc) => element(doc, 'article').insert(1, [new Y.XmlText()]));
    expect(first.answer.kind).toBe('update');
    const second = await attempt((doc) => {
      const stray = element(doc, 'article').get(1) as Y.XmlText;
      stray.insert(0, 'typed outside a block');
    });
    expect(second.answer).toEqual(invalid);
    expect(second.rows).toBe(0);
  });
});
