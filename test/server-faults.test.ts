import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { updateMessage } from '../server/sync/protocol.ts';
import { closed, firstPlain, firstPlainText, startTestServer, synced, whenDoc, type TestServer } from './server-helpers.ts';

let test: TestServer;
afterEach(async () => {
  await test?.stop();
});

/** An update, built on its own, that adds an element named `name` at the root of the text. */
function elementUpdate(name: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getXmlFragment('prosemirror').insert(0, [new Y.XmlElement(name)]);
  return Y.encodeStateAsUpdate(doc);
}

/** An update that adds a plain block whose text carries the format `key`. */
function formatUpdate(key: string): Uint8Array {
  return formatUpdateWith(key, {});
}

/** An update that adds a plain block whose text carries the format `key` with `value`. */
function formatUpdateWith(key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc();
  const text = new Y.XmlText();
  const plain = new Y.XmlElement('plain');
  plain.insert(0, [text]);
  doc.getXmlFragment('prosemirror').insert(0, [plain]);
  text.insert(0, 'x', { [key]: value });
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Send `frame` on a raw socket while a real client edits; expect the raw socket to be closed with
 * `code`, nothing stored, and the other client carrying on.
 */
async function expectRefused(frame: Uint8Array | string, codes: number[], reason?: RegExp): Promise<void> {
  const editor = test.connect('sec');
  const watcher = test.connect('ke');
  await Promise.all([synced(editor.provider), synced(watcher.provider)]);
  const logBefore = (await test.server.store.updatesAfter(test.docId, 0)).length;
  const bad = await test.rawSocket('us');
  const closing = closed(bad);
  bad.send(frame);
  const event = await closing;
  expect(codes).toContain(event.code);
  if (reason) expect(event.reason).toMatch(reason);
  expect((await test.server.store.updatesAfter(test.docId, 0)).length).toBe(logBefore);
  firstPlain(editor.doc).insert(0, 'still ');
  await whenDoc(watcher.doc, () => firstPlainText(watcher.doc).startsWith('still '));
  expect((await test.server.store.updatesAfter(test.docId, 0)).length).toBe(logBefore + 1);
  expect(editor.provider.wsconnected && watcher.provider.wsconnected).toBe(true);
  expect(await (await fetch(`${test.server.url}/healthz`)).json()).toEqual({ ok: true });
}

describe('bad input on the websocket', () => {
  it('closes a connection that sends an unknown message type with 4400', async () => {
    test = await startTestServer();
    await expectRefused(new Uint8Array([9, 1, 2]), [4400], /unknown message type 9/);
  });

  it('closes a connection that sends a truncated message with 4400', async () => {
    test = await startTestServer();
    await expectRefused(new Uint8Array([0, 2, 50, 1, 2]), [4400], /Malformed message/);
  });

  it('closes a connection that sends a text frame with 4400', async () => {
    test = await startTestServer();
    await expectRefused('hello', [4400], /text frame/);
  });

  it('closes a connection that sends an update Yjs cannot decode with 4422', async () => {
    test = await startTestServer();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x05, 0x01]));
    await expectRefused(encoding.toUint8Array(encoder), [4422], /undecodable/);
  });

  it('closes a connection whose update creates an element the schema does not know with 4422', async () => {
    test = await startTestServer();
    await expectRefused(updateMessage(elementUpdate('script')), [4422], /unknown element "script"/);
  });

  it('closes a connection whose update formats text with a mark the schema does not know with 4422', async () => {
    test = await startTestServer();
    await expectRefused(updateMessage(formatUpdate('blink')), [4422], /unknown mark "blink"/);
  });

  it('closes a connection whose update gives an element a shared type as an attribute with 4422', async () => {
    test = await startTestServer();
    const doc = new Y.Doc();
    const element = new Y.XmlElement('plain');
    doc.getXmlFragment('prosemirror').insert(0, [element]);
    element.setAttribute('id', new Y.XmlText('p_forged') as never);
    await expectRefused(updateMessage(Y.encodeStateAsUpdate(doc)), [4422], /attribute "id" holds a shared type/);
  });

  it('closes a connection whose update sets an attribute or a mark to deeply nested data with 4422', async () => {
    test = await startTestServer();
    let deep: unknown = 'KE';
    for (let i = 0; i < 10; i++) deep = [deep];
    const doc = new Y.Doc();
    const element = new Y.XmlElement('plain');
    doc.getXmlFragment('prosemirror').insert(0, [element]);
    element.setAttribute('sponsors', deep as never);
    await expectRefused(updateMessage(Y.encodeStateAsUpdate(doc)), [4422], /attribute "sponsors" holds a value that is not plain data/);
    await test.stop();
    test = await startTestServer();
    await expectRefused(updateMessage(formatUpdateWith('bracket', { id: 'b1', sponsors: deep })), [4422], /mark "bracket" holds a value that is not plain data/);
  });

  it('closes a connection that writes outside the prosemirror root with 4422', async () => {
    test = await startTestServer();
    const doc = new Y.Doc();
    doc.getMap('secrets').set('x', 1);
    await expectRefused(updateMessage(Y.encodeStateAsUpdate(doc)), [4422], /unknown root type "secrets"/);
  });

  it('closes a connection that sends a frame over the size limit (1009 from ws, or 4413)', async () => {
    test = await startTestServer({ maxMessageBytes: 64 * 1024 });
    await expectRefused(new Uint8Array(65 * 1024), [1009, 4413]);
  });
});

describe('refused upgrades', () => {
  it('refuses the websocket upgrade without a valid token (401) and for an unknown document (404)', async () => {
    test = await startTestServer();
    const status = (url: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url);
        socket.once('unexpected-response', (_request, response) => {
          resolve(response.statusCode ?? 0);
          socket.terminate();
        });
        socket.once('open', () => resolve(101));
        socket.once('error', () => {});
      });
    const base = `ws://127.0.0.1:${test.server.port}/sync`;
    expect(await status(`${base}/${test.docId}`)).toBe(401);
    expect(await status(`${base}/${test.docId}?token=wrong`)).toBe(401);
    expect(await status(`${base}/doc_unknown?token=${test.tokens.fr}`)).toBe(404);
    expect(await status(`${base}/${test.docId}?token=${test.tokens.fr}`)).toBe(101);
  });
});
