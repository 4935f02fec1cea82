/**
 * Two delegations in two browser contexts on the real server: simultaneous typing converges,
 * cursors are labelled, brackets and alternatives travel with their sponsors, comments are
 * added, answered and resolved.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startTestServer, openDocument, editorText, focusArticle, selectText, type TestServer } from './helpers/browser.ts';
import { sampleTreaty } from './helpers/sample-treaty.ts';

let browser: Browser;
let server: TestServer;
let contexts: BrowserContext[] = [];
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
  const [frAccount, keAccount] = await Promise.all([
    server.account('Marie Dupont', 'FR', 'delegate'),
    server.account('Wanjiru Kamau', 'KE', 'delegate'),
  ]);
  const docId = await server.document(sampleTreaty(), 'Protocol on Cybersecurity and Cybercrime');
  const [a, b] = await Promise.all([
    openDocument(browser, server.url, frAccount.token, docId),
    openDocument(browser, server.url, keAccount.token, docId),
  ]);
  contexts = [a.context, b.context];
  fr = a.page;
  ke = b.page;
});

afterEach(async () => {
  await Promise.all(contexts.map((context) => context.close()));
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

describe('proposals', () => {
  it('a bracket and an alternative proposed by FR appear with their sponsors for KE', async () => {
    await selectText(fr, 'legislative measures');
    await fr.keyboard.press('ControlOrMeta+Shift+B');
    await ke.waitForSelector('.bracket-glyph.close .sponsors[data-sponsors="FR"]');
    await selectText(fr, 'legislative measures');
    await fr.keyboard.press('ControlOrMeta+Alt+A');
    await ke.waitForFunction(() => document.querySelectorAll('.bracket-glyph.close .sponsors').length >= 3);
    const sponsors = await ke.locator('.bracket-glyph.close .sponsors').allTextContents();
    expect(sponsors.filter((s) => s === 'FR')).toHaveLength(2);
    const groups = await ke.evaluate(() => {
      const out = new Set<string>();
      window.__plenipo!.view.state.doc.descendants((node) => {
        for (const mark of node.marks) if (mark.type.name === 'bracket' && mark.attrs.group) out.add(String(mark.attrs.group));
        return true;
      });
      return out.size;
    });
    expect(groups).toBe(1);
  });

  it('KE co-sponsors the bracket FR proposed', async () => {
    await selectText(fr, 'legislative measures');
    await fr.keyboard.press('ControlOrMeta+Shift+B');
    await ke.waitForSelector('.bracket-glyph.close .sponsors[data-sponsors="FR"]');
    await selectText(ke, 'legislative measures');
    await ke.keyboard.press('ControlOrMeta+Alt+C');
    await expect(fr.waitForSelector('.bracket-glyph.close .sponsors[data-sponsors="FR KE"]')).resolves.toBeTruthy();
  });
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

describe('new proposed wording', () => {
  it('Mod-Shift-B with nothing selected inserts a bracketed span that typing fills in', async () => {
    await selectText(fr, 'accordance with Chapter II.');
    await fr.keyboard.press('End');
    await fr.keyboard.type(' ');
    await fr.keyboard.press('ControlOrMeta+Shift+B');
    await fr.keyboard.type('and Chapter III');
    await ke.waitForFunction(() => document.querySelector('.ProseMirror.treaty')!.textContent!.includes('Chapter II. [and Chapter III]FR'));
  });

  it('an alternative to a bracket comes selected, so typing writes the alternative wording', async () => {
    await selectText(fr, 'legislative measures');
    await fr.keyboard.press('ControlOrMeta+Shift+B');
    await selectText(ke, 'legislative measures');
    await ke.keyboard.press('ControlOrMeta+Alt+A');
    await ke.keyboard.type('legal measures');
    await fr.waitForFunction(() => document.querySelector('.ProseMirror.treaty')!.textContent!.includes('[legislative measures]FR [legal measures]KE'));
  });
});

describe('a refused edit', () => {
  it("deleting another delegation's bracket is refused by the server and the editor says so", async () => {
    await selectText(fr, 'legislative measures');
    await fr.keyboard.press('ControlOrMeta+Shift+B');
    await ke.waitForSelector('.bracket-glyph.close .sponsors[data-sponsors="FR"]');
    await selectText(ke, 'legislative measures');
    await ke.keyboard.press('Backspace');
    await ke.waitForSelector('.refusal-banner:not([hidden])');
    await expect(ke.locator('.refusal-banner').textContent()).resolves.toContain('may not remove bracket');
    expect(await editorText(fr)).toContain('such legislative measures as');
    await expect(fr.locator('.refusal-banner').isVisible()).resolves.toBe(false);
  });
});
