/**
 * Suggesting mode in Chromium with two delegations and the chair at once: what FR and KE type,
 * delete, replace, paste and start comes out as their proposals; edits inside another
 * delegation's bracket stop with a plain sentence; the chair edits agreed text directly. Each
 * test checks what every participant and the server hold afterwards.
 */
import { describe, it, expect, afterEach } from 'vitest';
import type { Node } from 'prosemirror-model';
import { listBrackets, articles } from '../shared/model/index.ts';
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

const inline = (doc: Node) => listBrackets(doc).filter((b) => b.kind === 'inline').map((b) => ({ id: b.id, text: b.text, sponsors: b.sponsors, kind: b.markKind }));

/** The text runs of the textblock holding `text`, each with its bracket marks' kind and sponsors. */
function runsOf(doc: Node, text: string): Array<{ text: string; brackets: string[] }> {
  let out: Array<{ text: string; brackets: string[] }> = [];
  doc.descendants((node) => {
    if (out.length || !node.isTextblock) return !out.length;
    if (!node.textContent.includes(text)) return false;
    node.forEach((child) => out.push({
      text: child.text ?? '',
      brackets: child.marks.filter((m) => m.type.name === 'bracket').map((m) => `${m.attrs.kind}:${(m.attrs.sponsors ?? []).join(',')}`),
    }));
    return false;
  });
  if (!out.length) out = [];
  return out;
}

describe('a delegate in agreed text', () => {
  it('typing writes an insertion bracket sponsored by the delegation, extended as it types', async () => {
    const n = await negotiate();
    await cursorAt(n.fr.page, 'serious hindering');
    await n.fr.page.keyboard.type(' and grave');
    const server = await converged(n);
    expect(server.textContent).toContain('The serious hindering and grave of computer systems');
    expect(inline(server)).toContainEqual(expect.objectContaining({ text: ' and grave', sponsors: ['FR'], kind: 'insert' }));
    await expect(n.ke.page.locator('.treaty .bracket-glyph.close .sponsors[data-sponsors="FR"]').count()).resolves.toBeGreaterThan(1);
    expect(await refusalsOf(n.fr.page)).toBe(0);
  });

  it('Backspace proposes deleting the words: they stay in the text, struck through, for everyone', async () => {
    const n = await negotiate();
    await cursorAt(n.fr.page, 'The serious');
    for (let i = 0; i < 'serious'.length; i++) await n.fr.page.keyboard.press('Backspace');
    const server = await converged(n);
    expect(server.textContent).toContain('The serious hindering of computer systems');
    expect(inline(server)).toContainEqual(expect.objectContaining({ text: 'serious', sponsors: ['FR'], kind: 'delete' }));
    const struck = n.chair.page.locator('.treaty .bracket-delete', { hasText: 'serious' }).first();
    await expect(struck.evaluate((e) => getComputedStyle(e).textDecorationLine)).resolves.toContain('line-through');
    await n.fr.page.keyboard.type('X');
    const after = await converged(n);
    // The cursor went left over the struck words: what FR types next stands before them.
    expect(runsOf(after, 'hindering').slice(0, 3)).toEqual([
      { text: 'The ', brackets: [] }, { text: 'X', brackets: ['insert:FR'] }, { text: 'serious', brackets: ['delete:FR'] },
    ]);
  });

  it('selecting words and typing proposes a deletion of the old words immediately followed by the new ones', async () => {
    const n = await negotiate();
    await selectText(n.fr.page, 'serious');
    await n.fr.page.keyboard.type('grave');
    const server = await converged(n);
    const runs = runsOf(server, 'hindering');
    const index = runs.findIndex((r) => r.text === 'serious');
    expect(runs[index]).toEqual({ text: 'serious', brackets: ['delete:FR'] });
    expect(runs[index + 1]).toEqual({ text: 'grave', brackets: ['insert:FR'] });
  });

  it('Enter starts a new paragraph bracketed as a whole and sponsored by the delegation; the agreed paragraph stays whole', async () => {
    const n = await negotiate();
    await cursorAt(n.fr.page, 'computer systems shall be an offence.');
    await n.fr.page.keyboard.press('Enter');
    await n.fr.page.keyboard.type('Each Party may adopt further measures.');
    const server = await converged(n);
    const block = listBrackets(server).find((b) => b.kind === 'block');
    expect(block).toMatchObject({ sponsors: ['FR'], text: expect.stringContaining('Each Party may adopt further measures.') });
    expect(server.textContent).toContain('The serious hindering of computer systems shall be an offence.');
    expect(articles(server)).toHaveLength(2);
  });

  it('Ctrl-Enter proposes a new article, bracketed and sponsored, without touching the others', async () => {
    const n = await negotiate();
    await cursorAt(n.ke.page, 'computer systems shall be an offence.');
    await n.ke.page.keyboard.press('ControlOrMeta+Enter');
    await n.ke.page.keyboard.type('Cooperation');
    const server = await converged(n);
    const list = articles(server);
    expect(list).toHaveLength(3);
    expect(list[1]).toMatchObject({ heading: expect.stringContaining('Cooperation'), sponsors: ['KE'] });
    expect(list[1].bracket).not.toBeNull();
  });

  it("pasted text becomes the paster's proposal: pasted bracket ids and sponsors are dropped", async () => {
    const n = await negotiate();
    await cursorAt(n.fr.page, 'computer systems');
    await n.fr.page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/html', '<span class="bracket" data-bracket="b-ke">or networks</span>');
      data.setData('text/plain', 'or networks');
      window.__plenipo!.view.dom.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const server = await converged(n);
    expect(inline(server)).toContainEqual(expect.objectContaining({ text: 'or networks', sponsors: ['FR'], kind: 'insert' }));
    expect(inline(server).filter((b) => b.id === 'b-ke')).toEqual([expect.objectContaining({ text: 'or private entity', sponsors: ['KE'] })]);
    expect(await refusalsOf(n.fr.page)).toBe(0);
  });
});

describe('inside a bracket', () => {
  it('the sole sponsor edits its own proposal directly', async () => {
    const n = await negotiate();
    await cursorAt(n.ke.page, 'or private ');
    for (let i = 0; i < 'private '.length; i++) await n.ke.page.keyboard.press('Backspace');
    await n.ke.page.keyboard.type('public ');
    const server = await converged(n);
    expect(inline(server)).toContainEqual({ id: 'b-ke', text: 'or public entity', sponsors: ['KE'], kind: 'insert' });
    expect(server.textContent).not.toContain('private');
  });

  it("another delegation's words cannot be changed: the edit stops with one plain sentence and nothing is sent", async () => {
    const n = await negotiate();
    const before = JSON.stringify((await n.serverDoc()).toJSON());
    await cursorAt(n.fr.page, 'or private');
    await n.fr.page.keyboard.type('x');
    await n.fr.page.keyboard.press('Backspace');
    await n.fr.page.waitForSelector('.edit-status:not([hidden])');
    const message = await n.fr.page.locator('.edit-status').textContent();
    expect(message).toBe('These words are proposed by KE: you can co-sponsor, propose an alternative or comment.');
    await n.fr.page.keyboard.press('ControlOrMeta+Alt+C');
    const server = await converged(n);
    expect(inline(server).find((b) => b.id === 'b-ke')).toEqual({ id: 'b-ke', text: 'or private entity', sponsors: ['KE', 'FR'], kind: 'insert' });
    expect(JSON.stringify(server.toJSON())).not.toBe(before);
    expect(await refusalsOf(n.fr.page)).toBe(0);
  });
});

describe('the chair', () => {
  it('edits agreed text directly, without brackets', async () => {
    const n = await negotiate();
    await cursorAt(n.chair.page, 'serious hindering');
    await n.chair.page.keyboard.type(' and deliberate');
    const server = await converged(n);
    expect(server.textContent).toContain('serious hindering and deliberate of');
    expect(inline(server).some((b) => b.text.includes('deliberate'))).toBe(false);
  });
});

describe('who proposed it', () => {
  it('hovering a proposal names its delegate and the time, from the update log', async () => {
    const n = await negotiate();
    await cursorAt(n.fr.page, 'serious hindering');
    await n.fr.page.keyboard.type(' and grave');
    await converged(n);
    const words = n.ke.page.locator('.treaty [data-proposal]', { hasText: 'and grave' }).first();
    await words.hover();
    const tooltip = n.ke.page.locator('.proposal-tooltip:not([hidden])');
    await expect.poll(() => tooltip.textContent(), { timeout: 5000 }).toMatch(/^Bracketed text — sponsored by FR · Proposed by Marie Dupont \d+ \(FR\), /);
  });
});
