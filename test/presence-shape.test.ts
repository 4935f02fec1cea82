/** The presence state the editor publishes: cursor shape, decoding against a Y.Doc, and the reduction the server applies. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cursorFitsDocument, isCursorJSON, placeOfPosition, reducePresence } from '../shared/presence/index.ts';
import { explainClose, explainRefusal } from '../client/connection/messages.ts';
import { formatBytes, tooLargeMessage } from '../shared/limits/index.ts';

function docWithText(): { doc: Y.Doc; text: Y.XmlText; other: Y.Text } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('plain');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.getXmlFragment('prosemirror').insert(0, [paragraph]);
  text.insert(0, 'Each Party shall adopt.');
  const other = doc.getText('other');
  other.insert(0, 'outside');
  return { doc, text, other };
}

const json = (position: Y.RelativePosition) => JSON.parse(JSON.stringify(position));

describe('cursor shape', () => {
  it('accepts the positions y-prosemirror writes', () => {
    const { text, doc } = docWithText();
    const inText = json(Y.createRelativePositionFromTypeIndex(text, 3));
    const atRoot = json(Y.createRelativePositionFromTypeIndex(doc.getXmlFragment('prosemirror'), 0, -1));
    expect(isCursorJSON({ anchor: inText, head: atRoot })).toBe(true);
  });

  it('refuses null positions, missing ids, other roots and extra keys', () => {
    const root = { type: null, tname: 'prosemirror', item: null, assoc: 0 };
    for (const cursor of [
      { anchor: null, head: null }, { anchor: root }, { anchor: {}, head: root }, { anchor: { ...root, tname: 'x' }, head: root },
      { anchor: { item: { client: 1 } }, head: root }, { anchor: { item: { client: 1, clock: 1.5 } }, head: root },
      { anchor: { ...root, assoc: '0' }, head: root }, { anchor: root, head: root, more: 1 }, [root, root], 'cursor',
    ]) expect(isCursorJSON(cursor), JSON.stringify(cursor)).toBe(false);
  });
});

describe('decoding a cursor against the document', () => {
  it('places positions in the text inside, in another root outside, and not yet known as unknown', () => {
    const { doc, text, other } = docWithText();
    expect(placeOfPosition(doc, json(Y.createRelativePositionFromTypeIndex(text, 2)))).toBe('inside');
    expect(placeOfPosition(doc, json(Y.createRelativePositionFromTypeIndex(other, 2)))).toBe('outside');
    expect(placeOfPosition(doc, { type: null, tname: null, item: { client: 424242, clock: 9 }, assoc: 0 })).toBe('unknown');
    const outside = json(Y.createRelativePositionFromTypeIndex(other, 1));
    expect(cursorFitsDocument(doc, { anchor: outside, head: outside })).toBe(false);
  });

  it('does not add a root type to the document while decoding', () => {
    const { doc } = docWithText();
    const before = [...doc.share.keys()];
    placeOfPosition(doc, { type: null, tname: 'prosemirror', item: null, assoc: 0 });
    expect([...doc.share.keys()]).toEqual(before);
  });
});

describe('reducing a received state', () => {
  it("keeps the cursor, replaces the user and drops unknown fields", () => {
    const cursor = { anchor: { type: null, tname: 'prosemirror', item: null, assoc: 0 }, head: { type: null, tname: 'prosemirror', item: null, assoc: 0 } };
    const verdict = reducePresence({ user: { name: 'Forged' }, cursor, extra: 'x' }, { name: 'France' });
    expect(verdict).toEqual({ ok: true, state: { user: { name: 'France' }, cursor } });
  });

  it('refuses a state that is not an object and names it', () => {
    expect(reducePresence('hello', {})).toMatchObject({ ok: false, reason: expect.stringContaining('"hello"') });
    expect(reducePresence({ cursor: { anchor: null, head: null } }, {})).toMatchObject({ ok: false, reason: expect.stringContaining('anchor') });
  });
});

describe('what the user reads', () => {
  it('says how large a change was and what the limit is', () => {
    expect(tooLargeMessage(12 * 1024 * 1024 + 5, 4 * 1024 * 1024)).toBe('Your change is too large to send (12 MB; the limit is 4 MB).');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });

  it('turns every close code into a sentence without a number, and stops on closes that would repeat', () => {
    for (const code of [1001, 1006, 1009, 1011, 4400, 4401, 4403, 4404, 4413, 4422, 4423, 4429, 4499, 4508]) {
      expect(explainClose(code).message, String(code)).not.toMatch(/\d{3,}/);
    }
    expect(explainClose(1009).action).toBe('stop');
    expect(explainClose(4413).action).toBe('stop');
    expect(explainClose(4429).action).toBe('wait');
    expect(explainClose(1006).action).toBe('reconnect');
  });

  it('drops the code and ids from a refusal', () => {
    expect(explainRefusal('4413 Your change is too large to send (10 MB; the limit is 4 MB).')).toEqual({ code: 4413, message: 'Your change is too large to send (10 MB; the limit is 4 MB).' });
    expect(explainRefusal('4403 KE may not remove bracket b_x7Kq9pLm sponsored by [FR]').message).toBe('KE may not remove bracket sponsored by [FR].');
    expect(explainRefusal('4403 client id 2558102696 belongs to another account').message).not.toMatch(/\d/);
  });
});
