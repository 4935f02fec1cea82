import { describe, it, expect, afterEach } from 'vitest';
import * as Y from 'yjs';
import { resolveBracket } from '../shared/resolution/index.ts';
import { coSponsor } from '../shared/commands/index.ts';
import { EditorState } from 'prosemirror-state';
import { whenDoc } from './server-helpers.ts';
import { startBracketServer, treatyOf, editAs, join, bracketIds, definitionsText } from './helpers/bracket-server.ts';
import { closeRawClients, denied, rawClient } from './helpers/raw-client.ts';

let test: Awaited<ReturnType<typeof startBracketServer>>;
afterEach(async () => { closeRawClients(); await test?.stop(); });

/** The chair types a marker; once `doc` sees it, everything sent before it has been relayed or refused. */
async function barrier(chair: { doc: Y.Doc }, doc: Y.Doc, marker: string): Promise<void> {
  definitionsText(chair.doc).insert(0, marker);
  await whenDoc(doc, () => definitionsText(doc).toString().includes(marker));
}

describe('the permission guard on live connections', () => {
  it('refuses a delegate dropping another delegation\'s bracket through the editor, and others never see it', async () => {
    test = await startBracketServer();
    const fr = await join(test, 'fr');
    const us = await join(test, 'us');
    const chair = await join(test, 'chair');
    const refused = test.nextDecision('refused');
    editAs(us.doc, resolveBracket(treatyOf(us.doc), 'b1', 'drop'));
    expect((await refused).reason).toMatch(/US may not remove bracket b1|agreed text changes|b1/);
    await barrier(chair, fr.doc, 'CH1 ');
    expect(bracketIds(treatyOf(fr.doc))).toContain('b1');
    expect(treatyOf(fr.doc).textContent).toContain('for Members');
  });

  it('refuses a hand-crafted update that removes a bracket mark', async () => {
    test = await startBracketServer();
    const fr = await join(test, 'fr');
    const us = await join(test, 'us');
    const chair = await join(test, 'chair');
    const text = definitionsText(us.doc);
    const deltas = text.toDelta() as Array<{ attributes?: Record<string, { id: string }> }>;
    const key = deltas.flatMap((d) => Object.entries(d.attributes ?? {})).find(([, attrs]) => attrs.id === 'b1')![0];
    const refused = test.nextDecision('refused');
    text.format(0, text.length, { [key]: null });
    expect((await refused).reason).toMatch(/agreed text changes|bracket b1/);
    await barrier(chair, fr.doc, 'CH2 ');
    expect(bracketIds(treatyOf(fr.doc))).toContain('b1');
  });

  it('lets a delegate withdraw its own proposal and add itself as co-sponsor of another', async () => {
    test = await startBracketServer();
    const fr = await join(test, 'fr');
    const ke = await join(test, 'ke');
    const proposed = test.nextDecision('slow');
    definitionsText(ke.doc).insert(0, 'grave ', { 'bracket--KEprop01': { id: 'ke1', sponsors: ['KE'], kind: 'insert' } });
    await proposed;
    await whenDoc(fr.doc, () => bracketIds(treatyOf(fr.doc)).includes('ke1'));
    const withdrawn = test.nextDecision('slow');
    editAs(ke.doc, resolveBracket(treatyOf(ke.doc), 'ke1', 'drop'));
    await withdrawn;
    await whenDoc(fr.doc, () => !bracketIds(treatyOf(fr.doc)).includes('ke1'));
    let next = treatyOf(ke.doc);
    coSponsor('b1', 'KE')(EditorState.create({ doc: next }), (tr) => { next = tr.doc; });
    editAs(ke.doc, next);
    await whenDoc(fr.doc, () => JSON.stringify(treatyOf(fr.doc).toJSON()).includes('"sponsors":["FR","KE"]'));
  });

  it('takes the fast path for the chair typing and deleting agreed text', async () => {
    test = await startBracketServer();
    const chair = await join(test, 'chair');
    const typed = test.nextDecision();
    definitionsText(chair.doc).insert(0, 'New ');
    expect((await typed).path).toBe('fast');
    const deleted = test.nextDecision();
    definitionsText(chair.doc).delete(0, 4);
    expect((await deleted).path).toBe('fast');
  });

  it('takes the fast path for a delegate typing and deleting inside its own bracket, and the precise path in agreed text', async () => {
    test = await startBracketServer();
    const ke = await join(test, 'ke');
    const opened = test.nextDecision();
    const text = definitionsText(ke.doc);
    text.insert(0, 'grave ', { 'bracket--KEbench1': { id: 'ke1', sponsors: ['KE'], kind: 'insert' } });
    expect((await opened).path).toBe('slow');
    const typed = test.nextDecision();
    text.insert(2, 'x');
    expect((await typed).path).toBe('fast');
    const deleted = test.nextDecision();
    text.delete(2, 1);
    expect((await deleted).path).toBe('fast');
    const agreed = test.nextDecision();
    text.insert(text.length - 1, ' plain');
    expect((await agreed).path).not.toBe('fast');
  });

  it('settles on the fast path keystrokes that build on earlier ones not yet written to the log', async () => {
    test = await startBracketServer();
    const chair = await join(test, 'chair');
    await whenDoc(chair.doc, () => true);
    const from = test.decisions.length;
    // Three transactions in one turn: the provider sends three updates, each anchored on the one before.
    for (const word of ['one ', 'two ', 'three ']) definitionsText(chair.doc).insert(0, word);
    const room = test.server.rooms.get(test.docId)!;
    await whenDoc(room.doc, () => definitionsText(room.doc).toString().startsWith('three two one '));
    expect(test.decisions.slice(from).map((d) => d.path)).toEqual(['fast', 'fast', 'fast']);
  });

  it('refuses every change from an observer', async () => {
    test = await startBracketServer();
    const fr = await join(test, 'fr');
    const observer = await join(test, 'observer');
    const chair = await join(test, 'chair');
    const refused = test.nextDecision('refused');
    definitionsText(observer.doc).insert(0, 'Observer was here ');
    expect((await refused).reason).toMatch(/observer/);
    await barrier(chair, fr.doc, 'CH3 ');
    expect(definitionsText(fr.doc).toString()).not.toContain('Observer was here');
  });

  it('refuses an update written under another connection\'s client id', async () => {
    test = await startBracketServer();
    const chair = await join(test, 'chair');
    const ke = await join(test, 'ke');
    definitionsText(chair.doc).insert(0, 'Chair ');
    const us = await rawClient(test, 'us', { clientId: chair.doc.clientID, docId: test.docId });
    const refusal = await us.next(denied, us.edit((doc) => definitionsText(doc).insert(0, 'Forged ')));
    expect(refusal).toMatchObject({ reason: expect.stringMatching(/belongs to another account/) });
    await barrier(chair, ke.doc, 'CH4 ');
    expect(definitionsText(ke.doc).toString()).not.toContain('Forged');
  });

  it('refuses a comment written in another delegation\'s name', async () => {
    test = await startBracketServer();
    await join(test, 'fr');
    const us = await join(test, 'us');
    const doc = treatyOf(us.doc);
    const { schema } = doc.type;
    const forged = schema.nodes.comments.create(null, schema.nodes.comment.create({ id: 'c9', delegation: 'FR', author: 'x' }, schema.nodes.plain.create(null, schema.text('Fake'))));
    const refused = test.nextDecision('refused');
    editAs(us.doc, doc.copy(doc.content.addToEnd(forged)));
    expect((await refused).reason).toMatch(/comment c9 as FR/);
  });
});
