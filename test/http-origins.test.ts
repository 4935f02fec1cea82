import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from './server-helpers.ts';
import { startBracketServer } from './helpers/bracket-server.ts';

let test: TestServer;
afterEach(async () => {
  await test?.stop();
});

const url = (path: string) => `${test.server.url}${path}`;
const cutVersion = (headers: Record<string, string>, body = JSON.stringify({ label: 'Rev.1' })) =>
  fetch(url(`/api/documents/${test.docId}/versions`), { method: 'POST', headers: { authorization: `Bearer ${test.tokens.chair}`, ...headers }, body });
const versionCount = async () => (await test.server.store.listVersions(test.docId)).length;

/** Open a raw websocket on the sync endpoint with `headers`; resolves with "open" or the HTTP status of the refused upgrade. */
function upgrade(headers: Record<string, string>): Promise<string | number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${test.server.port}/sync/${test.docId}?token=${test.tokens.chair}`, { headers });
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', () => {});
  });
}

describe('state-changing requests', () => {
  it('refuses a text/plain body from its own origin with 415 and cuts no version', async () => {
    test = await startTestServer();
    const response = await cutVersion({ 'content-type': 'text/plain', origin: test.server.url }, '{"label":"Rev.1"}');
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: string }).error).toMatch(/application\/json, not "text\/plain"/);
    expect(await versionCount()).toBe(0);
  });

  it('refuses a form body without an Origin (hono/csrf, 403) and a bodyless POST (403 without, 415 with its own Origin)', async () => {
    test = await startTestServer();
    expect((await cutVersion({ 'content-type': 'application/x-www-form-urlencoded' }, 'label=Rev.1')).status).toBe(403);
    expect((await cutVersion({ 'content-type': 'multipart/form-data; boundary=x', 'sec-fetch-site': 'same-origin' }, '--x--')).status).toBe(415);
    const bare = (origin: Record<string, string>) => fetch(url(`/api/documents/${test.docId}/versions`), { method: 'POST', headers: { authorization: `Bearer ${test.tokens.chair}`, ...origin } });
    expect((await bare({})).status).toBe(403);
    expect((await bare({ origin: test.server.url })).status).toBe(415);
    expect(await versionCount()).toBe(0);
  });

  it('refuses a JSON POST from another origin with 403, even with a matching Sec-Fetch-Site lie', async () => {
    test = await startTestServer();
    const evil = `http://127.0.0.1:${test.server.port + 1}`;
    const response = await cutVersion({ 'content-type': 'application/json', origin: evil });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toContain(evil);
    expect((await cutVersion({ 'content-type': 'text/plain', origin: evil, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect(await versionCount()).toBe(0);
  });

  it('accepts a JSON POST from its own origin and from a PLENIPO_ORIGINS origin', async () => {
    test = await startTestServer({ origins: ['https://plenipo.example.org'] });
    expect((await cutVersion({ 'content-type': 'application/json', origin: test.server.url })).status).toBe(201);
    expect((await cutVersion({ 'content-type': 'application/json; charset=utf-8', origin: 'https://plenipo.example.org' }, JSON.stringify({ label: 'Rev.2' }))).status).toBe(201);
    expect(await versionCount()).toBe(2);
  });

  it('refuses a body over the limit with 413', async () => {
    test = await startTestServer();
    const response = await cutVersion({ 'content-type': 'application/json' }, JSON.stringify({ label: 'x'.repeat(9 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(await versionCount()).toBe(0);
  });

  it('refuses a resolution sent as a text/plain form, and the bracket stays', async () => {
    test = await startBracketServer();
    const docId = test.docId;
    const response = await fetch(url(`/api/documents/${docId}/brackets/b1/resolve`), {
      method: 'POST', headers: { authorization: `Bearer ${test.tokens.chair}`, 'content-type': 'text/plain', origin: test.server.url }, body: '{"action":"drop"}',
    });
    expect(response.status).toBe(415);
    expect(await test.server.store.listResolutions(docId)).toEqual([]);
  });
});

describe('the websocket upgrade', () => {
  it('is refused with 403 for another origin and accepted for its own origin or none', async () => {
    test = await startTestServer();
    expect(await upgrade({ origin: `http://127.0.0.1:${test.server.port + 1}` })).toBe(403);
    expect(await upgrade({ origin: 'http://localhost.evil.example' })).toBe(403);
    expect(await upgrade({ origin: test.server.url })).toBe('open');
    expect(await upgrade({})).toBe('open');
  });
});

describe('headers and cookies', () => {
  it('sends the secure headers on every answer', async () => {
    test = await startTestServer();
    const response = await fetch(url('/healthz'));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, without Secure over plain HTTP', async () => {
    test = await startTestServer();
    const response = await fetch(url(`/login?token=${test.tokens.fr}`), { redirect: 'manual' });
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('plenipo_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).not.toContain(test.tokens.fr);
  });

  it('sets Secure when a trusted proxy says the request came over HTTPS, and not when the proxy is not trusted', async () => {
    test = await startTestServer({ trustProxy: true });
    const behindProxy = await fetch(url(`/login?token=${test.tokens.fr}`), { redirect: 'manual', headers: { 'x-forwarded-proto': 'https' } });
    expect(behindProxy.headers.getSetCookie().find((line) => line.startsWith('plenipo_session='))).toMatch(/Secure/);
    await test.stop();
    test = await startTestServer();
    const spoofed = await fetch(url(`/login?token=${test.tokens.fr}`), { redirect: 'manual', headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers.getSetCookie().find((line) => line.startsWith('plenipo_session='))).not.toMatch(/Secure/);
  });
});
