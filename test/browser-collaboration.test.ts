/**
 * Two delegations (FR, KE) in two browser contexts on the real server: simultaneous typing
 * converges, cursors are labelled with the delegation, undo only undoes one's own edits.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startTestServer, openTwoDelegations, editorText, focusArticle, selectText, type TestServer, type TwoDelegations } from './helpers/browser.ts';

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

describe('two delegations in the same article', () => {
  it('type at the same time and end with identical text', async () => {
    await selectText(fr, 'accordance with Chapter II.');
    await fr.keyboard.press('End');
    await selectText(ke, 'as may be necessary.');
    await ke.keyboard.press('End');
    await Promise.all([
      fr.keyboard.type(' Paris text', { delay: 15 }),
      ke.keyboard.type(' Nairobi text', { delay: 15 }),
    ]);
    const both = (text: string) => text.includes(' Paris text') && text.includes(' Nairobi text');
    await fr.waitForFunction(() => { const t = window.__plenipo!.view.state.doc.textContent; return t.includes(' Paris text') && t.includes(' Nairobi text'); });
    await ke.waitForFunction(() => { const t = window.__plenipo!.view.state.doc.textContent; return t.includes(' Paris text') && t.includes(' Nairobi text'); });
    const [frText, keText] = await Promise.all([editorText(fr), editorText(ke)]);
    expect(both(frText)).toBe(true);
    expect(frText).toBe(keText);
  });

  it("see each other's cursor labelled with the delegation", async () => {
    await focusArticle(fr, 2);
    await focusArticle(ke, 3);
    await fr.keyboard.type('!');
    await ke.keyboard.type('?');
    await expect(fr.waitForSelector('.remote-caret-label:text-is("KE")')).resolves.toBeTruthy();
    await expect(ke.waitForSelector('.remote-caret-label:text-is("FR")')).resolves.toBeTruthy();
    await expect(fr.locator('.presence .participant[data-delegation="KE"]').count()).resolves.toBe(1);
  });
});

describe('undo', () => {
  it("undoes only one's own edits, never the other delegation's", async () => {
    await selectText(fr, 'accordance with Chapter II.');
    await fr.keyboard.press('End');
    await fr.keyboard.type(' French words.');
    await selectText(ke, 'as may be necessary.');
    await ke.keyboard.press('End');
    await ke.keyboard.type(' Kenyan words.');
    await fr.waitForFunction(() => window.__plenipo!.view.state.doc.textContent.includes('Kenyan words.'));
    await fr.keyboard.press('ControlOrMeta+Z');
    await ke.waitForFunction(() => !window.__plenipo!.view.state.doc.textContent.includes('French words.'));
    expect(await editorText(ke)).toContain('as may be necessary. Kenyan words.');
    expect(await editorText(fr)).toBe(await editorText(ke));
  });
});
