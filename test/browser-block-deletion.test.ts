/**
 * Deleting a whole paragraph or article in Chromium, with two delegations and the chair at once:
 * a delegate's Delete, Backspace or cut over a whole block of agreed text proposes deleting that
 * block (a block bracket of kind `delete` sponsored by the delegation, struck through with its
 * badge for everyone); the chair's Keep text keeps the block and Drop deletes it. Each test checks
 * what every participant and the server hold.
 */
import { describe, it, expect, afterEach } from 'vitest';
import type { Node } from 'prosemirror-model';
import type { Page } from 'playwright-core';
import { useBrowserAndServer } from './helpers/browser-hooks.ts';
import { openNegotiation, converged, refusalsOf, type Negotiation } from './helpers/negotiation.ts';
import { negotiationText } from './helpers/negotiation-text.ts';

const env = useBrowserAndServer();
let open: Negotiation | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

/** The bracket attributes of block `id` in `doc`, or null when the block is gone. */
function blockAttrs(doc: Node, id: string): { bracket: unknown; sponsors: unknown; bracketKind: unknown } | null {
  let found: { bracket: unknown; sponsors: unknown; bracketKind: unknown } | null = null;
  doc.descendants((node) => {
    if (!found && node.attrs.id === id) found = { bracket: node.attrs.bracket, sponsors: node.attrs.sponsors, bracketKind: node.attrs.bracketKind };
    return !found;
  });
  return found;
}

/** Select the whole text of block `id` in `page`'s editor, from its first line's start to its last line's end. */
async function selectBlock(page: Page, id: string): Promise<void> {
  const ok = await page.evaluate((wanted) => {
    const { view } = window.__plenipo!;
    let range: [number, number] | null = null;
    view.state.doc.descendants((node, pos) => {
      if (range) return false;
      if (node.attrs.id !== wanted) return true;
      let from = -1;
      let to = -1;
      node.descendants((child, offset) => {
        if (!child.isTextblock) return true;
        if (from < 0) from = pos + 2 + offset;
        to = pos + 2 + offset + child.content.size;
        return false;
      });
      range = [from, to];
      return false;
    });
    if (!range) return false;
    window.__plenipoBench!.setSelection(range[0], range[1]);
    return true;
  }, id);
  if (!ok) throw new Error(`No block ${JSON.stringify(id)} in the editor`);
}

/** Whether every party's editor shows block `id` struck through with a "delete" badge for `sponsor`. */
async function expectStruck(n: Negotiation, id: string, sponsor: string): Promise<void> {
  for (const party of n.all) {
    const block = party.page.locator(`.treaty [data-id="${id}"].block-bracket-delete`);
    await expect(block.evaluate((e) => getComputedStyle(e).textDecorationLine)).resolves.toContain('line-through');
    const badge = block.locator('.bracket-glyph.close .sponsors').last();
    await expect(badge.getAttribute('data-sponsors')).resolves.toBe(sponsor);
    await expect(badge.textContent()).resolves.toBe(`delete ${sponsor}`);
  }
}

describe('a delegate deleting a whole block of agreed text', () => {
  it('a triple click on a paragraph and Delete propose deleting the paragraph; its words stay, struck through, for everyone', async () => {
    const n = open = await openNegotiation(env, negotiationText());
    const before = (await n.serverDoc()).textContent;
    await n.fr.page.locator('.treaty p', { hasText: 'The serious hindering' }).click({ clickCount: 3 });
    await n.fr.page.keyboard.press('Delete');
    const server = await converged(n);
    expect(blockAttrs(server, 'p1')).toEqual({ bracket: expect.stringMatching(/^br/), sponsors: ['FR'], bracketKind: 'delete' });
    expect(server.textContent).toBe(before);
    await expectStruck(n, 'p1', 'FR');
    expect(await refusalsOf(n.fr.page)).toBe(0);
  });

  it('selecting a whole article and Backspace propose deleting the article, not its paragraphs', async () => {
    const n = open = await openNegotiation(env, negotiationText());
    await selectBlock(n.ke.page, 'art2');
    await n.ke.page.keyboard.press('Backspace');
    const server = await converged(n);
    expect(blockAttrs(server, 'art2')).toMatchObject({ sponsors: ['KE'], bracketKind: 'delete' });
    expect(blockAttrs(server, 'p5')).toEqual({ bracket: null, sponsors: null, bracketKind: null });
    expect(server.textContent).toContain('DefinitionsTerms are defined in the annex.');
    await expectStruck(n, 'art2', 'KE');
    expect(await refusalsOf(n.ke.page)).toBe(0);
  });

  it('cutting a whole paragraph proposes deleting it', async () => {
    const n = open = await openNegotiation(env, negotiationText());
    await selectBlock(n.ke.page, 'p1');
    await n.ke.page.keyboard.press('ControlOrMeta+X');
    const server = await converged(n);
    expect(blockAttrs(server, 'p1')).toMatchObject({ sponsors: ['KE'], bracketKind: 'delete' });
    expect(server.textContent).toContain('The serious hindering of computer systems shall be an offence.');
    expect(await refusalsOf(n.ke.page)).toBe(0);
  });
});

describe('withdrawing a proposed block deletion', () => {
  it('Ctrl-Z withdraws it: the paragraph is agreed text again for everyone', async () => {
    const n = open = await openNegotiation(env, negotiationText());
    await selectBlock(n.fr.page, 'p1');
    await n.fr.page.keyboard.press('Delete');
    await converged(n);
    await n.fr.page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(async () => blockAttrs(await n.serverDoc(), 'p1')).toEqual({ bracket: null, sponsors: null, bracketKind: null });
    await converged(n);
    for (const party of n.all) await expect(party.page.locator('.treaty .block-bracket-delete').count()).resolves.toBe(0);
    expect(await refusalsOf(n.fr.page)).toBe(0);
  });
});

describe('Ctrl-Alt-D (propose deleting the selection)', () => {
  it('on a whole paragraph proposes deleting the paragraph', async () => {
    const n = open = await openNegotiation(env, negotiationText());
    await selectBlock(n.fr.page, 'p5');
    await n.fr.page.keyboard.press('ControlOrMeta+Alt+D');
    const server = await converged(n);
    expect(blockAttrs(server, 'p5')).toMatchObject({ sponsors: ['FR'], bracketKind: 'delete' });
    await expectStruck(n, 'p5', 'FR');
  });
});

describe('the chair resolving a proposed block deletion', () => {
  it('Drop deletes the paragraph and Keep text keeps the article without its bracket, for everyone', async () => {
    const n = open = await openNegotiation(env, negotiationText());
    await selectBlock(n.fr.page, 'p1');
    await n.fr.page.keyboard.press('Delete');
    await selectBlock(n.ke.page, 'art2');
    await n.ke.page.keyboard.press('Delete');
    const proposed = await converged(n);
    const p1 = String(blockAttrs(proposed, 'p1')!.bracket);
    const art2 = String(blockAttrs(proposed, 'art2')!.bracket);
    await n.chair.page.click('.tab[data-tab="brackets"]');
    // The chair's list says what is proposed: deleting the block, not adding it.
    await expect(n.chair.page.locator(`.bracket-entry[data-bracket="${p1}"] .bracket-kind`).textContent()).resolves.toBe('block deletion');
    await expect(n.chair.page.locator(`.bracket-entry[data-bracket="${art2}"] .bracket-kind`).textContent()).resolves.toBe('block deletion');
    await n.chair.page.locator(`.bracket-entry[data-bracket="${p1}"] button[data-action="drop"]`).click();
    await n.chair.page.locator(`.bracket-entry[data-bracket="${p1}"]`).waitFor({ state: 'detached' });
    await n.chair.page.locator(`.bracket-entry[data-bracket="${art2}"] button[data-action="keep"]`).click();
    await n.chair.page.locator(`.bracket-entry[data-bracket="${art2}"]`).waitFor({ state: 'detached' });
    const server = await converged(n);
    expect(blockAttrs(server, 'p1')).toBeNull();
    expect(server.textContent).not.toContain('The serious hindering');
    expect(blockAttrs(server, 'art2')).toEqual({ bracket: null, sponsors: null, bracketKind: null });
    expect(server.textContent).toContain('DefinitionsTerms are defined in the annex.');
    for (const party of n.all) await expect(party.page.locator('.treaty .block-bracket-delete').count()).resolves.toBe(0);
    const resolutions = await env.server.server.store.listResolutions(n.docId);
    expect(resolutions.map((r) => [r.bracketId, r.action])).toEqual([[p1, 'drop'], [art2, 'keep']]);
  });
});
