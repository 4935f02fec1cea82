import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProseMirrorDocument } from '../server/import-document.ts';
import { currentTreaty } from '../server/resolution/index.ts';
import { bracketedTreaty, bracketIds } from './helpers/bracket-server.ts';
import { launchChromium } from './helpers/browser.ts';
import { startTestServer, type TestServer } from './server-helpers.ts';

let browser: Browser;
let test: TestServer;
let attacker: Server;
let attackerUrl: string;

/**
 * The attacker's page, served from another port of 127.0.0.1 (same site, other origin): with the
 * chair's cookie and nothing else, it posts a text/plain form that drops bracket b1, cuts a
 * version with a no-cors fetch, and opens the document's websocket to read the text.
 */
function attackPage(victim: string, docId: string): string {
  const wsUrl = victim.replace(/^http/, 'ws');
  return `<!doctype html><html><body>
<iframe name="sink"></iframe>
<form id="drop" method="POST" enctype="text/plain" target="sink" action="${victim}/api/documents/${docId}/brackets/b1/resolve">
<input name='{"action":"drop","pad":"' value='"}'>
</form>
<script>
window.results = { form: 'pending', fetch: 'pending', socket: 'pending', socketBytes: 0 };
const frame = document.querySelector('iframe');
frame.addEventListener('load', () => { window.results.form = 'sent'; }, { once: true });
document.getElementById('drop').submit();
fetch('${victim}/api/documents/${docId}/versions', { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{"label":"Cut by another site"}' })
  .then(() => { window.results.fetch = 'sent'; }, (error) => { window.results.fetch = 'error ' + error.message; });
const socket = new WebSocket('${wsUrl}/sync/${docId}');
socket.binaryType = 'arraybuffer';
socket.onopen = () => { window.results.socket = 'open'; socket.send(new Uint8Array([0, 0, 0])); };
socket.onmessage = (event) => { window.results.socketBytes += event.data.byteLength ?? event.data.length; };
socket.onclose = () => { if (window.results.socket === 'pending') window.results.socket = 'refused'; else window.results.socket += ' closed'; };
</script></body></html>`;
}

beforeAll(async () => {
  browser = await launchChromium();
  test = await startTestServer();
  test.docId = (await importProseMirrorDocument(test.server.store, { json: bracketedTreaty().toJSON(), title: 'Bracketed' })).id;
  attacker = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(attackPage(test.server.url, test.docId));
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  await test?.stop();
});

describe('a page from another port of the same host, with the chair signed in', () => {
  it('cannot drop a bracket with a text/plain form, cut a version with a no-cors fetch, or read the text over a websocket', async () => {
    const context = await browser.newContext();
    const chair = await context.newPage();
    await chair.goto(`${test.server.url}/login?token=${encodeURIComponent(test.tokens.chair)}`);
    const cookies = await context.cookies(test.server.url);
    expect(cookies.find((cookie) => cookie.name === 'plenipo_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // The same cookie does work from the server's own page (so the refusals below are the origin checks at work).
    const own = await chair.evaluate(async () => (await fetch('/api/me')).status);
    expect(own).toBe(200);

    const page = await context.newPage();
    const answers: string[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(test.server.url)) answers.push(`${response.request().method()} ${new URL(response.url()).pathname.split('/').slice(-1)[0]} ${response.status()}`);
    });
    page.on('requestfailed', (request) => {
      if (request.url().startsWith(test.server.url)) answers.push(`${request.method()} ${new URL(request.url()).pathname.split('/').slice(-1)[0]} ${request.failure()?.errorText}`);
    });
    await page.goto(attackerUrl);
    await page.waitForFunction(() => {
      const r = (window as unknown as { results: Record<string, unknown> }).results;
      return r && r.form !== 'pending' && r.fetch !== 'pending' && r.socket !== 'pending' && r.socket !== 'open';
    }, undefined, { timeout: 15_000 });
    const results = await page.evaluate(() => (window as unknown as { results: Record<string, unknown> }).results);
    // The no-cors fetch fails in the page as well: Cross-Origin-Resource-Policy blocks the answer.
    expect(results).toMatchObject({ form: 'sent', fetch: 'error Failed to fetch', socket: 'refused', socketBytes: 0 });
    // Both requests reached the server with the chair's cookie: the form was refused with 403; the
    // fetch's answer came back with Cross-Origin-Resource-Policy: same-origin, which Chromium blocked.
    // (The form's 403 page is also kept out of the other site's frame by X-Frame-Options.)
    expect(answers).toContain('POST resolve 403');
    expect(answers).toContain('POST versions net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin');

    expect(await test.server.store.listResolutions(test.docId)).toEqual([]);
    expect(await test.server.store.listVersions(test.docId)).toEqual([]);
    expect(bracketIds(await currentTreaty(test.server.rooms, test.docId))).toContain('b1');
    await context.close();
  });
});
