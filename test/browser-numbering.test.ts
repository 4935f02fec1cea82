/**
 * Frozen numbering and versions in the editor: an inserted article shows "Article 1 bis"; the
 * secretariat renumbers from the versions panel (with a confirmation) and every editor shows the
 * sequence; a version label already taken is refused in plain words; a version is renamed.
 */
import { describe, it, expect } from 'vitest';
import { openDocument, selectText } from './helpers/browser.ts';
import { useBrowserAndServer } from './helpers/browser-hooks.ts';
import { doc, docinfo, title, art, h, p, para } from './helpers/builders.ts';

const env = useBrowserAndServer();

const frozen = () => doc(docinfo({ numbering: 'frozen' }), title('Protocol'),
  art({ id: 'a1', number: '1' }, h('Scope'), p({ id: 'x1' }, 'As provided in Article 2.')),
  art({ id: 'a15' }, h('Inserted'), p({ id: 'x2' }, 'New.')),
  art({ id: 'a2', number: '2' }, h('Definitions'), p({ id: 'x3' }, 'Words.')));

const headings = (page: import('playwright-core').Page) => page.$$eval('.treaty h2.heading-article', (els) => els.map((e) => e.getAttribute('data-num')));

describe('frozen numbering in the editor', () => {
  it('numbers a paragraph the secretariat adds after paragraph 1 as 1 bis, and paragraph 2 stays 2', async () => {
    const secretariat = await env.server.account('Secretariat', 'SECRETARIAT', 'secretariat');
    const docId = await env.server.document(doc(docinfo({ numbering: 'frozen' }), title('Protocol'),
      art({ id: 'a1', number: '1' }, h('Scope'), para({ id: 'p1', number: '1' }, p({ id: 'x1' }, 'First provision.')), para({ id: 'p2', number: '2' }, p({ id: 'x2' }, 'Second provision.')))), 'Protocol');
    const s = await openDocument(env.browser, env.server.url, secretariat.token, docId);
    await selectText(s.page, 'First provision.');
    await s.page.keyboard.press('End');
    await s.page.keyboard.press('Enter');
    await s.page.keyboard.type('Inserted provision.');
    await s.page.waitForFunction(() => [...document.querySelectorAll('.treaty .paragraph')].map((e) => e.getAttribute('data-num')).join(',') === '1,1 bis,2');
    await expect.poll(async () => (await (await env.server.server.app.request(`/api/documents/${docId}/text`, { headers: { Authorization: `Bearer ${secretariat.token}` } })).text())).toMatch(/^1 bis\s+Inserted provision\./m);
    await s.context.close();
  });

  it('shows 1 bis, and the secretariat renumbers from the versions panel for every editor', async () => {
    const secretariat = await env.server.account('Secretariat', 'SECRETARIAT', 'secretariat');
    const fr = await env.server.account('Marie Dupont', 'FR', 'delegate');
    const docId = await env.server.document(frozen(), 'Protocol');
    const s = await openDocument(env.browser, env.server.url, secretariat.token, docId);
    const f = await openDocument(env.browser, env.server.url, fr.token, docId);
    expect(await headings(f.page)).toEqual(['Article 1', 'Article 1 bis', 'Article 2']);
    expect(await f.page.locator('button[data-action="renumber"]').count()).toBe(0);

    await s.page.click('.tab[data-tab="versions"]');
    let asked = '';
    s.page.once('dialog', (dialog) => { asked = dialog.message(); void dialog.accept(); });
    await s.page.click('button[data-action="renumber"]');
    await s.page.locator('.versions-panel .panel-status', { hasText: 'Article 1 bis is now Article 2' }).waitFor();
    expect(asked).toContain('final sequential number');
    await f.page.waitForFunction(() => document.querySelectorAll('.treaty h2.heading-article')[2]?.getAttribute('data-num') === 'Article 3');
    expect(await headings(f.page)).toEqual(['Article 1', 'Article 2', 'Article 3']);
    await f.page.locator('.treaty', { hasText: 'As provided in Article 3.' }).waitFor();
    await Promise.all([s.context.close(), f.context.close()]);
  });

  it('refuses a version label already taken in plain words, and renames a version', async () => {
    const secretariat = await env.server.account('Secretariat', 'SECRETARIAT', 'secretariat');
    const docId = await env.server.document(frozen(), 'Protocol');
    const s = await openDocument(env.browser, env.server.url, secretariat.token, docId);
    await s.page.click('.tab[data-tab="versions"]');
    for (const label of ['Rev.1', 'Rev.1']) {
      await s.page.fill('.version-cut input', label);
      await s.page.click('.version-cut button[type="submit"]');
    }
    const status = s.page.locator('.versions-panel .panel-status', { hasText: 'already has a version labelled' });
    await status.waitFor();
    expect(await status.textContent()).not.toMatch(/\/api|409/);
    expect(await s.page.locator('.version-entry').count()).toBe(1);

    await s.page.locator('.version-entry', { hasText: 'Rev.1' }).locator('button[data-action="rename"]').click();
    await s.page.fill('.version-rename input', 'Rev.1/Corr.1');
    await s.page.keyboard.press('Enter');
    await s.page.locator('.version-entry .version-label', { hasText: 'Rev.1/Corr.1' }).waitFor();
    expect((await env.server.server.store.listVersions(docId)).map((v) => v.label)).toEqual(['Rev.1/Corr.1']);
    await s.context.close();
  });
});
