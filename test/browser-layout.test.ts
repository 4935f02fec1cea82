/**
 * The layout from a conference projector to a tablet and on paper: at 1024×700 and 768×1024 the
 * text column keeps at least 560 px and the folded panels open from their toggles; in print the
 * comments come as notes at the end and every page carries the symbol, version and date.
 * Screenshots go to $PLENIPO_SCREENSHOTS (default the system temp folder) for a person to look at.
 */
import { describe, it, expect } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowserAndServer } from './helpers/browser-hooks.ts';
import { sampleTreaty } from './helpers/sample-treaty.ts';

const env = useBrowserAndServer();
const shots = process.env.PLENIPO_SCREENSHOTS ?? tmpdir();

async function openAt(width: number, height: number): Promise<{ page: Page; close(): Promise<void> }> {
  const fr = await env.server.account('Marie Dupont', 'FR', 'delegate');
  const docId = await env.server.document(sampleTreaty(), 'Protocol');
  const context = await env.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/login?token=${encodeURIComponent(fr.token)}`);
  await page.goto(`${env.server.url}/#/doc/${encodeURIComponent(docId)}`);
  await page.waitForSelector('.ProseMirror.treaty');
  return { page, close: () => context.close() };
}

const width = (page: Page, selector: string) => page.locator(selector).evaluate((e) => e.getBoundingClientRect().width);

describe('layout', () => {
  it('keeps the text column at least 560 px wide at 1024×700 and opens the folded outline from its toggle', async () => {
    const { page, close } = await openAt(1024, 700);
    expect(await width(page, '.paper')).toBeGreaterThanOrEqual(560);
    expect(await width(page, '.paper-scroll')).toBeGreaterThanOrEqual(560);
    expect(await page.locator('.right').isVisible()).toBe(true);
    expect(await page.locator('.left').isVisible()).toBe(false);
    await page.screenshot({ path: join(shots, 'plenipo-1024x700.png') });
    await page.click('button[data-toggle="left"]');
    expect(await page.locator('.left .outline-link').first().isVisible()).toBe(true);
    expect(await width(page, '.paper')).toBeGreaterThanOrEqual(560);
    await page.screenshot({ path: join(shots, 'plenipo-1024x700-outline.png') });
    await page.keyboard.press('Escape');
    expect(await page.locator('.left').isVisible()).toBe(false);
    await close();
  });

  it('works on a tablet at 768×1024: the text takes the width and the side panels open from a toggle', async () => {
    const { page, close } = await openAt(768, 1024);
    expect(await width(page, '.paper')).toBeGreaterThanOrEqual(560);
    expect(await page.locator('.right').isVisible()).toBe(false);
    await page.screenshot({ path: join(shots, 'plenipo-768x1024.png') });
    await page.click('button[data-toggle="right"]');
    await page.locator('.right .tab[data-tab="comments"]').waitFor();
    expect(await page.locator('.right').isVisible()).toBe(true);
    await page.screenshot({ path: join(shots, 'plenipo-768x1024-panels.png') });
    await page.click('button[data-toggle="right"]');
    expect(await page.locator('.right').isVisible()).toBe(false);
    await close();
  });

  it('prints comments as notes at the end and the symbol, version and date in the page header', async () => {
    const { page, close } = await openAt(1440, 900);
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => document.getElementById('print-page-header')?.textContent?.includes('PLENIPO/TEST/1'));
    const text = await page.locator('#print-page-header').evaluate((e) => e.textContent ?? '');
    expect(text).toMatch(/@top-left \{ content: "PLENIPO\/TEST\/1"/);
    expect(text).toContain('Working text');
    expect(text).toMatch(/\d{4}-\d{2}-\d{2}/);
    const notes = await page.locator('.print-notes').innerText();
    expect(notes).toContain('Comments');
    expect(notes).toMatch(/Article \d+ — US: Should "necessary" be qualified\?/);
    await page.screenshot({ path: join(shots, 'plenipo-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await close();
  });
});
