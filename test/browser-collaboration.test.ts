/**
 * Two delegations (FR, KE) in two browser contexts on the real server: simultaneous typing
 * converges, cursors are labelled with the delegation, undo only undoes one's own edits.
 */
import { describe, it, expect } from 'vitest';
import { editorText, focusArticle, selectText } from './helpers/browser.ts';
import { useBrowserAndServer, useTwoDelegations } from './helpers/browser-hooks.ts';

const env = useBrowserAndServer();
const two = useTwoDelegations(env);

describe('two delegations in the same article', () => {
  it('type at the same time and end with identical text', async () => {
    await selectText(two.fr, 'accordance with Chapter II.');
    await two.fr.keyboard.press('End');
    await selectText(two.ke, 'as may be necessary.');
    await two.ke.keyboard.press('End');
    await Promise.all([
      two.fr.keyboard.type(' Paris text', { delay: 15 }),
      two.ke.keyboard.type(' Nairobi text', { delay: 15 }),
    ]);
    const both = (text: string) => text.includes(' Paris text') && text.includes(' Nairobi text');
    await two.fr.waitForFunction(() => { const t = window.__plenipo!.view.state.doc.textContent; return t.includes(' Paris text') && t.includes(' Nairobi text'); });
    await two.ke.waitForFunction(() => { const t = window.__plenipo!.view.state.doc.textContent; return t.includes(' Paris text') && t.includes(' Nairobi text'); });
    const [frText, keText] = await Promise.all([editorText(two.fr), editorText(two.ke)]);
    expect(both(frText)).toBe(true);
    expect(frText).toBe(keText);
  });

  it("see each other's cursor labelled with the delegation", async () => {
    await focusArticle(two.fr, 2);
    await focusArticle(two.ke, 3);
    await two.fr.keyboard.type('!');
    await two.ke.keyboard.type('?');
    await expect(two.fr.waitForSelector('.remote-caret-label:text-is("KE")')).resolves.toBeTruthy();
    await expect(two.ke.waitForSelector('.remote-caret-label:text-is("FR")')).resolves.toBeTruthy();
    await expect(two.fr.locator('.presence .participant[data-delegation="KE"]').count()).resolves.toBe(1);
  });
});

describe('undo', () => {
  it("undoes only one's own edits, never the other delegation's", async () => {
    await selectText(two.fr, 'accordance with Chapter II.');
    await two.fr.keyboard.press('End');
    await two.fr.keyboard.type(' French words.');
    await selectText(two.ke, 'as may be necessary.');
    await two.ke.keyboard.press('End');
    await two.ke.keyboard.type(' Kenyan words.');
    await two.fr.waitForFunction(() => window.__plenipo!.view.state.doc.textContent.includes('Kenyan words.'));
    await two.fr.keyboard.press('ControlOrMeta+Z');
    await two.ke.waitForFunction(() => !window.__plenipo!.view.state.doc.textContent.includes('French words.'));
    expect(await editorText(two.ke)).toContain('as may be necessary. Kenyan words.');
    expect(await editorText(two.fr)).toBe(await editorText(two.ke));
  });
});
