import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { compareDocuments, redlineToHtml } from '../shared/redline/index.ts';
import { redlinePage, documentPage, documentToHtml } from '../shared/export/index.ts';
import { rev1, rev2 } from './helpers/redline-samples.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});
afterAll(async () => { await browser?.close(); });

const redline = () => compareDocuments(rev1(), rev2(), { from: { label: 'Rev.1' }, to: { label: 'Rev.2' } });

describe('redline HTML', () => {
  it('renders in Chromium with the summary table and a visible, underlined insertion', async () => {
    const page = await browser.newPage();
    await page.setContent(redlinePage(redline()));
    expect(await page.locator('table.rl-summary').isVisible()).toBe(true);
    expect(await page.locator('table.rl-summary tr', { hasText: 'Articles moved' }).locator('td').textContent()).toBe('1');
    const ins = page.locator('ins', { hasText: 'may' }).first();
    expect(await ins.isVisible()).toBe(true);
    expect(await ins.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('underline');
    const del = page.locator('del', { hasText: 'shall' }).first();
    expect(await del.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
    await page.close();
  });

  it('marks the moved article with a badge', () => {
    const html = redlineToHtml(redline());
    expect(html).toMatch(/<span class="rl-badge rl-badge-moved">moved from Article 4<\/span>/);
  });

  it('declares an A4 page for print and prints to PDF', async () => {
    const page = await browser.newPage();
    await page.setContent(redlinePage(redline()));
    const sizes = await page.evaluate(() => [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules])
      .flatMap((rule) => (rule instanceof CSSMediaRule ? [...rule.cssRules] : [rule]))
      .filter((rule): rule is CSSPageRule => rule instanceof CSSPageRule).map((rule) => rule.style.getPropertyValue('size')));
    expect(sizes.map((s) => s.toUpperCase())).toEqual(['A4']);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});

describe('document HTML', () => {
  it('shows brackets with their sponsors in the bracketed view', () => {
    const html = documentToHtml(rev1());
    expect(html).toContain('<span class="bracket-mark" data-bracket="b1">[</span><span class="bracketed" data-depth="1">the damaging</span>');
    expect(html).toContain('<sup class="sponsors">FR</sup>');
    expect(html).toContain('Should cover attempts.');
  });

  it('drops bracketed wording and comments in the clean view', async () => {
    const page = await browser.newPage();
    await page.setContent(documentPage(rev1(), { view: 'clean' }));
    const text = await page.locator('article', { hasText: 'Data interference' }).innerText();
    expect(text).toContain('Each Party shall criminalise of computer data.');
    expect(text).not.toContain('damaging');
    expect(await page.locator('.comments').count()).toBe(0);
    await page.close();
  });
});
