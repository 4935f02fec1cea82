import { describe, it, expect } from 'vitest';
import type { Node } from 'prosemirror-model';
import { schema } from '../shared/schema/index.ts';
import { loadFixture } from '../fixtures/index.ts';
import { compareDocuments } from '../shared/redline/index.ts';
import { documentToAkn, redlineToAkn } from '../shared/export/index.ts';
import { treaty, art, para, plain, preamble, alternatives, option, br, comments, comment, closing } from './helpers/redline-builders.ts';
import { validateAkn, aknText, aknLinePairs, changedLinePairs, looseEnds } from './helpers/akn.ts';
import { prng, randomPair } from './helpers/redline-fuzz.ts';
import { Transform } from 'prosemirror-transform';
import { listBrackets, listComments } from '../shared/model/index.ts';

const fixture = (key: string): Node => schema.nodeFromJSON(loadFixture(key));
const mark = (id: string, sponsors: string[], extra: Record<string, unknown> = {}) => schema.marks.bracket.create({ id, sponsors, ...extra });

/** Rev.1 of a small protocol: six articles. */
function older(): Node {
  return treaty('Protocol on cybercrime',
    preamble(plain('The Parties,')),
    art('s', 'Scope', para(plain('Open to Members ', br('b9', 'FR')('that adopt measures'), '.'))),
    art('d', 'Definitions', para(plain('Each Party shall criminalise ', br('b1', 'KE')('the damaging'), ' of computer data.'))),
    art('ia', 'Illegal access', para(plain({ id: 'p-ia' }, 'Each Party shall adopt such legislative measures as may be necessary.'))),
    art('rm', 'Misuse of devices', para(plain('Each Party shall make the production of devices a criminal offence.'))),
    art('di', 'Data interference', para(plain('Each Party shall punish the deletion of computer data.')), para(plain('A Party may require serious harm.'))),
    art('j', 'Jurisdiction', para(plain('Each Party shall establish jurisdiction over offences committed in its territory.'))),
    closing(plain('DONE at Geneva.')));
}

/**
 * Rev.2: Jurisdiction moved first (6 → 1), Scope, Definitions and Illegal access renumbered, nested
 * brackets and alternatives added, "shall" bracketed for deletion with "may" proposed, a bracket
 * resolved, words deleted inside a bracket, Misuse of devices removed, a provision deleted, an article added.
 */
function newer(): Node {
  const outer = mark('b5', ['US']);
  const inner = mark('b6', ['FR']);
  return treaty('Protocol on cybercrime',
    preamble(plain('The Parties,'), alternatives({ id: 'pa' }, option({ sponsors: ['FR'] }, plain('Recalling the Convention,')), option({ sponsors: ['US'] }))),
    art('j', 'Jurisdiction', para(plain('Each Party shall establish jurisdiction over offences committed in its territory or on board its ships.'))),
    art('s', 'Scope', para(plain('Open to ', schema.text('ITU Membership', [outer, inner]), schema.text(' for Members', [outer]), ' ', br('b9', 'FR')('that adopt'), '.'))),
    art('d', 'Definitions', para(plain('Each Party shall criminalise the damaging of computer data.'))),
    art('ia', 'Illegal access', para(plain({ id: 'p-ia' }, 'Each Party ', schema.text('shall', [mark('b2', ['KE'], { kind: 'delete', group: 'g1' })]), ' ', schema.text('may', [mark('b3', ['KE'], { group: 'g1' })]), ' adopt such legislative measures as may be necessary.'))),
    art('di', 'Data interference', para(plain('Each Party shall punish the deletion of computer data.'))),
    art('n', 'Training for terrorism', para(plain('Each Party shall criminalise training for terrorism.'))),
    closing(plain('DONE at Geneva.')),
    comments(comment({ id: 'c1', target: 'p-ia', delegation: 'KE' }, plain('Too strict.')), comment({ id: 'c2', replyTo: 'c1', delegation: 'FR' }, plain('We agree.'))));
}

const sides = {
  from: { ref: 'v1', label: 'Rev.1', at: '2026-01-15T10:00:00.000Z' },
  to: { ref: 'v2', label: 'Rev.2', at: '2026-02-20T16:30:00.000Z' },
};

describe('redlineToAkn of a version pair with brackets, a move, an added and a removed article and renumbering', () => {
  const from = older();
  const to = newer();
  const xml = redlineToAkn(from, to, { ...sides, generatedAt: '2026-02-21' });

  it('validates against the Akoma Ntoso 3.0 schema', () => {
    const result = validateAkn(xml);
    expect(result.report).toContain('validates');
    expect(result.ok).toBe(true);
  });

  it('gives the newer text exactly when every <del> is dropped', () => {
    expect(aknText(xml, 'del')).toBe(aknText(documentToAkn(to, { generatedAt: '2026-02-21' }), null));
  });

  it('gives the older text of every changed provision when every <ins> is dropped', () => {
    const pairs = aknLinePairs(xml);
    const expected = changedLinePairs(compareDocuments(from, to));
    expect(expected.length).toBeGreaterThanOrEqual(6);
    for (const pair of expected) expect(pairs, pair).toContain(pair);
  });

  it('marks inserted and deleted words at their place', () => {
    expect(xml).toContain('over offences committed in its territory<ins> or on board its ships</ins>.');
    expect(xml).toContain('that adopt<del> measures</del>]</inline>');
    expect(xml).toContain('Open to<ins> </ins><inline name="bracket" class="insert" refersTo="#br_b5 #dlg_US">');
    expect(xml).toMatch(/Each Party <inline name="bracket" class="delete" eId="inl_b2"[^>]*><ins>\[<\/ins>shall<ins>\]<\/ins><\/inline><ins> <\/ins>/);
    expect(xml).toContain('<del>[</del>the damaging<del>]</del>');
  });

  it('nests the new bracket inside the new bracket that encloses it, both inserted', () => {
    expect(xml).toMatch(/<inline name="bracket" class="insert" refersTo="#br_b5 #dlg_US"><ins>\[<\/ins><inline name="bracket" class="insert" refersTo="#br_b6 #dlg_FR"><ins>\[<\/ins><ins>ITU Membership<\/ins><ins>\]<\/ins><\/inline><ins> for<\/ins> Members<ins>\]<\/ins><\/inline>/);
  });

  it('groups inline and block alternatives with alternativeTo', () => {
    expect(xml).toMatch(/<inline name="bracket" class="insert" eId="inl_b3" alternativeTo="inl_b2"/);
    expect(xml).toContain('<container name="option" eId="preamble__container_2__container_2" alternativeTo="preamble__container_2__container_1"');
  });

  it('shows the removed article where it stood, every word deleted, and the deleted provision beside its neighbour', () => {
    expect(xml).toMatch(/<article eId="art_4_del" status="removed"><num><del>Article 4<\/del><\/num><heading><del>Misuse of devices<\/del><\/heading>/);
    expect(xml.indexOf('<article eId="art_4_del"')).toBeGreaterThan(xml.indexOf('<article eId="art_4"'));
    expect(xml.indexOf('<article eId="art_4_del"')).toBeLessThan(xml.indexOf('<article eId="art_5"'));
    expect(xml).toContain('<p>Each Party shall punish the deletion of computer data.</p><p><del>A Party may require serious harm.</del></p>');
  });

  it('writes a renumbered article with its former number and wId', () => {
    expect(xml).toContain('<article eId="art_2" wId="art_1"><num>Article <del>1</del><ins>2</ins></num><heading>Scope</heading>');
  });

  it('records the move, the renumbering, the insertion and the repeal as textualMods with the former numbers', () => {
    const older = '/akn/int/bill/protocol/secretariat/2009-08-01/test-1/eng@2026-01-15_rev-1/!main';
    const mods = xml.match(/<activeModifications>[\s\S]*<\/activeModifications>/)![0];
    expect(mods).toContain(`<textualMod type="renumbering" eId="mod_1" plenipo:change="movement"><source href="${older}#art_6"/><destination href="#art_1"/><previous href="${older}#art_6"/><old href="#art_1"><plenipo:num>Article 6</plenipo:num></old><new href="${older}#art_6"><plenipo:num>Article 1</plenipo:num></new></textualMod>`);
    expect(mods).toMatch(new RegExp(`<textualMod type="renumbering" eId="mod_\\d+"><source href="${older}#art_1"/><destination href="#art_2"/><previous href="${older}#art_1"/><old href="#art_2"><plenipo:num>Article 1</plenipo:num></old>`));
    expect(mods).toMatch(new RegExp(`<textualMod type="repeal" eId="mod_\\d+"><source href="${older}#art_4"/><destination href="#art_4_del"/></textualMod>`));
    expect(mods).toMatch(new RegExp(`<textualMod type="insertion" eId="mod_\\d+"><source href="${older}"/><destination href="#art_6"/></textualMod>`));
    expect(mods).toMatch(/<textualMod type="substitution" eId="mod_\d+"><source href="[^"]*#art_3"\/><destination href="#art_4"\/>/);
  });

  it('is the Expression of the newer version and says it holds several versions', () => {
    expect(xml).toContain('<FRBRExpression><FRBRthis value="/akn/int/bill/protocol/secretariat/2009-08-01/test-1/eng@2026-02-20_rev-2/!main"/>');
    expect(xml).toContain('<FRBRversionNumber value="Rev.2"/>');
    expect(xml).toContain('<bill name="protocol" contains="multipleVersions">');
  });

  it('places each comment thread by a noteRef and links the reply to its thread', () => {
    expect(xml).toContain('as may be necessary.<noteRef href="#cmt_c1" class="comment"/></p>');
    expect(xml).toContain('<note eId="cmt_c2" class="comment reply open" refersTo="#dlg_FR" placementBase="cmt_c1"><p><noteRef href="#cmt_c1" class="inReplyTo"/>We agree.</p></note>');
  });
});

describe('redlineToAkn of the Model Law against the Convention', () => {
  const convention = fixture('convention-2001');
  const modelLaw = fixture('model-law-2009');
  const xml = redlineToAkn(convention, modelLaw, { generatedAt: '2026-02-21' });

  it('validates against the Akoma Ntoso 3.0 schema and differs from the plain export', () => {
    const result = validateAkn(xml);
    expect(result.report).toContain('validates');
    expect(xml).not.toBe(documentToAkn(modelLaw, { generatedAt: '2026-02-21' }));
  });

  it('gives the Model Law exactly without its <del> and the Convention wording of every changed provision without its <ins>', () => {
    expect(aknText(xml, 'del')).toBe(aknText(documentToAkn(modelLaw, { generatedAt: '2026-02-21' }), null));
    const pairs = aknLinePairs(xml);
    const expected = changedLinePairs(compareDocuments(convention, modelLaw));
    expect(expected.length).toBeGreaterThanOrEqual(10);
    for (const pair of expected) expect(pairs, pair).toContain(pair);
  });

  it('marks the word the Model Law prints differently in Article 4 and records its 27 repeals and 3 insertions', () => {
    expect(xml).toMatch(/<article eId="art_4"[\s\S]*?<(ins|del)>[^<]*results?[^<]*<\/\1>[\s\S]*?<\/article>/);
    expect(xml.match(/<textualMod type="repeal"/g)?.length).toBeGreaterThanOrEqual(27);
    expect(xml.match(/<textualMod type="insertion"[^>]*><source [^>]*\/><destination href="#art_/g)).toHaveLength(3);
    expect(xml.match(/<article eId="art_\d+_del" status="removed">/g)).toHaveLength(27);
  });
});

describe('redlineToAkn of every ordered pair of fixtures', () => {
  const keys = ['convention-2001', 'model-law-2009', 'protocol-2009', 'hleg-wa1-2008'];
  const pairs = keys.flatMap((a) => keys.filter((b) => b !== a).map((b) => [a, b] as const));

  it.each(pairs)('validates %s → %s and rebuilds the newer text and every changed provision of the older one', (a, b) => {
    const from = fixture(a);
    const to = fixture(b);
    const xml = redlineToAkn(from, to, { generatedAt: '2026-02-21' });
    expect(validateAkn(xml).report).toContain('validates');
    expect(aknText(xml, 'del')).toBe(aknText(documentToAkn(to, { generatedAt: '2026-02-21' }), null));
    const lines = aknLinePairs(xml);
    for (const pair of changedLinePairs(compareDocuments(from, to))) expect(lines, pair).toContain(pair);
  });
});

describe('redlineToAkn of the HLEG negotiating text after the chair resolves a bracket', () => {
  const hleg = fixture('hleg-wa1-2008');
  const target = listBrackets(hleg).find((b) => b.text === 'ITU Membership')!;
  const tr = new Transform(hleg);
  tr.removeMark(target.from, target.to, hleg.nodeAt(target.from)!.marks.find((m) => m.attrs.id === target.id)!);
  tr.insert(target.from, schema.text('all '));
  const xml = redlineToAkn(hleg, tr.doc, { generatedAt: '2026-02-21' });

  it('validates and deletes the resolved bracket marks around the words that stay', () => {
    expect(validateAkn(xml).report).toContain('validates');
    expect(xml).toContain('participation of <del>[</del><ins>all </ins>ITU Membership<del>]</del> for Members');
  });

  it('rebuilds both texts and keeps every comment thread anchored', () => {
    expect(aknText(xml, 'del')).toBe(aknText(documentToAkn(tr.doc, { generatedAt: '2026-02-21' }), null));
    const pairs = aknLinePairs(xml);
    const expected = changedLinePairs(compareDocuments(hleg, tr.doc));
    expect(expected).toHaveLength(1);
    for (const pair of expected) expect(pairs, pair).toContain(pair);
    expect(xml.match(/<noteRef href="#cmt_[^"]*" class="comment"\/>/g)).toHaveLength(listComments(tr.doc).length);
  });
});

describe('redlineToAkn of seeded random version pairs', () => {
  const runs = Number(process.env.PLENIPO_FUZZ_RUNS ?? 40);
  const seed = Number(process.env.PLENIPO_SEED ?? Date.now() % 100000);

  it(`rebuilds the newer text without <del> and every changed provision's older text without <ins> (${runs} pairs)`, () => {
    const rand = prng(seed);
    let validated = 0;
    for (let run = 0; run < runs; run++) {
      const { from, to } = randomPair(rand, 1 + Math.floor(rand() * 6));
      try {
        const xml = redlineToAkn(from, to, { generatedAt: '2026-02-21' });
        expect(aknText(xml, 'del')).toBe(aknText(documentToAkn(to, { generatedAt: '2026-02-21' }), null));
        const pairs = new Set([...aknLinePairs(xml)].map(looseEnds));
        for (const pair of changedLinePairs(compareDocuments(from, to)).map(looseEnds)) if (pair !== ' ⟂ ') expect(pairs, pair).toContain(pair);
        if (run % 10 === 0) { expect(validateAkn(xml).report).toContain('validates'); validated++; }
      } catch (error) {
        console.error(`redlineToAkn random pair failed: PLENIPO_SEED=${seed} run ${run}`);
        throw error;
      }
    }
    expect(validated).toBeGreaterThan(0);
  });
});
