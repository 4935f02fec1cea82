/** Structural editing by keyboard in the browser: numbers follow Enter, Tab and new articles. */
import { describe, it, expect } from 'vitest';
import { openDocument, selectText } from './helpers/browser.ts';
import { useBrowserAndServer } from './helpers/browser-hooks.ts';
import { sampleTreaty } from './helpers/sample-treaty.ts';

const env = useBrowserAndServer();

const labels = (page: import('playwright-core').Page, articleId: string) =>
  page.evaluate((id) => [...document.querySelectorAll(`article[data-id="${id}"] [data-num]`)].map((e) => e.getAttribute('data-num')), articleId);

describe('structural editing by keyboard', () => {
  it('Enter numbers a new paragraph, Tab makes it a sub-paragraph, Mod-Enter adds an article', async () => {
    const fr = await env.server.account('Marie Dupont', 'FR', 'delegate');
    const docId = await env.server.document(sampleTreaty(), 'Protocol');
    const { context, page } = await openDocument(env.browser, env.server.url, fr.token, docId);
    await selectText(page, 'as may be necessary.');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Such measures shall include:');
    await expect.poll(() => labels(page, 'art2')).toEqual(['Article 2', '1', '2', '3']);
    await page.keyboard.press('Enter');
    await page.keyboard.type('measures against spam;');
    await page.keyboard.press('Tab');
    await expect.poll(() => labels(page, 'art2')).toEqual(['Article 2', '1', '2', '3', 'a)']);

    await page.keyboard.press('ControlOrMeta+Enter');
    await page.keyboard.type('Jurisdiction');
    await page.locator('.outline-link', { hasText: 'Jurisdiction' }).waitFor();
    await expect(page.locator('.outline-link', { hasText: 'Jurisdiction' }).locator('.outline-number').textContent()).resolves.toBe('Art. 3');
    await expect(page.locator('.outline-link', { hasText: 'Illegal access' }).locator('.outline-number').textContent()).resolves.toBe('Art. 4');
    const ids = await page.evaluate(() => {
      const out: string[] = [];
      window.__plenipo!.view.state.doc.descendants((n) => { if (n.attrs.id) out.push(String(n.attrs.id)); return true; });
      return out;
    });
    expect(new Set(ids).size).toBe(ids.length);
    await context.close();
  });

  it('Mod-/ opens the keyboard shortcuts', async () => {
    const fr = await env.server.account('Marie Dupont', 'FR', 'delegate');
    const docId = await env.server.document(sampleTreaty(), 'Protocol');
    const { context, page } = await openDocument(env.browser, env.server.url, fr.token, docId);
    await page.click('.treaty article p');
    await page.keyboard.press('ControlOrMeta+/');
    const dialog = page.locator('dialog.shortcuts');
    await dialog.waitFor();
    await expect(dialog.locator('tr', { hasText: 'New article after this one' }).locator('kbd').textContent()).resolves.toBe('Ctrl+Enter');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await context.close();
  });
});
