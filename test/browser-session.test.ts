/**
 * The meeting in the browser: the chair steps through the open brackets and resolves three by
 * keyboard in session mode; a delegate follows the chair; the projection view shows the article
 * the chair is on in large type.
 */
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { openDocument } from './helpers/browser.ts';
import { useBrowserAndServer } from './helpers/browser-hooks.ts';
import { treaty, article, heading, plain, paragraph, br, comments, comment } from './helpers/bracket-builders.ts';

const env = useBrowserAndServer();

const filler = (n: number) => Array.from({ length: n }, (_, i) => paragraph({ id: `f${i}` }, plain({ id: `fp${i}` }, `Filler provision ${i + 1} that makes the article long enough to scroll the page.`)));

const meetingText = () => treaty(
  article({ id: 'a1' }, heading('Definitions'), plain({ id: 'x1' }, 'The Convention is open to States ', br('b1', 'US')('with ITU Membership'), ' for signature.')),
  article({ id: 'a2' }, heading('Scope'), paragraph({ id: 'p1', bracket: 'bp', sponsors: ['KE'] }, plain({ id: 'x2' }, 'Each Party may reserve the right.')), ...filler(24)),
  article({ id: 'a3' }, heading('Spam'), plain({ id: 'x3' }, 'Sending ', br('g1', 'FR', 'grp')('spam'), ' ', br('g2', 'KE', 'grp')('unsolicited messages'), ' is an offence.')),
  comments(comment({ id: 'c1', target: 'bp', delegation: 'US', author: 'US delegate', status: 'open' }, plain('Too broad a reservation?'))),
);

const count = (page: Page) => page.locator('.session-bar .session-count').textContent();

describe('session mode', () => {
  it('lets the chair step through and resolve three brackets by keyboard', async () => {
    const chairAccount = await env.server.account('Chair of the committee', 'CHAIR', 'chair');
    const docId = await env.server.document(meetingText(), 'Protocol');
    const { page, context } = await openDocument(env.browser, env.server.url, chairAccount.token, docId);
    await page.keyboard.press('Alt+ArrowDown');
    await page.locator('.session-bar').waitFor();
    expect(await count(page)).toBe('1 of 3 open');
    expect(await page.locator('.session-article').textContent()).toBe('Article 1 – Definitions');
    expect(await page.locator('.session-context').textContent()).toBe('The Convention is open to States [with ITU Membership] for signature.');
    expect(await page.locator('.session-sponsors').textContent()).toBe('Proposed by US');
    await page.keyboard.press('j');
    expect(await page.locator('.session-article').textContent()).toBe('Article 2 – Scope');
    expect(await page.locator('.session-comments').textContent()).toContain('US: Too broad a reservation?');
    await page.keyboard.press('k');
    expect(await page.locator('.session-article').textContent()).toBe('Article 1 – Definitions');

    await page.keyboard.press('a');
    await page.locator('.session-note', { hasText: 'Kept in Article 1.' }).waitFor();
    await expect.poll(() => count(page)).toBe('1 of 2 open');
    expect(await page.locator('.session-article').textContent()).toBe('Article 2 – Scope');
    await page.keyboard.press('d');
    await page.locator('.session-note', { hasText: 'Dropped in Article 2.' }).waitFor();
    await expect.poll(() => count(page)).toBe('1 of 1 open');
    expect(await page.locator('.session-option-text').allTextContents()).toEqual(['spam', 'unsolicited messages']);
    await page.keyboard.press('2');
    await page.locator('.session-empty', { hasText: 'Every bracket of the text is resolved.' }).waitFor();

    const records = await env.server.server.store.listResolutions(docId);
    expect(records.map((r) => [r.bracketId, r.action, r.optionId])).toEqual([['b1', 'keep', null], ['bp', 'drop', null], ['grp', 'choose', 'g2']]);
    expect(await page.locator('.treaty').textContent()).toContain('Sending unsolicited messages is an offence.');
    await page.keyboard.press('Escape');
    expect(await page.locator('.session-bar').isVisible()).toBe(false);
    await context.close();
  });

  it('shows delegates where the chair is and scrolls a following delegate there', async () => {
    const chairAccount = await env.server.account('Chair of the committee', 'CHAIR', 'chair');
    const keAccount = await env.server.account('Wanjiru Kamau', 'KE', 'delegate');
    const docId = await env.server.document(meetingText(), 'Protocol');
    const chair = await openDocument(env.browser, env.server.url, chairAccount.token, docId);
    const ke = await openDocument(env.browser, env.server.url, keAccount.token, docId);
    expect(await ke.page.locator('.follow-chair').isVisible()).toBe(false);
    await chair.page.click('button[data-action="session"]');
    await ke.page.locator('.follow-place', { hasText: 'The chair is on Article 1' }).waitFor();
    const a3Top = () => ke.page.locator('.treaty article[data-id="a3"]').evaluate((e) => e.getBoundingClientRect().top);
    expect(await a3Top()).toBeGreaterThan(900);
    await ke.page.check('input[name="follow-chair"]');
    await chair.page.keyboard.press('Alt+ArrowDown');
    await chair.page.keyboard.press('Alt+ArrowDown');
    await ke.page.locator('.follow-place', { hasText: 'The chair is on Article 3' }).waitFor();
    await ke.page.waitForFunction(() => {
      const target = document.querySelector('.treaty article[data-id="a3"]')!.getBoundingClientRect();
      return target.top >= 0 && target.bottom <= window.innerHeight;
    });
    await chair.page.keyboard.press('Escape');
    await ke.page.locator('.follow-chair').waitFor({ state: 'hidden' });
    await Promise.all([chair.context.close(), ke.context.close()]);
  });

  it('projects the article the chair is on in large type, without panels', async () => {
    const chairAccount = await env.server.account('Chair of the committee', 'CHAIR', 'chair');
    const observer = await env.server.account('Secretariat screen', 'ICRC', 'observer');
    const docId = await env.server.document(meetingText(), 'Protocol');
    const chair = await openDocument(env.browser, env.server.url, chairAccount.token, docId);
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const screen = await context.newPage();
    await screen.goto(`${env.server.url}/login?token=${encodeURIComponent(observer.token)}`);
    await screen.goto(`${env.server.url}/#/doc/${encodeURIComponent(docId)}/projection`);
    await screen.locator('.projection-body article h3', { hasText: 'Article 1 – Definitions' }).waitFor();
    expect(await screen.locator('.right, .left, .toolbar').count()).toBe(0);
    const size = await screen.locator('.projection-body').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(26);
    expect(await screen.locator('.projection-body').textContent()).toContain('[with ITU Membership]');
    await chair.page.click('button[data-action="session"]');
    await chair.page.keyboard.press('j');
    await chair.page.keyboard.press('j');
    await screen.locator('.projection-body article h3', { hasText: 'Article 3 – Spam' }).waitFor();
    expect(await screen.locator('.projection-state').textContent()).toBe('Following the chair');
    expect(await screen.locator('.projection-body .option-caption, .projection-body .bracket-mark').count()).toBeGreaterThan(0);
    await screen.screenshot({ path: `${process.env.PLENIPO_SCREENSHOTS ?? '/tmp'}/plenipo-projection.png` });
    await Promise.all([chair.context.close(), context.close()]);
  });
});
