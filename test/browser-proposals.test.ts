/**
 * Proposals between two delegations in two browser contexts: brackets, alternatives, co-sponsors,
 * new bracketed wording typed in place, and an edit the server refuses.
 */
import { describe, it, expect } from 'vitest';
import { editorText, selectText } from './helpers/browser.ts';
import { useBrowserAndServer, useTwoDelegations } from './helpers/browser-hooks.ts';

const env = useBrowserAndServer();
const two = useTwoDelegations(env);

/** FR proposes new words after "legislative" by typing; resolves when KE sees FR's bracket. */
async function frProposes(): Promise<void> {
  await selectText(two.fr, 'such legislative');
  // Collapse to the end in the editor's state (ArrowRight may run before Chromium shows the selection, and move one further).
  await two.fr.evaluate(() => window.__plenipoBench!.setSelection(window.__plenipo!.view.state.selection.to));
  await two.fr.keyboard.type(' and other');
  await two.ke.waitForFunction(() => window.__plenipo!.view.state.doc.textContent.includes('such legislative and other measures'));
}

describe('proposals', () => {
  it('a bracket and an alternative proposed by FR appear with their sponsors for KE', async () => {
    await frProposes();
    await selectText(two.fr, ' and other');
    await two.fr.keyboard.press('ControlOrMeta+Alt+A');
    await two.ke.waitForFunction(() => document.querySelectorAll('.bracket-glyph.close .sponsors').length >= 3);
    const sponsors = await two.ke.locator('.bracket-glyph.close .sponsors').allTextContents();
    expect(sponsors.filter((s) => s === 'FR')).toHaveLength(2);
    const groups = await two.ke.evaluate(() => {
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
    await frProposes();
    await selectText(two.ke, ' and other');
    await two.ke.keyboard.press('ControlOrMeta+Alt+C');
    await expect(two.fr.waitForSelector('.bracket-glyph.close .sponsors[data-sponsors="FR KE"]')).resolves.toBeTruthy();
  });

  it("a delegate's alternative to agreed words is a proposed deletion followed by the new wording, typed in place", async () => {
    await selectText(two.fr, 'legislative measures');
    await two.fr.keyboard.press('ControlOrMeta+Alt+A');
    await two.fr.keyboard.type('legal measures');
    await two.ke.waitForFunction(() => document.querySelector('.ProseMirror.treaty')!.textContent!.includes('[legislative measures]delete FR[legal measures]FR'));
  });
});

describe('new proposed wording', () => {
  it('Mod-Shift-B with nothing selected inserts a bracketed span that typing fills in', async () => {
    await selectText(two.fr, 'accordance with Chapter II.');
    await two.fr.keyboard.press('End');
    await two.fr.keyboard.press('ControlOrMeta+Shift+B');
    await two.fr.keyboard.type('and Chapter III');
    await two.ke.waitForFunction(() => document.querySelector('.ProseMirror.treaty')!.textContent!.includes('Chapter II.[and Chapter III]FR'));
  });

  it('an alternative to a bracket comes selected, so typing writes the alternative wording', async () => {
    await frProposes();
    await selectText(two.ke, ' and other');
    await two.ke.keyboard.press('ControlOrMeta+Alt+A');
    await two.ke.keyboard.type('legal');
    await two.fr.waitForFunction(() => document.querySelector('.ProseMirror.treaty')!.textContent!.includes('[1 and other]FR[2 legal]KE'), null, { timeout: 5000 })
      .catch(async (error) => { throw new Error(`${error}: FR reads ${await two.fr.locator('.ProseMirror.treaty').textContent()}`); });
  });
});

describe('a stopped edit', () => {
  it("deleting another delegation's bracket is stopped by the editor with a plain sentence, and nothing is sent", async () => {
    await frProposes();
    await selectText(two.ke, ' and other');
    await two.ke.keyboard.press('Backspace');
    await two.ke.waitForSelector('.edit-status:not([hidden])');
    await expect(two.ke.locator('.edit-status').textContent()).resolves.toBe('These words are proposed by FR: you can co-sponsor, propose an alternative or comment.');
    expect(await editorText(two.ke)).toContain('such legislative and other measures as');
    expect(await editorText(two.fr)).toContain('such legislative and other measures as');
    await expect(two.ke.evaluate(() => window.__plenipoRefusals ?? 0)).resolves.toBe(0);
  });
});
