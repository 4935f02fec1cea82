/**
 * Proposals between two delegations in two browser contexts: brackets, alternatives, co-sponsors,
 * new bracketed wording typed in place, and an edit the server refuses.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startTestServer, openTwoDelegations, editorText, selectText, type TestServer, type TwoDelegations } from './helpers/browser.ts';

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
    await ke.waitForSelector('.bracket-glyph.close .sponsors[data-sponsors="FR"]');
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
