/**
 * A seeded, randomized multi-user editor test: FR and KE delegates and the chair, each in its own
 * Chromium context, take turns doing what the editor offers — type, delete, select and type,
 * paste, bracket, propose an alternative, comment, co-sponsor, undo, Enter — through the keyboard
 * and the toolbar. After every step: every editor holds exactly the server's text, the server
 * refused nothing the editor sent (permission-denied messages counted in each page), every
 * bracket has sponsors, agreed text changed only through the chair, the document is valid under
 * the schema. Prints its seed (a new one each run); `PLENIPO_SEED` replays, `PLENIPO_EDITOR_STEPS` (default 60 per
 * participant) sets the size.
 */
import { writeFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Node } from 'prosemirror-model';
import { listBrackets } from '../shared/model/index.ts';
import { editFacts, refuseEdit } from '../shared/permissions/index.ts';
import { useBrowserAndServer } from './helpers/browser-hooks.ts';
import { openNegotiation, converged, refusalsOf, type Negotiation, type Party } from './helpers/negotiation.ts';
import { negotiationText } from './helpers/negotiation-text.ts';
import { seededRandom } from './helpers/seeded-random.ts';

const env = useBrowserAndServer();
const SEED = process.env.PLENIPO_SEED && process.env.PLENIPO_SEED !== 'random' ? Number(process.env.PLENIPO_SEED) : Math.floor(Math.random() * 2 ** 31);
const STEPS = Number(process.env.PLENIPO_EDITOR_STEPS ?? 60);

const WORDS = ['grave', 'and', 'public', 'measures', 'or networks', 'data', 'shall', 'each Party', 'lawful', 'in bulk', 'services'];

/** Put the caret (or a selection of up to `length` characters) at fractions `a`, `b` of the text; false when no line of text is there. */
function place(page: Page, a: number, b: number, length = 0): Promise<boolean> {
  return page.evaluate(({ a, b, length }) => {
    const view = window.__plenipo!.view;
    const blocks: Array<{ start: number; size: number }> = [];
    view.state.doc.descendants((node, pos) => {
      if (node.type.name === 'comments' || node.type.name === 'docinfo') return false;
      if (node.isTextblock) { blocks.push({ start: pos + 1, size: node.content.size }); return false; }
      return true;
    });
    if (!blocks.length) return false;
    const block = blocks[Math.floor(a * blocks.length)];
    const from = block.start + Math.floor(b * (block.size + 1));
    const to = Math.min(block.start + block.size, from + length);
    window.__plenipoBench!.setSelection(from, to);
    return true;
  }, { a, b, length });
}

/** Put the caret inside a bracket the party does not sponsor yet; false when there is none. */
function intoForeignBracket(page: Page, delegation: string, a: number): Promise<boolean> {
  return page.evaluate(({ delegation, a }) => {
    const view = window.__plenipo!.view;
    const spots: number[] = [];
    view.state.doc.descendants((node, pos) => {
      if (node.type.name === 'comments') return false;
      if (node.isText && node.nodeSize > 1 && node.marks.some((m) => m.type.name === 'bracket' && !(m.attrs.sponsors ?? []).includes(delegation))) spots.push(pos + 1);
      return true;
    });
    if (!spots.length) return false;
    window.__plenipoBench!.setSelection(spots[Math.floor(a * spots.length)]);
    return true;
  }, { delegation, a });
}

async function paste(page: Page, text: string, html: boolean): Promise<void> {
  await page.evaluate(({ text, html }) => {
    const data = new DataTransfer();
    if (html) data.setData('text/html', `<span class="bracket" data-bracket="b-ke">${text}</span>`);
    data.setData('text/plain', text);
    window.__plenipo!.view.dom.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, { text, html });
}

/** Click a toolbar button as a user would (it keeps the text's selection). */
async function tool(page: Page, name: string): Promise<void> {
  await page.evaluate((name) => document.querySelector<HTMLButtonElement>(`.tool[data-command="${name}"]`)?.click(), name);
}

/** One random action of `party` (`delegation`); returns its description for the log. */
async function act(party: Party, delegation: string, random: () => number): Promise<string> {
  const page = party.page;
  const word = WORDS[Math.floor(random() * WORDS.length)];
  const [a, b] = [random(), random()];
  const kind = Math.floor(random() * 10);
  switch (kind) {
    case 0:
      if (!await place(page, a, b)) return 'type: no text';
      await page.keyboard.type(` ${word}`);
      return `type "${word}"`;
    case 1: {
      if (!await place(page, a, b)) return 'delete: no text';
      const key = random() < 0.5 ? 'Backspace' : 'Delete';
      const times = 1 + Math.floor(random() * 3);
      for (let i = 0; i < times; i++) await page.keyboard.press(key);
      return `${key} ×${times}`;
    }
    case 2:
      if (!await place(page, a, b, 1 + Math.floor(random() * 8))) return 'select: no text';
      await page.keyboard.type(word);
      return `select and type "${word}"`;
    case 3: {
      if (!await place(page, a, b)) return 'paste: no text';
      const html = random() < 0.5;
      await paste(page, ` ${word}`, html);
      return `paste${html ? ' (with a bracket)' : ''} "${word}"`;
    }
    case 4:
      if (random() < 0.5) {
        if (!await place(page, a, b, 1 + Math.floor(random() * 8))) return 'bracket: no text';
        await page.keyboard.press('ControlOrMeta+Shift+B');
        return 'bracket the selection';
      }
      if (!await place(page, a, b)) return 'bracket: no text';
      await tool(page, 'bracket');
      await page.keyboard.type(word);
      return `[ ] and type "${word}"`;
    case 5:
      if (!await place(page, a, b, random() < 0.5 ? 0 : 1 + Math.floor(random() * 6))) return 'alternative: no text';
      await page.keyboard.press('ControlOrMeta+Alt+A');
      await page.keyboard.type(word);
      return `alternative "${word}"`;
    case 6: {
      if (!await place(page, a, b, random() < 0.5 ? 0 : 1 + Math.floor(random() * 6))) return 'comment: no text';
      if (random() < 0.5) await tool(page, 'comment');
      else await page.keyboard.press('ControlOrMeta+Alt+M');
      const inBox = await page.evaluate(() => document.activeElement?.closest('.comment-composer') !== null && document.activeElement?.tagName === 'TEXTAREA');
      if (!inBox) return 'comment: not here';
      await page.keyboard.type(`${delegation}: ${word}`);
      await page.keyboard.press('ControlOrMeta+Enter');
      return `comment "${word}"`;
    }
    case 7:
      if (!await intoForeignBracket(page, delegation, a)) return 'co-sponsor: nothing to co-sponsor';
      if (random() < 0.5) await page.keyboard.press('ControlOrMeta+Alt+C');
      else await tool(page, 'cosponsor');
      return 'co-sponsor';
    case 8:
      await page.keyboard.press('ControlOrMeta+Z');
      return 'undo';
    default:
      if (!await place(page, a, b)) return 'Enter: no text';
      await page.keyboard.press('Enter');
      await page.keyboard.type(word);
      return `Enter and type "${word}"`;
  }
}

function checkRecord(doc: Node, before: Node, actorIsChair: boolean, delegation: string): void {
  doc.check();
  // What reached the server is what the rules allow (also while the server's own check is coarser).
  const refusal = refuseEdit(before, doc, { role: actorIsChair ? 'chair' : 'delegate', delegation });
  if (refusal) {
    if (process.env.PLENIPO_FUZZ_DUMP) writeFileSync(process.env.PLENIPO_FUZZ_DUMP, JSON.stringify({ before: before.toJSON(), after: doc.toJSON() }));
    throw new Error(`the rules refuse what the editor sent: ${refusal.detail}`);
  }
  for (const bracket of listBrackets(doc)) {
    if (bracket.kind !== 'alternatives') expect(bracket.sponsors, `bracket ${bracket.id} "${bracket.text}" has no sponsors`).not.toEqual([]);
  }
  if (!actorIsChair) expect(editFacts(doc).agreed, 'agreed text changed by a delegate').toEqual(editFacts(before).agreed);
}

describe('the editor under random use by two delegations and the chair', () => {
  it(`keeps every screen equal to the server's text and sends nothing the server refuses (seed ${SEED}, ${STEPS} steps each)`, async () => {
    console.log(`browser-editor-fuzz: PLENIPO_SEED=${SEED} PLENIPO_EDITOR_STEPS=${STEPS}`);
    const random = seededRandom(SEED);
    const n: Negotiation = await openNegotiation(env, negotiationText());
    const parties: Array<[Party, string, boolean]> = [[n.fr, 'FR', false], [n.ke, 'KE', false], [n.chair, 'CHAIR', true]];
    const errors: string[] = [];
    for (const [party, delegation] of parties) party.page.on('pageerror', (error) => errors.push(`${delegation}: ${error.message}`));
    const log: string[] = [];
    let before = await converged(n);
    try {
      for (let step = 0; step < STEPS * parties.length; step++) {
        const [party, delegation, chair] = parties[Math.floor(random() * parties.length)];
        log.push(`${step} ${delegation}: ${await act(party, delegation, random)}`);
        const after = await converged(n);
        checkRecord(after, before, chair, delegation);
        const refused = await Promise.all(parties.map(([p]) => refusalsOf(p.page)));
        expect(refused, 'permission-denied messages per participant').toEqual([0, 0, 0]);
        expect(errors).toEqual([]);
        before = after;
      }
    } catch (error) {
      const reasons = await Promise.all(parties.map(([p, d]) => p.page.evaluate(() => window.__plenipoRefusalReasons ?? []).then((r) => r.map((x) => `${d}: ${x}`)).catch(() => [])));
      console.error(`browser-editor-fuzz failed with PLENIPO_SEED=${SEED} after:\n${log.slice(-12).join('\n')}\nrefusals: ${reasons.flat().join('\n') || 'none'}`);
      throw error;
    } finally {
      await n.close();
    }
  }, 900_000);
});
