/**
 * The negotiation dashboard in the browser: the chair marks an article's reading status from it
 * (every editor sees the status, the record says so in words), and the chart has one point per
 * version and one for now.
 */
import { describe, it, expect } from 'vitest';
import { openDocument } from './helpers/browser.ts';
import { useBrowserAndServer } from './helpers/browser-hooks.ts';
import { sampleTreaty } from './helpers/sample-treaty.ts';

const env = useBrowserAndServer();

describe('the negotiation dashboard', () => {
  it('lets the chair mark first reading and agreement and charts brackets per version', async () => {
    const chairAccount = await env.server.account('Chair of the committee', 'CHAIR', 'chair');
    const secretariat = await env.server.account('Secretariat', 'SECRETARIAT', 'secretariat');
    const docId = await env.server.document(sampleTreaty(), 'Protocol');
    for (const label of ['Rev.1', 'Rev.2']) {
      const response = await env.server.server.app.request(`/api/documents/${docId}/versions`, {
        method: 'POST', headers: { Authorization: `Bearer ${secretariat.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ label }),
      });
      expect(response.status).toBe(201);
    }
    const { page, context } = await openDocument(env.browser, env.server.url, chairAccount.token, docId);
    await page.click('a.dashboard-link');
    await page.locator('.dashboard-table tbody tr').first().waitFor();
    expect(await page.locator('.progress-chart circle.series-brackets').count()).toBe(3);
    expect(await page.locator('.progress-chart .tick').allTextContents()).toEqual(expect.arrayContaining(['Rev.1', 'Rev.2', 'Now']));
    const first = page.locator('.dashboard-table tbody tr').first();
    await first.locator('select[name="status"]').selectOption('first-reading');
    await page.locator('.panel-status', { hasText: 'first reading' }).waitFor();
    await first.locator('select[name="status"]').selectOption('agreed');
    await page.locator('.panel-status', { hasText: 'agreed ad referendum' }).waitFor();
    await page.locator('.dashboard-total', { hasText: 'Agreed ad referendum' }).locator('strong', { hasText: '1' }).waitFor();
    const records = await env.server.server.store.listResolutions(docId);
    expect(records.map((r) => [r.action, r.optionId])).toEqual([['status', 'first-reading'], ['status', 'agreed']]);
    await page.screenshot({ path: `${process.env.PLENIPO_SCREENSHOTS ?? '/tmp'}/plenipo-dashboard.png`, fullPage: true });
    await page.click('a.button-link:has-text("Back to the text")');
    await page.waitForSelector('.ProseMirror.treaty');
    await context.close();
  });
});
