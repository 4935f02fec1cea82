import { describe, it, expect } from 'vitest';
import { plainText } from '../shared/model/index.ts';
import { treaty, chapter, h, art, para, sub, item, p, alts, opt, br, preamble, closing } from './helpers/builders.ts';

const fr = { id: 'b1', sponsors: ['FR'] };
const us = { id: 'b2', sponsors: ['US'] };

describe('plainText', () => {
  it('renders articles with numbers, headings and numbered provisions', () => {
    const doc = treaty(art(h('Definitions'), p('For the purposes:'), para(p('One'), sub(p('alpha'), item(p('first')), item(p('second'))))));
    expect(plainText(doc)).toBe('Test treaty\n\nArticle 1 – Definitions\nFor the purposes:\n1 One\na alpha\ni first\nii second');
  });

  it('renders divisions with their label and heading', () => {
    const doc = treaty(chapter(h('USE OF TERMS'), art(h('Definitions'))));
    expect(plainText(doc)).toContain('Chapter I – USE OF TERMS\n\nArticle 1 – Definitions');
  });

  it('shows inline brackets, nested ones too', () => {
    const doc = treaty(p('with ', br(fr, br(us, 'ITU Membership'), ' for Members'), '.'));
    expect(plainText(doc)).toBe('Test treaty\nwith [[ITU Membership] for Members].');
  });

  it('puts block brackets around the whole block', () => {
    const doc = treaty(art(h('x'), para({ bracket: 'bb' }, p('one'), sub(p('alpha')))));
    expect(plainText(doc)).toContain('[1 one\na alpha]');
  });

  it('renders alternatives as options with their sponsors, an empty option as [delete]', () => {
    const doc = treaty(art(h('x'), alts(opt({ sponsors: ['FR', 'US'] }, p('shall')), opt({ sponsors: ['KE'] }))));
    expect(plainText(doc)).toContain('Option 1 [FR, US]: shall\nOption 2 [KE]: [delete]');
  });

  it('drops every open bracket in the clean rendering', () => {
    const doc = treaty(art(h('x'),
      para(p('with ', br(fr, br(us, 'ITU Membership'), ' for Members'), ' only.')),
      para({ bracket: 'bb' }, p('gone')),
      alts(opt(p('option text')), opt()),
      para(p('kept'))));
    expect(plainText(doc, { clean: true })).toBe('Test treaty\n\nArticle 1 – x\n1 with only.\n3 kept');
  });

  it('renders a single article given alone, with its explicit number', () => {
    expect(plainText(art({ number: '16' }, h('Expedited preservation'), para(p('Each Party'))))).toBe('Article 16 – Expedited preservation\n1 Each Party');
  });

  it('renders the preamble and the closing formula', () => {
    const doc = treaty(preamble(p('Considering')), art(h('x')), closing(p('Done at Budapest')));
    expect(plainText(doc)).toBe('Test treaty\n\nConsidering\n\nArticle 1 – x\n\nDone at Budapest');
  });
});
