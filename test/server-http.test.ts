import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES } from '../fixtures/index.ts';
import { startServer } from '../server/start.ts';
import { startTestServer, tempDir, type TestServer } from './server-helpers.ts';

let test: TestServer;
afterEach(async () => {
  await test?.stop();
});

const get = (path: string, token?: string) =>
  fetch(`${test.server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, redirect: 'manual' });

describe('HTTP API', () => {
  it('answers /healthz with 200', async () => {
    test = await startTestServer();
    expect((await get('/healthz')).status).toBe(200);
  });

  it('returns the signed-in account from /api/me', async () => {
    test = await startTestServer();
    const response = await get('/api/me', test.tokens.ke);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(test.accounts.ke);
  });

  it('answers 401 with a JSON error without a token or with a bad one', async () => {
    test = await startTestServer();
    for (const token of [undefined, 'not-a-token']) {
      const response = await get('/api/documents', token);
      expect(response.status).toBe(401);
      expect(await response.json()).toHaveProperty('error');
    }
  });

  it('lists documents and returns one with its ProseMirror JSON', async () => {
    test = await startTestServer();
    const list = (await (await get('/api/documents', test.tokens.fr)).json()) as Array<{ id: string; title: string }>;
    expect(list).toEqual([expect.objectContaining({ id: test.docId, title: 'Protocol on Cybercrime', base: 'convention-2001' })]);
    const response = await get(`/api/documents/${test.docId}`, test.tokens.fr);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: string; doc: { type: string; content: Array<{ type: string }> } };
    expect(body.id).toBe(test.docId);
    expect(body.doc.type).toBe('doc');
    expect(body.doc.content.map((node) => node.type)).toEqual(['docinfo', 'title', 'article']);
  });

  it('answers 404 naming an unknown document id', async () => {
    test = await startTestServer();
    const response = await get('/api/documents/doc_nope', test.tokens.fr);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Unknown document "doc_nope"' });
  });

  it('logs a browser in with a session cookie that does not hold the token, and redirects to /', async () => {
    test = await startTestServer();
    const response = await get(`/login?token=${test.tokens.fr}`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');
    const session = response.headers.getSetCookie().find((line) => line.startsWith('plenipo_session='))!;
    const cookie = session.split(';')[0];
    expect(cookie).not.toContain(test.tokens.fr);
    const me = await fetch(`${test.server.url}/api/me`, { headers: { cookie } });
    expect(((await me.json()) as { id: string }).id).toBe(test.accounts.fr.id);
    expect((await get('/login?token=bad')).status).toBe(401);
  });
});

describe('first start', () => {
  it('imports the fixtures and creates the demo accounts on an empty database, once', async () => {
    const temp = tempDir();
    const dbPath = join(temp.dir, 'first.db');
    const lines: string[] = [];
    const first = await startServer({ dbPath, demo: true, importFixtures: true, staticRoot: null, log: (line) => lines.push(line) });
    const documents = await first.store.listDocuments();
    expect(documents.map((doc) => doc.sourceVersion)).toEqual(FIXTURES.map((fixture) => fixture.key));
    expect(documents.find((doc) => doc.sourceVersion === 'protocol-2009')?.base).toBe('convention-2001');
    expect(first.demoAccounts.map(({ account }) => account.role).sort()).toEqual(['chair', 'delegate', 'delegate', 'delegate', 'observer', 'secretariat']);
    expect(lines.filter((line) => line.includes('/login?token=')).length).toBe(6);
    await first.close();
    const again = await startServer({ dbPath, demo: true, importFixtures: true, quiet: true, staticRoot: null });
    expect((await again.store.listDocuments()).length).toBe(documents.length);
    expect(again.demoAccounts).toEqual([]);
    await again.close();
    temp.cleanup();
  });
});
