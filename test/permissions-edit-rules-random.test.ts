/**
 * Seeded random edits against refuseEdit: three delegations and the secretariat take turns; each turn one edit shaped
 * as the editor shapes it (must be allowed; the document moves on) and one hostile edit crafted on
 * the same document (must be refused). `PLENIPO_SEED` replays a run, `PLENIPO_FUZZ_RUNS` sets the
 * number of turns (default 400; the document starts again from the sample every 200 turns). The
 * seed and the last edits are printed on failure. Every tenth turn the verdicts are checked again on
 * documents decoded afresh (as the server's precise path meets them, sharing no subtrees).
 */
import { describe, it, expect } from 'vitest';
import type { Node } from 'prosemirror-model';
import { refuseEdit, type Author } from '../shared/permissions/index.ts';
import { schema } from '../shared/schema/index.ts';
import { sample } from './helpers/edit-samples.ts';
import { honestEdit, hostileEdit, random } from './helpers/edit-generators.ts';

const SEED = Number(process.env.PLENIPO_SEED ?? Math.floor(Math.random() * 2 ** 31));
const TURNS = Number(process.env.PLENIPO_FUZZ_RUNS ?? 400);
const EPISODE = 200;
const fresh = (doc: Node) => schema.nodeFromJSON(doc.toJSON());
const DELEGATES: Author[] = [...['FR', 'KE', 'US'].map((delegation) => ({ role: 'delegate', delegation })), { role: 'secretariat', delegation: 'SEC' }];

describe('refuseEdit on random edits', () => {
  it(`allows every edit the editor shapes and refuses every hostile one (seed ${SEED})`, () => {
    const rand = random(SEED);
    let doc: Node = sample();
    const log: string[] = [];
    let honest = 0;
    let hostile = 0;
    try {
      for (let turn = 0; turn < TURNS; turn++) {
        // Start again from the sample every EPISODE turns, so the document stays of treaty size.
        if (turn % EPISODE === 0) doc = sample();
        const author = DELEGATES[turn % DELEGATES.length];
        const good = honestEdit(doc, author.delegation, rand, author.role === 'secretariat');
        if (good) {
          log.push(`allow: ${good.what}`);
          good.doc.check();
          const refusal = refuseEdit(doc, good.doc, author);
          expect(refusal?.detail ?? null, good.what).toBeNull();
          if (turn % 10 === 0) expect(refuseEdit(fresh(doc), fresh(good.doc), author)?.detail ?? null, good.what).toBeNull();
          doc = good.doc;
          honest++;
        }
        let bad = null;
        try {
          bad = hostileEdit(doc, author.delegation, rand, author.role === 'secretariat');
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
        }
        if (bad && !bad.doc.eq(doc)) {
          log.push(`refuse: ${bad.what}`);
          const refusal = refuseEdit(doc, bad.doc, author);
          expect(refusal, bad.what).not.toBeNull();
          hostile++;
          // As the server meets it: both documents decoded afresh, no shared subtrees, same verdict.
          if (turn % 10 === 0) expect(refuseEdit(fresh(doc), fresh(bad.doc), author)?.message, bad.what).toBe(refusal!.message);
        }
      }
    } catch (error) {
      console.error(`refuseEdit random test failed with PLENIPO_SEED=${SEED}; last edits:\n${log.slice(-8).join('\n')}`);
      throw error;
    }
    expect(honest).toBeGreaterThan(TURNS / 2);
    expect(hostile).toBeGreaterThan(TURNS / 2);
  }, 20_000 + TURNS * 20);
});
