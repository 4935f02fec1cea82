/**
 * Stored cross-site scripting: script-shaped payloads are stored wherever a user can put words —
 * the document title, an article heading, agreed text, a bracket's words and sponsor, an option, a
 * comment's text, delegation and author, version labels, account names and delegations (through
 * the accounts API), the chair's name on the resolution record — then every page that shows them
 * is opened in Chromium: the server's HTML (bracketed and clean text, the HTML export, the HTML
 * redline, the meeting summary) and the client's views (document list and the secretariat's
 * desk, the editor with each side panel, the dashboard, the projection view). On each: no payload
 * ran, no element or attribute a payload carries exists, and the payload's words are on screen
 * as text (so the page really showed it).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { treaty, article, heading, plain, br, alternatives, option, comments, comment } from './helpers/bracket-builders.ts';
import { useBrowserAndServer } from './helpers/browser-hooks.ts';

const env = useBrowserAndServer();

/** Payload templates; `N` becomes the payload's number, which it pushes onto `window.__xss` if it ever runs. */
const TEMPLATES = [
  '<script>__xss.push(N)</script>',
  '<img src=x onerror="__xss.push(N)">',
  '"><svg onload=__xss.push(N)>',
  "'><body onload=__xss.push(N)>",
  '</textarea><script>__xss.push(N)</script>',
  '</title><script>__xss.push(N)</script>',
  '<a href="javascript:__xss.push(N)">link N</a>',
  '<details open ontoggle=__xss.push(N)>',
  '<iframe srcdoc="<script>parent.__xss.push(N)</script>">',
  '--><img src=x onerror=__xss.push(N)>',
  ']]><img src=x onerror=__xss.push(N)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss.push(N)>',
];

let next = 0;
/** A fresh payload from template `t` (numbered so that a run says which one ran). */
const payload = (t: number) => TEMPLATES[t % TEMPLATES.length].replaceAll('N', String(++next));
/** Every template once, joined. */
const allPayloads = () => TEMPLATES.map((_, t) => payload(t)).join(' ');

/** What a page shows after it loaded: payloads that ran, elements a payload made, whether its words are on screen. */
async function inspect(page: Page): Promise<{ ran: number[]; injected: string[]; shown: boolean }> {
  return page.evaluate(() => {
    const injected: string[] = [];
    const carries = (value: string) => value.includes('__xss');
    for (const element of Array.from(document.querySelectorAll('*'))) {
      if (element.tagName === 'SCRIPT' && carries(element.textContent ?? '')) injected.push(`script: ${element.textContent}`);
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        if ((name.startsWith('on') || ['href', 'src', 'srcdoc', 'action', 'formaction', 'xlink:href'].includes(name)) && carries(attribute.value)) {
          injected.push(`<${element.tagName.toLowerCase()} ${name}="${attribute.value}">`);
        }
      }
    }
    const text = `${document.title} ${document.body?.innerText ?? ''}`;
    return { ran: [...(window as unknown as { __xss: number[] }).__xss], injected, shown: text.includes('__xss.push(') };
  });
}

describe('stored script payloads', () => {
  it('run nowhere and are shown as text on every page of the server and the client', async () => {
    const { server, url } = env.server;
    const chairName = payload(1);
    const chair = await env.server.account(`Chair ${chairName}`, 'CHAIR', 'chair');
    const sec = await env.server.account('Secretariat', 'SECRETARIAT', 'secretariat');
    const title = allPayloads();
    const doc = treaty(
      article({ id: 'a1' }, heading(allPayloads()),
        plain({ id: 'x1' }, `Agreed ${allPayloads()} `, br('b1', 'FR')(`kept ${allPayloads()}`), ' and ', br('b2', [payload(2)])(`open ${allPayloads()}`), '.')),
      alternatives({ id: 'alt' }, option({ id: 'o1', sponsors: ['US'] }, plain(`First ${allPayloads()}`)), option({ id: 'o2', sponsors: ['KE'] }, plain('Second.'))),
      comments(comment({ id: 'c1', target: 'x1', delegation: payload(3), author: payload(4), status: 'open' }, plain(`Comment ${allPayloads()}`))),
    );
    const docId = await env.server.document(doc, title);
    const api = (token: string, path: string, body?: unknown) => fetch(`${url}/api${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Origin: url },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

    // Accounts through the secretariat's API (names up to 200, delegations up to 60 characters).
    for (let t = 0; t < TEMPLATES.length; t++) {
      const response = await api(sec.token, '/accounts', { name: `Delegate ${payload(t)}`, delegation: payload(t).slice(0, 60), role: 'delegate' });
      expect(response.status).toBe(201);
    }
    // Versions labelled with payloads (up to 200 characters), then the chair's resolution changes the text.
    const labels: string[] = [];
    for (let t = 0; t < TEMPLATES.length; t++) {
      labels.push(payload(t));
      expect((await api(sec.token, `/documents/${docId}/versions`, { label: labels[t] })).status).toBe(201);
    }
    const versions = await (await api(sec.token, `/documents/${docId}/versions`)).json() as Array<{ id: string }>;
    expect((await api(chair.token, `/documents/${docId}/brackets/b1/resolve`, { action: 'keep' })).status).toBe(200);

    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(() => {
      (window as unknown as { __xss: number[] }).__xss = [];
    });
    const page = await context.newPage();
    // The check itself: the same payloads written unescaped into a page run and are found.
    await page.goto(`${url}/healthz`);
    await page.setContent(`<p>${TEMPLATES.map((t, i) => t.replaceAll('N', String(1000 + i))).join(' ')}</p>`);
    await page.waitForLoadState('load');
    const control = await inspect(page);
    expect(control.ran.length).toBeGreaterThan(0);
    expect(control.injected.length).toBeGreaterThanOrEqual(TEMPLATES.length / 2);

    await page.goto(`${url}/login?token=${encodeURIComponent(chair.token)}`);

    const views: string[] = [];
    const check = async (name: string) => {
      await page.waitForLoadState('load');
      const seen = await inspect(page);
      expect({ view: name, ...seen }).toEqual({ view: name, ran: [], injected: [], shown: true });
      views.push(name);
    };
    const serverPages: Array<[string, string]> = [
      ['bracketed text (HTML)', `/api/documents/${docId}/text?view=bracketed&format=html`],
      ['clean text (HTML)', `/api/documents/${docId}/text?view=clean&format=html`],
      ['HTML export', `/api/documents/${docId}/export?format=html`],
      ['HTML export of a version', `/api/documents/${docId}/export?format=html&version=${versions[0].id}`],
      ['HTML redline', `/api/documents/${docId}/redline?from=${versions[0].id}&to=current&format=html`],
      ['meeting summary', `/api/documents/${docId}/resolutions/summary?format=html`],
    ];
    for (const [name, path] of serverPages) {
      const response = await page.goto(`${url}${path}`);
      expect(response?.status()).toBe(200);
      await check(name);
    }

    await page.goto(`${url}/#/`);
    await page.waitForSelector('.desk-accounts tbody tr');
    await check('document list and desk');

    await page.goto(`${url}/#/doc/${encodeURIComponent(docId)}`);
    await page.waitForSelector('.ProseMirror.treaty');
    await check('editor, comments panel');
    for (const tab of ['brackets', 'versions']) {
      await page.click(`[data-tab="${tab}"]`);
      await check(`editor, ${tab} panel`);
    }
    await page.goto(`${url}/#/doc/${encodeURIComponent(docId)}/dashboard`);
    await page.waitForSelector('.dashboard-table tbody tr');
    await check('dashboard');
    await page.goto(`${url}/#/doc/${encodeURIComponent(docId)}/projection`);
    await page.waitForSelector('.projection-body article');
    await check('projection');
    await context.close();

    console.log(`stored XSS: ${next} payloads (${TEMPLATES.length} kinds) stored in the title, a heading, text, brackets, a sponsor, an option, a comment, account names and delegations, version labels and the chair's name; ${views.length} views checked; none ran`);
  }, 120_000);
});
