/**
 * The chair and the secretariat in the editor: resolving a bracket from the brackets panel, and
 * cutting a version then reading the redline of what changed since.
 */
import { describe, it, expect } from 'vitest';
import { openDocument, editorText, selectText } from './helpers/browser.ts';
import { useBrowserAndServer, openChairDesk } from './helpers/browser-hooks.ts';
import { sampleTreaty } from './helpers/sample-treaty.ts';

const env = useBrowserAndServer();

describe('the chair', () => {
  it('keeps a bracketed text from the brackets panel and every editor follows', async () => {
    const { docId, chair: c, ke: k } = await openChairDesk(env, sampleTreaty());
    const entry = c.page.locator('.bracket-entry[data-bracket="br-itu"]');
    await expect(entry.locator('.bracket-text').textContent()).resolves.toBe('[ITU Membership]');
    await entry.locator('button[data-action="keep"]').click();
    await k.page.waitForFunction(() => document.querySelectorAll('.treaty .bracket-glyph').length === 0);
    expect(await editorText(k.page)).toContain('including ITU Membership.');
    await c.page.locator('.bracket-entry[data-bracket="br-itu"]').waitFor({ state: 'detached' });
    const resolutions = await env.server.server.store.listResolutions(docId);
    expect(resolutions.map((r) => [r.bracketId, r.action])).toEqual([['br-itu', 'keep']]);
    await Promise.all([c.context.close(), k.context.close()]);
  });
});

describe('the secretariat', () => {
  it('cuts a version and reads the redline of the changes made since', async () => {
    const secretariat = await env.server.account('Secretariat', 'SECRETARIAT', 'secretariat');
    const fr = await env.server.account('Marie Dupont', 'FR', 'delegate');
    const docId = await env.server.document(sampleTreaty(), 'Protocol');
    const s = await openDocument(env.browser, env.server.url, secretariat.token, docId);
    const f = await openDocument(env.browser, env.server.url, fr.token, docId);
    await s.page.click('.tab[data-tab="versions"]');
    await s.page.fill('.version-cut input', 'Rev.1');
    await s.page.click('.version-cut button[type="submit"]');
    await s.page.locator('.version-entry', { hasText: 'Rev.1' }).waitFor();

    await selectText(f.page, 'without right.');
    await f.page.keyboard.press('End');
    await f.page.keyboard.type(' Paragraph added after Rev.1.');
    await expect.poll(async () => (await env.server.server.store.updatesAfter(docId, 0)).some((u) => u.accountId === fr.id)).toBe(true);

    await s.page.locator('.version-entry', { hasText: 'Rev.1' }).locator('button[data-action="compare"]').click();
    const frame = s.page.frameLocator('dialog.viewer iframe');
    await expect(frame.locator('body').innerText()).resolves.toContain('Paragraph added after Rev.1.');
    await Promise.all([s.context.close(), f.context.close()]);
  });
});
