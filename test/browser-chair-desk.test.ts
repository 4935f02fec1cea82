/**
 * The chair's desk in the editor: filtering the open brackets, keeping a whole article's brackets
 * after a confirmation, reading the resolution in the history and undoing it from there.
 */
import { describe, it, expect } from 'vitest';
import { openDocument, editorText } from './helpers/browser.ts';
import { useBrowserAndServer, openChairDesk } from './helpers/browser-hooks.ts';
import { sampleTreaty } from './helpers/sample-treaty.ts';
import { schema } from '../shared/schema/index.ts';

/** The sample treaty with US's block bracket br-us on paragraph 2 of Article 2, beside KE's inline br-itu in Article 1. */
function twoBrackets() {
  const json = sampleTreaty().toJSON();
  const visit = (node: { attrs?: Record<string, unknown>; content?: unknown[] }) => {
    if (node.attrs?.id === 'a2-2') Object.assign(node.attrs, { bracket: 'br-us', sponsors: ['US'] });
    node.content?.forEach((child) => visit(child as typeof node));
  };
  visit(json);
  return schema.nodeFromJSON(json);
}

const env = useBrowserAndServer();

describe('the chair\'s desk', () => {
  it('filters the open brackets by sponsor, kind and article', async () => {
    const chair = await env.server.account('Chair of the committee', 'CHAIR', 'chair');
    const docId = await env.server.document(twoBrackets(), 'Protocol');
    const c = await openDocument(env.browser, env.server.url, chair.token, docId);
    await c.page.click('.tab[data-tab="brackets"]');
    await c.page.locator('.bracket-entry[data-bracket="br-us"]').waitFor();
    const shown = () => c.page.locator('.bracket-entry').evaluateAll((entries) => entries.map((e) => (e as HTMLElement).dataset.bracket));
    await expect(shown()).resolves.toEqual(['br-itu', 'br-us']);
    await c.page.selectOption('select[name="sponsor"]', 'KE');
    await expect(shown()).resolves.toEqual(['br-itu']);
    await expect(c.page.locator('.bracket-group[data-article="art1"] .bracket-group-title').textContent()).resolves.toBe('Article 1: 1 open bracket');
    await c.page.selectOption('select[name="sponsor"]', '');
    await c.page.selectOption('select[name="kind"]', 'block');
    await expect(shown()).resolves.toEqual(['br-us']);
    await c.page.selectOption('select[name="kind"]', '');
    await c.page.selectOption('select[name="article"]', 'art1');
    await expect(shown()).resolves.toEqual(['br-itu']);
    await c.context.close();
  });

  it('keeps all brackets of an article after a confirmation, shows it in the history and undoes it', async () => {
    const { chair: c, ke: k } = await openChairDesk(env, sampleTreaty());
    const questions: string[] = [];
    c.page.on('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.accept();
    });
    await c.page.locator('.bracket-group[data-article="art1"] button[data-action="keep-all"]').click();
    await k.page.waitForFunction(() => document.querySelectorAll('.treaty .bracket-glyph').length === 0);
    expect(questions).toEqual([expect.stringContaining('Article 1')]);
    const entry = c.page.locator('.resolution-entry', { hasText: 'ITU Membership' });
    await expect(entry.locator('.resolution-sentence').textContent()).resolves.toMatch(/^Kept “ITU Membership”/);
    await expect(entry.locator('.resolution-article').textContent()).resolves.toMatch(/^Article 1/);
    expect(await entry.textContent()).not.toContain('br-itu');
    await entry.locator('button[data-action="undo"]').click();
    await k.page.waitForFunction(() => document.querySelectorAll('.treaty .bracket-glyph').length > 0);
    await c.page.locator('.bracket-entry[data-bracket="br-itu"]').waitFor();
    await c.page.locator('.resolution-entry.resolution-undo').waitFor();
    expect(await editorText(k.page)).toContain('ITU Membership');
    await Promise.all([c.context.close(), k.context.close()]);
  });
});
