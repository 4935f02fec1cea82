import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startTestServer, type TestServer } from './helpers/browser.ts';

let browser: Browser;
let server: TestServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startTestServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('signing in with a link that does not work', () => {
  it('shows a page in the client style saying the link was withdrawn and what to do', async () => {
    const { id, token } = await server.account('Kenya', 'KE', 'delegate');
    await server.server.store.revokeAccount(id);
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/login?token=${encodeURIComponent(token)}`);
    expect(response?.status()).toBe(401);
    await expect(page.title()).resolves.toBe('This access link was withdrawn · Plenipo');
    expect(await page.locator('h1').textContent()).toBe('This access link was withdrawn');
    expect(await page.locator('.lead').textContent()).toContain('Ask the secretariat for a new invitation link');
    // The client's own stylesheet is applied: the card looks like the client's sign-in card.
    const card = await page.locator('.card').evaluate((el) => ({ radius: getComputedStyle(el).borderRadius, background: getComputedStyle(el).backgroundColor }));
    expect(card).toEqual({ radius: '8px', background: 'rgb(255, 255, 255)' });
    expect(await page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.href?.includes('/assets/') && sheet.cssRules.length > 20))).toBe(true);
    await page.close();
  });

  it('signs in with a fresh invitation link and lands in the client', async () => {
    const { token } = await server.server.store.createAccount({ name: 'Brazil', delegation: 'BR', role: 'delegate', invitationExpiresAt: Date.now() + 3_600_000 });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login?token=${encodeURIComponent(token)}`);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.evaluate(async () => (await (await fetch('/api/me')).json()).delegation)).toBe('BR');
    await context.close();
  });
});
