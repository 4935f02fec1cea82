/**
 * Comment threads between two delegations: added on a span, answered, resolved; authors shown.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startTestServer, openTwoDelegations, selectText, type TestServer, type TwoDelegations } from './helpers/browser.ts';

let browser: Browser;
let server: TestServer;
let pair: TwoDelegations;
let fr: Page;
let ke: Page;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startTestServer()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  pair = await openTwoDelegations(browser, server);
  ({ fr, ke } = pair);
});

afterEach(async () => {
  await pair.close();
});

describe('comments', () => {
  it('a comment is added, replied to and resolved, with authors shown', async () => {
    await selectText(fr, 'computer system');
    await fr.keyboard.press('ControlOrMeta+Alt+M');
    await fr.fill('.comment-composer textarea', 'Align with Article 1 of the 2001 Convention.');
    await fr.click('.comment-composer button[type="submit"]');
    const thread = ke.locator('.comment-thread', { hasText: 'Align with Article 1' });
    await thread.waitFor();
    await expect(thread.locator('.comment-author').first().textContent()).resolves.toBe('Marie Dupont');
    await expect(ke.locator('.treaty .comment-anchor', { hasText: 'computer system' }).count()).resolves.toBe(1);

    await thread.locator('button[data-action="reply"]').click();
    await thread.locator('textarea').fill('Agreed, with the words "or group of devices".');
    await thread.locator('button[type="submit"]').click();
    const frThread = fr.locator('.comment-thread', { hasText: 'Align with Article 1' });
    await frThread.locator('.comment-entry.reply', { hasText: 'Agreed' }).waitFor();
    await expect(frThread.locator('.comment-entry.reply .delegation-badge').textContent()).resolves.toBe('KE');

    await frThread.locator('button[data-action="resolve"]').click();
    await ke.locator('.comment-thread', { hasText: 'Align with Article 1' }).waitFor({ state: 'detached' });
    const status = await ke.evaluate(() => {
      let found = '';
      window.__plenipo!.view.state.doc.lastChild!.forEach((c) => { if (c.textContent.startsWith('Align')) found = c.attrs.status; });
      return found;
    });
    expect(status).toBe('resolved');
  });
});
