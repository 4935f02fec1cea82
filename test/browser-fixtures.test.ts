/**
 * Real texts in the editor: the HLEG Work Area 1 recommendations render their brackets
 * ("[ITU Membership]") and members' comments; a screenshot of a negotiating session is saved as
 * docs/screenshot.png for the README.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { loadFixture } from '../fixtures/index.ts';
import { syntheticTreaty } from '../fixtures/synthetic.ts';
import { launchChromium, startTestServer, openDocument, selectText, type TestServer } from './helpers/browser.ts';

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startTestServer()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the HLEG fixture', () => {
  it('renders "[ITU Membership]" with its sponsor and lists the members\' comments', async () => {
    const reader = await server.account('Reader', 'FR', 'delegate');
    const docId = await server.document(loadFixture('hleg-wa1-2008'), 'HLEG Work Area 1 recommendations (2008)');
    const { context, page } = await openDocument(browser, server.url, reader.token, docId);
    const text = await page.locator('.ProseMirror.treaty').innerText();
    expect(text).toContain('[ITU Membership]');
    const bracketIds = await page.evaluate(() => {
      const ids = new Set<string>();
      window.__plenipo!.view.state.doc.descendants((node) => {
        if (node.type.name === 'comments') return false; // threads are shown in the panel, not the text
        for (const mark of node.marks) if (mark.type.name === 'bracket') ids.add(String(mark.attrs.id));
        return true;
      });
      return ids.size;
    });
    expect(bracketIds).toBeGreaterThanOrEqual(3);
    await expect(page.locator('.bracket-glyph.close .sponsors', { hasText: 'HLEG' }).count()).resolves.toBe(bracketIds);
    const threads = await page.locator('.comments-panel .comment-thread').count();
    const expected = await page.evaluate(() => window.__plenipo!.view.state.doc.lastChild!.childCount);
    expect(threads).toBeGreaterThanOrEqual(10);
    expect(threads).toBe(expected);
    await expect(page.locator('.comments-panel .comment-thread .delegation-badge').first().textContent()).resolves.toBe('HLEG');
    await context.close();
  });
});

describe('the README screenshot', () => {
  it('is saved as docs/screenshot.png while two delegations negotiate', async () => {
    const fr = await server.account('Marie Dupont', 'FR', 'delegate');
    const ke = await server.account('Wanjiru Kamau', 'KE', 'delegate');
    const docId = await server.document(syntheticTreaty(), 'Draft protocol on cybercrime (Rev.1)');
    const a = await openDocument(browser, server.url, fr.token, docId);
    const b = await openDocument(browser, server.url, ke.token, docId);
    await selectText(b.page, 'Each Party');
    await b.page.keyboard.press('End');
    await a.page.waitForSelector('.remote-caret-label:text-is("KE")');
    await selectText(a.page, 'conference');
    const out = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));
    mkdirSync(fileURLToPath(new URL('../docs/', import.meta.url)), { recursive: true });
    await a.page.screenshot({ path: out });
    await Promise.all([a.context.close(), b.context.close()]);
  });
});
