import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { startTestServer, firstPlain, type TestServer } from './server-helpers.ts';
import { serverOrigin } from '../server/sync/origins.ts';
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

const cut = async (label: string) => (await api(secretariat, `/documents/${t.docId}/versions`, { method: 'POST', body: JSON.stringify({ label }) })).json();

describe('GET /api/documents/:id/redline?format=akn', () => {
  it('marks the words added since a version with <ins>, validates, and differs from the plain export of the same text', async () => {
    const rev1 = await cut('Rev.1');
    await t.server.rooms.transact(t.docId, serverOrigin('test'), (_fragment, doc) => {
      const text = firstPlain(doc);
      text.insert(text.length, ' and procedures');
    });
    const rev2 = await cut('Rev.2');
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
