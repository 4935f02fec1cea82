import { describe, it, expect, afterEach } from 'vitest';
import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { schema } from '../shared/schema/index.ts';
import { stampsFromLog, textAuthorship } from '../shared/attribution/index.ts';
import { treatyParagraphs } from '../shared/export/index.ts';
import { whenDoc } from './server-helpers.ts';
import { startBracketServer, treatyOf, editAs, join } from './helpers/bracket-server.ts';
import { zipEntry } from './helpers/zip.ts';

let test: Awaited<ReturnType<typeof startBracketServer>>;
afterEach(async () => { await test?.stop(); });

/** Position just after the first occurrence of `after` in a textblock of `doc`. */
function posAfter(doc: Node, after: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return found < 0;
    const i = node.text!.indexOf(after);
    if (i >= 0) found = pos + i + after.length;
    return false;
  });
  if (found < 0) throw new RangeError(`No text ${JSON.stringify(after)} in the document`);
  return found;
}

/** `doc` with `text` inserted after `after`, bracketed and sponsored by `sponsor` alone. */
function proposeInsertion(doc: Node, after: string, text: string, id: string, sponsor: string): Node {
  const mark = schema.marks.bracket.create({ id, sponsors: [sponsor], kind: 'insert' });
  return EditorState.create({ doc }).tr.insert(posAfter(doc, after), schema.text(text, [mark])).doc;
}

/** `doc` without the words `words` (the chair changing agreed text). */
function deleteWords(doc: Node, words: string): Node {
  const end = posAfter(doc, words);
  return EditorState.create({ doc }).tr.delete(end - words.length, end).doc;
}

const iso = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('tracked changes signed from the update log', () => {
  it('signs each change of a Word redline with the delegation or chair that made it, at the time it was logged', async () => {
    test = await startBracketServer();
    const chair = await join(test, 'chair');
    const api = (path: string, init: RequestInit = {}) => fetch(`${test.server.url}/api${path}`, { ...init, headers: { Authorization: `Bearer ${test.tokens.chair}`, 'Content-Type': 'application/json' } });
    const version = await (await api(`/documents/${test.docId}/versions`, { method: 'POST', body: JSON.stringify({ label: 'Rev.1' }) })).json();

    const fr = await join(test, 'fr');
    editAs(fr.doc, proposeInsertion(treatyOf(fr.doc), 'open to', ' all', 'bFR', 'FR'));
    await whenDoc(chair.doc, () => treatyOf(chair.doc).textContent.includes('to all'));
    const ke = await join(test, 'ke');
    editAs(ke.doc, proposeInsertion(treatyOf(ke.doc), 'States', ' and regions', 'bKE', 'KE'));
    await whenDoc(chair.doc, () => treatyOf(chair.doc).textContent.includes('and regions'));
    editAs(chair.doc, deleteWords(treatyOf(chair.doc), 'Whole '));
    const room = test.server.rooms.get(test.docId)!;
    await whenDoc(room.doc, () => !treatyOf(room.doc).textContent.includes('Whole '));
    await room.drain();

    const rows = await test.server.store.updatesAfter(test.docId, 0);
    const lastBy = (who: string) => rows.filter((r) => r.accountId === test.accounts[who].id).at(-1)!;
    const res = await api(`/documents/${test.docId}/redline?from=${version.id}&format=docx`);
    expect(res.status).toBe(200);
    const xml = zipEntry(new Uint8Array(await res.arrayBuffer()), 'word/document.xml');
    const changes = [...xml.matchAll(/<w:(ins|del) w:id="\d+" w:author="([^"]*)" w:date="([^"]*)"><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:(?:t|delText) xml:space="preserve">([^<]*)</g)]
      .map(([, kind, author, date, text]) => ({ kind, author, date, text: text.trim() }));
    expect(changes).toContainEqual({ kind: 'ins', author: 'FR', date: iso(lastBy('fr').createdAt), text: 'all' });
    expect(changes).toContainEqual({ kind: 'ins', author: 'KE', date: iso(lastBy('ke').createdAt), text: 'and regions' });
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'ins', author: 'FR', text: '[' }));
    expect(changes).toContainEqual({ kind: 'del', author: 'Chair', date: iso(lastBy('chair').createdAt), text: 'Whole' });
    expect(changes.filter((c) => c.text && c.text !== '[' && c.text !== ']' && !/^(FR|KE)$/.test(c.text)).map((c) => c.author).sort()).toEqual(['Chair', 'FR', 'KE']);
  }, 30_000);

  it('attributes each character to the logged update that inserted it and the one that deleted it (pure)', () => {
    const a = new Y.Doc();
    a.clientID = 1;
    const b = new Y.Doc();
    b.clientID = 2;
    const log: { update: Uint8Array; stamp: { author: string; time: number } }[] = [];
    a.on('update', (u: Uint8Array) => log.push({ update: u, stamp: { author: 'FR', time: 1000 } }));
    b.on('update', (u: Uint8Array) => log.push({ update: u, stamp: { author: 'KE', time: 2000 } }));
    const block = new Y.XmlElement('plain');
    a.getXmlFragment('prosemirror').insert(0, [block]);
    const text = new Y.XmlText();
    block.insert(0, [text]);
    text.insert(0, 'Each Party shall');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const before = new Y.Doc();
    Y.applyUpdate(before, Y.encodeStateAsUpdate(b));
    ((b.getXmlFragment('prosemirror').get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(11, 5);
    ((b.getXmlFragment('prosemirror').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(11, 'may');
    const stamps = stampsFromLog(log);
    const after = textAuthorship(b, stamps, 'to');
    const older = textAuthorship(before, stamps, 'from');
    expect(after.written(0, 0)).toEqual({ author: 'FR', time: 1000 });
    expect(after.written(0, 11)).toEqual({ author: 'KE', time: 2000 });
    expect(older.deleted(0, 12)).toEqual({ author: 'KE', time: 2000 });
    expect(older.deleted(0, 0)).toBeUndefined();
    expect(treatyParagraphs(schema.node('doc', null, [schema.node('docinfo'), schema.node('title'), schema.node('plain', null, [schema.text('x')])])).length).toBe(1);
  });
});
