/**
 * Losing the connection: the editor keeps working, the top bar says "Offline — unsent edits",
 * and on reconnection the offline edits and those made meanwhile by others merge.
 */
import { describe, it, expect } from 'vitest';
import { openDocument, editorText, selectText } from './helpers/browser.ts';
import { useBrowserAndServer } from './helpers/browser-hooks.ts';
import { sampleTreaty } from './helpers/sample-treaty.ts';

const env = useBrowserAndServer();

describe('offline editing', () => {
  it('keeps working, shows unsent edits, and merges on reconnect', async () => {
    const fr = await env.server.account('Marie Dupont', 'FR', 'delegate');
    const ke = await env.server.account('Wanjiru Kamau', 'KE', 'delegate');
    const docId = await env.server.document(sampleTreaty(), 'Protocol');
    const f = await openDocument(env.browser, env.server.url, fr.token, docId);
    const k = await openDocument(env.browser, env.server.url, ke.token, docId);

    await f.page.evaluate(() => window.__plenipo!.session.provider.disconnect());
    await selectText(f.page, 'without right.');
    await f.page.keyboard.press('End');
    await f.page.keyboard.type(' Typed while offline.');
    await f.page.waitForSelector('.connection[data-state="offline"][data-unsent="true"]');
    await expect(f.page.textContent('.connection')).resolves.toBe('Offline — unsent edits');

    await selectText(k.page, 'non-public transmissions.');
    await k.page.keyboard.press('End');
    await k.page.keyboard.type(' Typed meanwhile.');
    await f.page.evaluate(() => window.__plenipo!.session.provider.connect());

    const merged = () => {
      const text = window.__plenipo!.view.state.doc.textContent;
      return text.includes('without right. Typed while offline.') && text.includes('transmissions. Typed meanwhile.');
    };
    await Promise.all([f.page.waitForFunction(merged), k.page.waitForFunction(merged)]);
    expect(await editorText(f.page)).toBe(await editorText(k.page));
    await f.page.waitForSelector('.connection[data-state="connected"][data-unsent="false"]');
    await Promise.all([f.context.close(), k.context.close()]);
  });
});
