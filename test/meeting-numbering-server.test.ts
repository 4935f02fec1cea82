/**
 * Frozen numbering and the secretariat's renumbering through the real server: the plain text, the
 * HTML and the redline show "5 bis"; renumber is one live edit every client receives, refused to
 * delegates, whose redline reports the renumbering; the first version cut freezes the numbers.
 */
import { describe, it, expect, afterEach } from 'vitest';
import type { Node } from 'prosemirror-model';
import { importProseMirrorDocument } from '../server/import-document.ts';
import { isFrozen } from '../shared/model/index.ts';
import { documentRequest, startTestServer, synced, whenDoc, type TestServer } from './server-helpers.ts';
import { treatyOf, editAs } from './helpers/bracket-server.ts';
import { doc, docinfo, title, art, h, para, p } from './helpers/builders.ts';

let test: TestServer;
let secretariat: string;
afterEach(async () => { await test?.stop(); });

/** Articles 1 and 2 frozen, an article inserted between them, a cross-reference to Article 2. */
function frozenTreaty(): Node {
  return doc(docinfo({ numbering: 'frozen' }), title('Protocol'),
    art({ id: 'a1', number: '1' }, h('Scope'), para({ id: 'p1', number: '1' }, p({ id: 'x1' }, 'Subject to Article 2, this applies.'))),
    art({ id: 'a15', number: null }, h('Inserted'), p({ id: 'x2' }, 'New text.')),
    art({ id: 'a2', number: '2' }, h('Definitions'), p({ id: 'x3' }, 'Words.')));
}

async function start(json: unknown): Promise<string> {
  test = await startTestServer();
  secretariat = (await test.server.store.createAccount({ name: 'Secretariat', delegation: 'SECRETARIAT', role: 'secretariat' })).token;
  const record = await importProseMirrorDocument(test.server.store, { json, title: 'Protocol' });
  test.docId = record.id;
  return record.id;
}

const call = (token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> => documentRequest(test, token, path, init);

describe('frozen numbering on the server', () => {
  it('shows an inserted article as 1 bis in the plain text and the HTML', async () => {
    await start(frozenTreaty().toJSON());
    const text = await (await call(test.tokens.fr, '/text')).text();
    expect(text).toContain('Article 1 bis – Inserted');
    expect(text).toContain('Article 2 – Definitions');
    expect(await (await call(test.tokens.fr, '/text?format=html')).text()).toContain('1 bis');
  });

  it('numbers an article a client inserts after Article 1 as 1 bis', async () => {
    await start(doc(docinfo({ numbering: 'frozen' }), title('P'), art({ id: 'a1', number: '1' }, h('One')), art({ id: 'a2', number: '2' }, h('Two'))).toJSON());
    const chair = test.connect('chair', { docId: test.docId });
    await synced(chair.provider);
    const current = treatyOf(chair.doc);
    const at = current.child(2).nodeSize + current.child(0).nodeSize + current.child(1).nodeSize;
    editAs(chair.doc, current.replace(at, at, doc(art({ id: 'a9' }, h('Later'))).slice(0, doc(art({ id: 'a9' }, h('Later'))).content.size)));
    await expect.poll(async () => (await call(test.tokens.fr, '/text')).text()).toContain('Article 1 bis – Later');
  });

  it('refuses renumbering to a delegate with 403 and changes nothing', async () => {
    await start(frozenTreaty().toJSON());
    expect((await call(test.tokens.fr, '/renumber', { body: {} })).status).toBe(403);
    expect(await (await call(test.tokens.fr, '/text')).text()).toContain('Article 1 bis');
  });

  it('renumbers for the secretariat and the chair as one live edit, cross-references following', async () => {
    await start(frozenTreaty().toJSON());
    const fr = test.connect('fr', { docId: test.docId });
    await synced(fr.provider);
    const response = await call(secretariat, '/renumber', { body: {} });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ changed: true, articles: [{ from: '1 bis', to: '2' }, { from: '2', to: '3' }] });
    await whenDoc(fr.doc, () => treatyOf(fr.doc).textContent.includes('Subject to Article 3'));
    const text = await (await call(test.tokens.fr, '/text')).text();
    expect(text).toContain('Article 2 – Inserted');
    expect(text).toContain('Article 3 – Definitions');
    expect(text).toContain('Subject to Article 3, this applies.');
    expect(isFrozen(treatyOf(fr.doc))).toBe(true);
    expect((await call(test.tokens.chair, '/renumber', { body: {} })).status).toBe(200);
  });

  it('reports the renumbering in the redline between the versions before and after', async () => {
    await start(frozenTreaty().toJSON());
    const before = await (await call(secretariat, '/versions', { body: { label: 'Rev.1' } })).json();
    await call(secretariat, '/renumber', { body: {} });
    const after = await (await call(secretariat, '/versions', { body: { label: 'Rev.2' } })).json();
    const redline = await (await call(test.tokens.fr, `/redline?from=${before.id}&to=${after.id}`)).json();
    expect(redline.summary.renumbered).toBeGreaterThanOrEqual(2);
    const html = await (await call(test.tokens.fr, `/redline?from=${before.id}&to=${after.id}&format=html`)).text();
    expect(html).toMatch(/[Rr]enumbered/);
  });

  it('freezes the numbers when the first version is cut', async () => {
    await start(doc(docinfo(), title('P'), art({ id: 'a1' }, h('One')), art({ id: 'a2' }, h('Two'))).toJSON());
    const chair = test.connect('chair', { docId: test.docId });
    await synced(chair.provider);
    expect((await call(secretariat, '/versions', { body: { label: 'Rev.1' } })).status).toBe(201);
    await whenDoc(chair.doc, () => isFrozen(treatyOf(chair.doc)));
    const current = treatyOf(chair.doc);
    const at = current.child(0).nodeSize + current.child(1).nodeSize;
    const inserted = doc(art({ id: 'a0' }, h('Before all')));
    editAs(chair.doc, current.replace(at, at, inserted.slice(0, inserted.content.size)));
    await expect.poll(async () => (await call(test.tokens.fr, '/text')).text()).toContain('Article 1 A – Before all');
    expect(await (await call(test.tokens.fr, '/text')).text()).toContain('Article 2 – Two');
  });
});

describe('versions', () => {
  it('refuses a label the document already has with 409 and cuts nothing', async () => {
    await start(frozenTreaty().toJSON());
    expect((await call(secretariat, '/versions', { body: { label: 'Rev.1' } })).status).toBe(201);
    const again = await call(secretariat, '/versions', { body: { label: 'rev.1' } });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toContain('Rev.1');
    expect(await (await call(test.tokens.fr, '/versions')).json()).toHaveLength(1);
  });

  it('refuses two simultaneous cuts with the same label but one', async () => {
    await start(frozenTreaty().toJSON());
    const statuses = await Promise.all([1, 2, 3].map(() => call(secretariat, '/versions', { body: { label: 'Rev.9' } }).then((r) => r.status)));
    expect(statuses.sort()).toEqual([201, 409, 409]);
  });

  it('lists versions newest first', async () => {
    await start(frozenTreaty().toJSON());
    for (const label of ['Rev.1', 'Rev.2', 'Rev.3']) await call(secretariat, '/versions', { body: { label } });
    expect((await (await call(test.tokens.fr, '/versions')).json()).map((v: { label: string }) => v.label)).toEqual(['Rev.3', 'Rev.2', 'Rev.1']);
  });

  it('renames a version to a free label, refuses a taken one with 409 and a delegate with 403', async () => {
    await start(frozenTreaty().toJSON());
    const one = await (await call(secretariat, '/versions', { body: { label: 'Rev.1' } })).json();
    await call(secretariat, '/versions', { body: { label: 'Rev.2' } });
    const renamed = await call(secretariat, `/versions/${one.id}`, { method: 'PATCH', body: { label: 'Rev.1/Corr.1' } });
    expect(renamed.status).toBe(200);
    expect((await renamed.json()).label).toBe('Rev.1/Corr.1');
    expect((await call(secretariat, `/versions/${one.id}`, { method: 'PATCH', body: { label: 'REV.2' } })).status).toBe(409);
    expect((await call(test.tokens.fr, `/versions/${one.id}`, { method: 'PATCH', body: { label: 'Mine' } })).status).toBe(403);
    expect((await (await call(test.tokens.fr, '/versions')).json()).map((v: { label: string }) => v.label)).toEqual(['Rev.2', 'Rev.1/Corr.1']);
  });
});
