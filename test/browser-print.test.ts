/** The print stylesheet: only the text prints, with its numbers, brackets and sponsors. */
import { describe, it, expect } from 'vitest';
import { openDocument } from './helpers/browser.ts';
import { useBrowserAndServer } from './helpers/browser-hooks.ts';
import { sampleTreaty } from './helpers/sample-treaty.ts';

const env = useBrowserAndServer();

describe('printing the bracketed text', () => {
  it('keeps brackets, sponsors and numbers and drops the application around the text', async () => {
    const fr = await env.server.account('Marie Dupont', 'FR', 'delegate');
    const docId = await env.server.document(sampleTreaty(), 'Protocol');
    const { context, page } = await openDocument(env.browser, env.server.url, fr.token, docId);
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.topbar', '.toolbar', '.left', '.right']) {
      await expect(page.locator(chrome).isVisible()).resolves.toBe(false);
    }
    const text = await page.locator('.ProseMirror.treaty').innerText();
    expect(text).toContain('[ITU Membership]KE');
    const numbers = await page.evaluate(() => [...document.querySelectorAll('.treaty [data-num]')]
      .map((e) => getComputedStyle(e, '::before').content).slice(0, 4));
    expect(numbers).toEqual(['"Chapter I"', '"Article 1 – "', '"a)"', '"b)"']);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });
});
