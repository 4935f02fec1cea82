import { describe, it, expect } from 'vitest';
import type { Node } from 'prosemirror-model';
import { compareDocuments, redlineSideText, sideText, type Redline } from '../shared/redline/index.ts';
import { fixtureDocs, prng, randomPair } from './helpers/redline-fuzz.ts';
import { treaty, art, para, plain } from './helpers/redline-builders.ts';

const SEED = Number(process.env.PLENIPO_SEED ?? Date.now() % 1_000_000);
const RUNS = Number(process.env.PLENIPO_FUZZ_RUNS ?? 10_000);

/** Every piece's document range holds real text of its side (a part of the piece's value, brackets aside). */
function rangesHold(r: Redline, from: Node, to: Node): string | null {
  const units = [...r.parts.map((p) => ({ blocks: p.blocks, heading: [] })), ...r.articles.map((a) => ({ blocks: a.blocks, heading: a.heading }))];
  for (const unit of units) {
    for (const changes of [unit.heading, ...unit.blocks.map((b) => b.changes)]) {
      for (const c of changes) {
        for (const [range, doc, value] of [[c.fromRange, from, c.fromValue ?? c.value], [c.toRange, to, c.value]] as const) {
          if (!range) continue;
          // Synthetic "[" and "]" sit between the real characters; compare without them.
          const text = doc.textBetween(range[0], range[1]).replace(/[[\]]/g, '');
          if (!value.replace(/[[\]]/g, '').includes(text)) return `range ${range} holds ${JSON.stringify(text)}, not in piece ${JSON.stringify(value)}`;
        }
      }
    }
  }
  return null;
}

function expectExact(from: Node, to: Node, what: string, checkRanges = true): void {
  const r = compareDocuments(from, to);
  const fromText = redlineSideText(r, 'from');
  const toText = redlineSideText(r, 'to');
  if (fromText !== sideText(from) || toText !== sideText(to)) {
    const side = fromText !== sideText(from) ? 'from' : 'to';
    const [got, want] = side === 'from' ? [fromText, sideText(from)] : [toText, sideText(to)];
    const lines = [got.split('\n'), want.split('\n')];
    const at = lines[1].findIndex((l, i) => l !== lines[0][i]);
    throw new Error(`${what}: the ${side} pieces do not rebuild the ${side} text; first different line ${at}: ${JSON.stringify(lines[0][at])} instead of ${JSON.stringify(lines[1][at])}`);
  }
  const broken = checkRanges ? rangesHold(r, from, to) : null;
  if (broken) throw new Error(`${what}: ${broken}`);
}

describe('the sides of a redline', () => {
  it('rebuild every fixture exactly, for every pair of fixtures', () => {
    const docs = fixtureDocs();
    for (let i = 0; i < docs.length; i++) for (let j = 0; j < docs.length; j++) expectExact(docs[i], docs[j], `fixtures ${i} → ${j}`);
  });

  it('rebuild "Each Party shall adopt" against "Each Party [shall] [may] adopt" with every space', () => {
    const from = treaty('T', art('1', 'Scope', para('Each Party shall adopt')));
    const to = treaty('T', art('1', 'Scope', para('Each Party [shall] [may] adopt')));
    expectExact(from, to, 'brackets typed as text');
    const r = compareDocuments(from, to);
    expect(r.articles[0].blocks[0].changes.map((c) => [c.value, !!c.added, !!c.removed])).toEqual([
      ['Each Party ', false, false], ['[', true, false], ['shall', false, false], ['] [may]', true, false], [' adopt', false, false],
    ]);
  });

  it('keep runs of several spaces, tabs and no-break spaces exactly', () => {
    const from = treaty('T', art('1', 'Scope', para('a  b\tc\u00a0d ')));
    const to = treaty('T', art('1', 'Scope', para('a b c d')));
    expectExact(from, to, 'spaces');
    expectExact(to, from, 'spaces reversed');
  });

  it(`rebuild both sides exactly over ${RUNS} seeded random edit pairs (seed ${SEED})`, () => {
    const rand = prng(SEED);
    for (let run = 0; run < RUNS; run++) {
      const { from, to } = randomPair(rand, 1 + Math.floor(rand() * 6));
      try {
        expectExact(from, to, `run ${run}`, run % 4 === 0);
      } catch (error) {
        console.error(`redline sides: seed ${SEED} (PLENIPO_SEED=${SEED}), run ${run}\nfrom: ${JSON.stringify(from.toJSON())}\nto: ${JSON.stringify(to.toJSON())}`);
        throw error;
      }
    }
  }, 300_000);
});
