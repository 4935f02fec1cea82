import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { startTestServer, synced, whenDoc, firstPlain, firstPlainText, type TestServer } from './server-helpers.ts';
import { serverOrigin } from '../server/sync/origins.ts';
import type { Redline } from '../shared/redline/index.ts';
import { zipEntry } from './helpers/zip.ts';
import { validateAkn, aknText } from './helpers/akn.ts';

let t: TestServer;
let secretariat: string;

beforeEach(async () => {
  t = await startTestServer();
  secretariat = (await t.server.store.createAccount({ name: 'Secretariat', delegation: 'SECRETARIAT', role: 'secretariat' })).token;
});
afterEach(async () => { await t.stop(); });

function api(token: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${t.server.url}/api${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) } });
}

const cut = (token: string, label: string) => api(token, `/documents/${t.docId}/versions`, { method: 'POST', body: JSON.stringify({ label }) });

/** Append words to the first provision through the server's room API (a server-side edit). */
function amend(words: string): Promise<unknown> {
  return t.server.rooms.transact(t.docId, serverOrigin('test'), (_fragment, doc) => {
    const text = firstPlain(doc);
    text.insert(text.length, words);
  });
}

describe('versions API', () => {
  it('lets the secretariat cut a version and answers 201 with id, label, time and author', async () => {
    const res = await cut(secretariat, 'Rev.1 — after first reading');
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ label: 'Rev.1 — after first reading', author: { name: 'Secretariat', delegation: 'SECRETARIAT' } });
    expect(typeof body.id).toBe('string');
    expect(body.createdAt).toBeGreaterThan(0);
  });

  it('lets the chair cut a version', async () => {
    expect((await cut(t.tokens.chair, 'Chair draft')).status).toBe(201);
  });

  it('refuses delegates and observers with 403', async () => {
    expect((await cut(t.tokens.fr, 'Rev.X')).status).toBe(403);
    expect((await cut(t.tokens.observer, 'Rev.X')).status).toBe(403);
  });

  it('lets a delegate list the versions', async () => {
    await cut(secretariat, 'Rev.1');
    await cut(secretariat, 'Rev.2');
    const res = await api(t.tokens.fr, `/documents/${t.docId}/versions`);
    expect(res.status).toBe(200);
    expect((await res.json()).map((v: { label: string }) => v.label)).toEqual(['Rev.2', 'Rev.1']);
  });

  it('refuses a restore by a delegate with 403', async () => {
    const version = await (await cut(secretariat, 'Rev.1')).json();
    expect((await api(t.tokens.fr, `/documents/${t.docId}/versions/${version.id}/restore`, { method: 'POST' })).status).toBe(403);
  });

  it('restores a version as a live edit that a connected client receives, keeping the log', async () => {
    const version = await (await cut(secretariat, 'Rev.1')).json();
    await amend(' Amended after Rev.1.');
    const { doc, provider } = t.connect('fr');
    await synced(provider);
    await whenDoc(doc, () => firstPlainText(doc).includes('Amended'));
    const logBefore = (await t.server.store.updatesAfter(t.docId, 0)).length;

    const res = await api(secretariat, `/documents/${t.docId}/versions/${version.id}/restore`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ changed: true, restored: { id: version.id } });
    await whenDoc(doc, () => !firstPlainText(doc).includes('Amended'));
    expect(firstPlainText(doc)).toBe('Each Party shall adopt such measures.');
    expect((await t.server.store.updatesAfter(t.docId, 0)).length).toBeGreaterThan(logBefore);
  });

  it('starts a new document from a version', async () => {
    const version = await (await cut(secretariat, 'Rev.1')).json();
    await amend(' Later words.');
    const res = await api(secretariat, `/documents/${t.docId}/versions/${version.id}/fork`, { method: 'POST', body: JSON.stringify({ title: 'Protocol, Rev.1 branch' }) });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ title: 'Protocol, Rev.1 branch', sourceVersion: version.id, base: 'convention-2001' });
    const doc = await (await api(t.tokens.fr, `/documents/${created.id}`)).json();
    expect(JSON.stringify(doc.doc)).toContain('Each Party shall adopt such measures.');
    expect(JSON.stringify(doc.doc)).not.toContain('Later words');
  });

  it('answers 404 for a version of another document', async () => {
    expect((await api(secretariat, `/documents/${t.docId}/versions/nope/restore`, { method: 'POST' })).status).toBe(404);
  });
});

describe('redline API', () => {
  it('compares the current text with its base text, the 2001 Convention', async () => {
    const res = await api(t.tokens.fr, `/documents/${t.docId}/redline?from=base`);
    expect(res.status).toBe(200);
    const r: Redline = await res.json();
    expect(r.from.ref).toBe('base');
    expect(r.articles.length).toBe(48);
    expect(r.articles[0]).toMatchObject({ fromNumber: '1', toNumber: '1', fromHeading: 'Definitions', status: 'modified' });
    expect(r.summary.removed).toBe(47);
  });

  it('compares a version with the current text, showing only the new words', async () => {
    const version = await (await cut(secretariat, 'Rev.1')).json();
    await amend(' and procedures');
    const r: Redline = await (await api(t.tokens.fr, `/documents/${t.docId}/redline?from=${version.id}&to=current`)).json();
    expect(r.from.label).toBe('Rev.1');
    expect(r.summary).toMatchObject({ modified: 1, wordsAdded: 2, wordsRemoved: 0 });
    // The words typed were " and procedures": the space is part of the insertion (it was dropped before).
    expect(r.articles[0].blocks[0].changes.filter((c) => c.added)).toEqual([expect.objectContaining({ value: ' and procedures', added: true })]);
  });

  it('compares the text as it stood at a given time, rebuilt from the update log', async () => {
    const before = Date.now();
    while (Date.now() <= before) { /* step past the current millisecond */ }
    await amend(' in good faith');
    const r: Redline = await (await api(t.tokens.fr, `/documents/${t.docId}/redline?from=${new Date(before).toISOString()}`)).json();
    expect(r.from.at).toBe(new Date(before).toISOString());
    expect(r.articles[0].blocks[0].changes.filter((c) => c.added).map((c) => c.value.trim())).toEqual(['in good faith']);
  });

  it('renders the redline as an HTML page, a Word file with tracked changes and Akoma Ntoso', async () => {
    const version = await (await cut(secretariat, 'Rev.1')).json();
    await amend(' and procedures');
    const q = `/documents/${t.docId}/redline?from=${version.id}`;
    const html = await (await api(t.tokens.fr, `${q}&format=html`)).text();
    expect(html).toContain('<ins> and procedures</ins>');
    const docx = await api(t.tokens.fr, `${q}&format=docx`);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(zipEntry(new Uint8Array(await docx.arrayBuffer()), 'word/document.xml')).toMatch(/<w:ins [^>]*w:author="Secretariat"/);
    const rev2 = await (await cut(secretariat, 'Rev.2')).json();
    const between = await api(t.tokens.fr, `${q}&to=${rev2.id}&format=docx`);
    expect(zipEntry(new Uint8Array(await between.arrayBuffer()), 'word/document.xml')).toMatch(/<w:ins [^>]*w:author="Secretariat"/);
    const akn = await (await api(t.tokens.fr, `${q}&format=akn`)).text();
    expect(akn).toContain('<article eId="art_1"');
  });

  it('answers 400 for an unknown format and 404 for an unknown version', async () => {
    expect((await api(t.tokens.fr, `/documents/${t.docId}/redline?format=pdf`)).status).toBe(400);
    expect((await api(t.tokens.fr, `/documents/${t.docId}/redline?from=v_unknown`)).status).toBe(404);
  });
});

describe('export API', () => {
  it('exports a version as Akoma Ntoso, HTML and Word', async () => {
    const version = await (await cut(secretariat, 'Rev.1')).json();
    await amend(' Later words.');
    const akn = await (await api(t.tokens.observer, `/documents/${t.docId}/export?format=akn&version=${version.id}`)).text();
    expect(akn).toContain('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">');
    expect(akn).not.toContain('Later words');
    const html = await (await api(t.tokens.observer, `/documents/${t.docId}/export?format=html&view=clean`)).text();
    expect(html).toContain('Later words');
    const docx = await api(t.tokens.observer, `/documents/${t.docId}/export?format=docx&version=${version.id}`);
    expect(docx.status).toBe(200);
    expect(zipEntry(new Uint8Array(await docx.arrayBuffer()), 'word/document.xml')).toContain('Definitions');
  });
});

describe('GET /api/documents/:id/redline?format=akn', () => {
  it('marks the words added since a version with <ins>, validates, and differs from the plain export of the same text', async () => {
    const rev1 = await (await cut(secretariat, 'Rev.1')).json();
    await amend(' and procedures');
    const rev2 = await (await cut(secretariat, 'Rev.2')).json();
    const res = await api(t.tokens.fr, `/documents/${t.docId}/redline?from=${rev1.id}&to=${rev2.id}&format=akn`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/akn+xml');
    const xml = await res.text();
    const result = validateAkn(xml);
    expect(result.report).toContain('validates');
    expect(xml).toContain('<ins> and procedures</ins>');
    expect(xml).toContain('contains="multipleVersions"');
    expect(xml).toMatch(/<FRBRExpression><FRBRthis value="[^"]*_rev-2\/!main"\/>/);
    expect(xml).toMatch(/<textualMod type="substitution" eId="mod_1"><source href="[^"]*_rev-1\/!main#art_1"\/><destination href="#art_1"\/>/);

    const plain = await (await api(t.tokens.fr, `/documents/${t.docId}/export?format=akn&version=${rev2.id}`)).text();
    expect(xml).not.toBe(plain);
    expect(aknText(xml, 'del')).toBe(aknText(plain, null));
  });
});
