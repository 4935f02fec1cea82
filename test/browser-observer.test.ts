/**
 * Observers read only: the editor is not editable, shows a banner, and nothing an observer's page
 * tries to write reaches the server's log.
 */
import { describe, it, expect } from 'vitest';
import { openDocument, editorText, selectText } from './helpers/browser.ts';
import { useBrowserAndServer } from './helpers/browser-hooks.ts';
import { sampleTreaty } from './helpers/sample-treaty.ts';

const env = useBrowserAndServer();

describe('an observer', () => {
  it('cannot change the text, and the server stores nothing from the observer', async () => {
    const observer = await env.server.account('Observer of the Council', 'OBS', 'observer');
    const delegate = await env.server.account('Marie Dupont', 'FR', 'delegate');
    const docId = await env.server.document(sampleTreaty(), 'Protocol');
    const { context, page } = await openDocument(env.browser, env.server.url, observer.token, docId);
    const { context: frContext, page: fr } = await openDocument(env.browser, env.server.url, delegate.token, docId);
    const before = await editorText(page);

    await expect(page.locator('.observer-banner').isVisible()).resolves.toBe(true);
    await expect(page.getAttribute('.ProseMirror.treaty', 'contenteditable')).resolves.toBe('false');
    await expect(page.locator('.toolbar [data-command="bracket"]').count()).resolves.toBe(0);

    // Keyboard and clipboard attempts through the editor.
    await page.click('.treaty article p');
    await page.keyboard.type('observer text');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ControlOrMeta+Shift+B');
    await selectText(page, 'Each Party');
    await page.keyboard.press('Backspace');
    expect(await editorText(page)).toBe(before);

    // A write straight into the page's Y.Doc, bypassing the editor: the server refuses it.
    await page.evaluate(() => {
      const title = window.__plenipo!.session.ydoc.getXmlFragment('prosemirror').get(1) as unknown as { firstChild: { insert(i: number, s: string): void } };
      title.firstChild.insert(0, 'FORGED ');
    });
    // The delegate edits afterwards; once that edit is logged, everything sent before it was handled.
    await selectText(fr, 'Each Party shall adopt such');
    await fr.keyboard.press('End');
    await fr.keyboard.type(' Marker.');
    const log = async () => env.server.server.store.updatesAfter(docId, 0);
    await expect.poll(async () => (await log()).some((u) => u.accountId === delegate.id), { timeout: 10_000 }).toBe(true);
    await fr.waitForFunction(() => window.__plenipo!.view.state.doc.textContent.includes('Marker.'));

    const entries = await log();
    expect(entries.filter((u) => u.accountId === observer.id)).toEqual([]);
    expect(await editorText(fr)).not.toContain('FORGED');
    expect(await editorText(fr)).not.toContain('observer text');
    await Promise.all([context.close(), frContext.close()]);
  });
});
