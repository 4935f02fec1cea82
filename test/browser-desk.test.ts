/**
 * The secretariat's desk in the browser: the secretariat creates a document by importing plain
 * text (and sees what the importer could not place), invites a delegation, who signs in with the
 * link and opens the document; once revoked, the same link shows the sign-in error page.
 */
import { describe, it, expect } from 'vitest';
import { useBrowserAndServer } from './helpers/browser-hooks.ts';

const env = useBrowserAndServer();

const SOURCE = [
  '# Draft Protocol on Data Exchange',
  '',
  'Article 1 – Scope',
  '',
  '1. This Protocol applies to [electronic evidence]{FR}.',
  '',
  'Article 2 – Definitions',
  '',
  '1. For the purposes of this Protocol, "data" means any representation of facts.',
  '',
  '---',
].join('\n');

describe("the secretariat's desk", () => {
  it('creates a document from plain text, invites a delegation who signs in with the link, and a revoked link shows the error page', async () => {
    const secretariat = await env.server.account('Secretariat', 'SECRETARIAT', 'secretariat');
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${env.server.url}/login?token=${encodeURIComponent(secretariat.token)}`);
    await page.goto(`${env.server.url}/#/`);
    await page.locator('.desk').waitFor();

    await page.fill('.desk-create input[name="title"]', 'Draft Protocol on Data Exchange');
    await page.fill('.desk-create textarea[name="text"]', SOURCE);
    await page.click('.desk-create button[type="submit"]');
    await page.locator('.desk-report', { hasText: 'Created with 2 articles.' }).waitFor();
    expect(await page.locator('.desk-report-warning').textContent()).toBe('1 line could not be placed and was left out:');
    expect(await page.locator('.desk-unplaced li').allTextContents()).toEqual(['Line 11: “---” — page break']);
    const documents = await env.server.server.store.listDocuments();
    const created = documents.find((d) => d.title === 'Draft Protocol on Data Exchange');
    expect(created).toBeTruthy();

    await page.fill('.desk-invite input[name="name"]', 'Delegation of Brazil');
    await page.fill('.desk-invite input[name="delegation"]', 'br');
    await page.click('.desk-invite button[type="submit"]');
    const linkField = page.locator('.desk-invite-link');
    await linkField.waitFor();
    const inviteUrl = await linkField.inputValue();
    expect(inviteUrl).toMatch(/\/login\?token=/);
    await page.locator('.desk-accounts tr', { hasText: 'Delegation of Brazil' }).waitFor();
    expect(await page.locator('.desk-accounts tr', { hasText: 'Delegation of Brazil' }).textContent()).toContain('Never');

    // The delegation signs in with the link in its own browser and opens the new document.
    const delegate = await env.browser.newContext();
    const dp = await delegate.newPage();
    await dp.goto(inviteUrl);
    await dp.locator('.documents .lead', { hasText: 'Signed in as Delegation of Brazil · BR' }).waitFor();
    expect(await dp.locator('.desk').count()).toBe(0);
    await dp.click(`a.document-link[href="#/doc/${created!.id}"]`);
    await dp.waitForSelector('.ProseMirror.treaty');
    expect(await dp.locator('.treaty').textContent()).toContain('electronic evidence');

    // The secretariat sees the activity, then revokes the link.
    await page.reload();
    const row = page.locator('.desk-accounts tr', { hasText: 'Delegation of Brazil' });
    await row.waitFor();
    expect(await row.textContent()).not.toContain('Never');
    await row.locator('button[data-action="revoke"]').click();
    await page.locator('.desk-accounts tr', { hasText: 'Delegation of Brazil' }).locator('td', { hasText: 'Revoked' }).waitFor();

    const again = await env.browser.newContext();
    const ap = await again.newPage();
    const response = await ap.goto(inviteUrl);
    expect(response!.status()).toBe(401);
    expect(await ap.locator('body').innerText()).toMatch(/withdrawn/i);
    await Promise.all([context.close(), delegate.close(), again.close()]);
  });

  it('keeps the text\'s own title without reporting it, and refuses a delegate with 403', async () => {
    const secretariat = await env.server.account('Secretariat', 'SECRETARIAT', 'secretariat');
    const response = await env.server.server.app.request('/api/documents', {
      method: 'POST', headers: { Authorization: `Bearer ${secretariat.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Messy', text: '# Messy\n\nArticle 1 – One\n\n1. Text.\n\nArticle 2 – Two\n\n1. More.' }),
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.report).toEqual({ articles: 2, unplaced: [] });
    const fr = await env.server.account('Marie Dupont', 'FR', 'delegate');
    const refused = await env.server.server.app.request('/api/documents', {
      method: 'POST', headers: { Authorization: `Bearer ${fr.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'Mine' }),
    });
    expect(refused.status).toBe(403);
  });
});
