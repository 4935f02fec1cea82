/**
 * The four defects of issue 11 reproduced in Chromium with two delegations and the chair, each
 * checked on what every participant and the server hold afterwards; and an article agreed ad
 * referendum, which takes no delegate edit.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { listBrackets, listComments, articles } from '../shared/model/index.ts';
import { selectText } from './helpers/browser.ts';
import { useBrowserAndServer } from './helpers/browser-hooks.ts';
import { openNegotiation, converged, refusalsOf, cursorAt, type Negotiation } from './helpers/negotiation.ts';
import { negotiationText } from './helpers/negotiation-text.ts';

const env = useBrowserAndServer();
let open: Negotiation | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

async function negotiate(): Promise<Negotiation> {
  open = await openNegotiation(env, negotiationText());
  return open;
}

/** POST as the chair, as the browser would (JSON, same origin). */
async function chairPost(n: Negotiation, path: string, body: unknown): Promise<Response> {
  return fetch(`${env.server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${n.chair.token}`, 'content-type': 'application/json', origin: env.server.url },
    body: JSON.stringify(body),
  });
}

describe('defect 1: the Comment button', () => {
  it('keeps the focus in the comment box: what is typed there and Ctrl-Enter never reach the treaty', async () => {
    const n = await negotiate();
    await selectText(n.fr.page, 'serious hindering');
    await n.fr.page.click('.tool-comment');
    await n.fr.page.keyboard.type('France: too vague');
    await n.fr.page.keyboard.press('ControlOrMeta+Enter');
    const server = await converged(n);
    expect(listComments(server).map((c) => c.text)).toEqual(['France: too vague']);
    expect(server.textContent).toContain('The serious hindering of computer systems shall be an offence.');
    expect(articles(server)).toHaveLength(2);
    const kenyaSees = n.ke.page.locator('.comment-thread', { hasText: 'France: too vague' });
    await kenyaSees.first().waitFor({ timeout: 10_000 });
    expect(await kenyaSees.count()).toBe(1);
  });
});

describe('defect 2: typing next to a bracket', () => {
  it("Ctrl-Shift-B just before France's proposed deletion and typing keeps France's sponsors and kind", async () => {
    const n = await negotiate();
    await cursorAt(n.ke.page, 'and interoperable', 'start');
    await n.ke.page.keyboard.press('ControlOrMeta+Shift+B');
    await n.ke.page.keyboard.type('grave and ');
    const server = await converged(n);
    const list = listBrackets(server);
    const stopped = await n.ke.page.evaluate(() => window.__plenipoStopped ?? []);
    expect(stopped, server.textContent).toEqual([]);
    expect(list.find((b) => b.id === 'b-fr-del')).toMatchObject({ text: 'and interoperable', sponsors: ['FR'], markKind: 'delete' });
    expect(list.map((b) => [b.text, b.sponsors.join(' '), b.markKind])).toContainEqual(['grave and ', 'KE', 'insert']);
    expect(server.textContent).not.toMatch(/[[\]]/);
    expect(await refusalsOf(n.ke.page)).toBe(0);
  });

  it('Ctrl-Alt-A beside an alternative adds an option to its group and keeps every sponsor', async () => {
    const n = await negotiate();
    await cursorAt(n.ke.page, 'spam', 'start');
    await n.ke.page.keyboard.press('ControlOrMeta+Alt+A');
    await n.ke.page.keyboard.type('junk mail');
    const server = await converged(n);
    const group = listBrackets(server).filter((b) => b.group === 'g-spam');
    expect(group.map((b) => [b.text.trim(), b.sponsors.join(' ')])).toEqual([['spam', 'FR'], ['junk mail', 'KE'], ['unsolicited messages', 'KE']]);
    expect(await refusalsOf(n.ke.page)).toBe(0);
  });
});

describe('defect 3: an edit the server refuses after a race', () => {
  it('the editor reopens on the shared text by itself and offers the unsent words, without codes', async () => {
    const n = await negotiate();
    await cursorAt(n.ke.page, 'or private');
    await n.ke.page.evaluate(() => window.__plenipo!.session.provider.disconnect());
    await n.ke.page.keyboard.type(' or public');
    // Meanwhile France co-sponsors Kenya's bracket: Kenya may no longer change its words.
    await cursorAt(n.fr.page, 'or private');
    await n.fr.page.keyboard.press('ControlOrMeta+Alt+C');
    await expect.poll(async () => listBrackets(await n.serverDoc()).find((b) => b.id === 'b-ke')?.sponsors).toEqual(['KE', 'FR']);
    await n.ke.page.evaluate(() => window.__plenipo!.session.provider.connect());
    await n.ke.page.locator('.unsent-text').waitFor();
    await expect(n.ke.page.locator('.unsent-text textarea').inputValue()).resolves.toBe('or public');
    const server = await converged(n);
    expect(listBrackets(server).find((b) => b.id === 'b-ke')).toMatchObject({ text: 'or private entity', sponsors: ['KE', 'FR'] });
    expect(await refusalsOf(n.ke.page)).toBeGreaterThan(0);
    const screen = await n.ke.page.locator('body').innerText();
    expect(screen).not.toMatch(/\b44\d\d\b|br_|b-ke|may only|Reload/);
    // The reopened editor works: Kenya's next proposal reaches everyone.
    await cursorAt(n.ke.page, 'to users');
    await n.ke.page.keyboard.type(' in bulk');
    const after = await converged(n);
    expect(listBrackets(after)).toContainEqual(expect.objectContaining({ text: ' in bulk', sponsors: ['KE'] }));
  });
});

describe('defect 4: inline alternatives', () => {
  it('are one group in the editor and on the chair\'s desk, where the chair chooses an option', async () => {
    const n = await negotiate();
    await expect(n.ke.page.locator('.treaty .bracket-glyph.open .alt-label').allTextContents()).resolves.toEqual(['1', '2']);
    await n.chair.page.click('.tab[data-tab="brackets"]');
    const entry = n.chair.page.locator('.bracket-entry[data-bracket="g-spam"]');
    await expect(entry.locator('button[data-action="choose"]').allTextContents()).resolves.toEqual(['Choose option 1', 'Choose option 2']);
    await expect(n.chair.page.locator('.bracket-entry[data-bracket="b-spam"], .bracket-entry[data-bracket="b-unsol"]').count()).resolves.toBe(0);
    await entry.locator('button[data-action="choose"]', { hasText: 'option 2' }).click();
    await n.chair.page.locator('.bracket-entry[data-bracket="g-spam"]').waitFor({ state: 'detached' });
    const server = await converged(n);
    expect(server.textContent).toMatch(/No person shall send +unsolicited messages to users\./);
    expect(server.textContent).not.toContain('spam');
    expect(listBrackets(server).filter((b) => b.group === 'g-spam')).toEqual([]);
  });
});

describe('an article agreed ad referendum', () => {
  it('takes no delegate edit: the editor says why, nothing is sent, and comments stay possible', async () => {
    const n = await negotiate();
    const response = await chairPost(n, `/api/documents/${n.docId}/articles/art2/status`, { status: 'agreed' });
    expect(response.status).toBe(200);
    await converged(n);
    const before = JSON.stringify((await n.serverDoc()).toJSON());
    await cursorAt(n.fr.page, 'defined in the annex');
    await n.fr.page.keyboard.type('x');
    await n.fr.page.waitForSelector('.edit-status:not([hidden])');
    await expect(n.fr.page.locator('.edit-status').textContent()).resolves.toMatch(/^Article 2 is agreed ad referendum: only the chair can change it/);
    await n.fr.page.keyboard.press('Enter');
    await n.fr.page.keyboard.press('Backspace');
    expect(JSON.stringify((await converged(n)).toJSON())).toBe(before);
    await selectText(n.fr.page, 'defined');
    await n.fr.page.keyboard.press('ControlOrMeta+Alt+M');
    await n.fr.page.keyboard.type('France asks to reopen this article.');
    await n.fr.page.keyboard.press('ControlOrMeta+Enter');
    const server = await converged(n);
    expect(listComments(server).map((c) => c.text)).toEqual(['France asks to reopen this article.']);
    expect(await refusalsOf(n.fr.page)).toBe(0);
  });
});
