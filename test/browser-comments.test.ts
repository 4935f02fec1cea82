/**
 * Comment threads between two delegations: added on a span, answered, resolved; authors shown.
 */
import { describe, it, expect } from 'vitest';
import { selectText } from './helpers/browser.ts';
import { useBrowserAndServer, useTwoDelegations } from './helpers/browser-hooks.ts';

const env = useBrowserAndServer();
const two = useTwoDelegations(env);

describe('comments', () => {
  it('a comment is added, replied to and resolved, with authors shown', async () => {
    await selectText(two.fr, 'computer system');
    await two.fr.keyboard.press('ControlOrMeta+Alt+M');
    await two.fr.fill('.comment-composer textarea', 'Align with Article 1 of the 2001 Convention.');
    await two.fr.click('.comment-composer button[type="submit"]');
    const thread = two.ke.locator('.comment-thread', { hasText: 'Align with Article 1' });
    await thread.waitFor();
    await expect(thread.locator('.comment-author').first().textContent()).resolves.toBe('Marie Dupont');
    await expect(two.ke.locator('.treaty .comment-anchor', { hasText: 'computer system' }).count()).resolves.toBe(1);

    await thread.locator('button[data-action="reply"]').click();
    await thread.locator('textarea').fill('Agreed, with the words "or group of devices".');
    await thread.locator('button[type="submit"]').click();
    const frThread = two.fr.locator('.comment-thread', { hasText: 'Align with Article 1' });
    await frThread.locator('.comment-entry.reply', { hasText: 'Agreed' }).waitFor();
    await expect(frThread.locator('.comment-entry.reply .delegation-badge').textContent()).resolves.toBe('KE');

    await frThread.locator('button[data-action="resolve"]').click();
    await two.ke.locator('.comment-thread', { hasText: 'Align with Article 1' }).waitFor({ state: 'detached' });
    const status = await two.ke.evaluate(() => {
      let found = '';
      window.__plenipo!.view.state.doc.lastChild!.forEach((c) => { if (c.textContent.startsWith('Align')) found = c.attrs.status; });
      return found;
    });
    expect(status).toBe('resolved');
  });
});
