import { describe, it, expect } from 'vitest';
import { articles, articleBlocks, findArticle } from '../shared/model/index.ts';
import { treaty, chapter, section, h, art, para, sub, item, p, alts, opt, br } from './helpers/builders.ts';

describe('articles', () => {
  it('lists articles with number, heading and enclosing divisions', () => {
    const doc = treaty(chapter(h('A'), section(h('S'), art({ id: 'a1' }, h('Definitions')))), chapter(h('B'), art({ id: 'a2' }, h('Scope'))));
    expect(articles(doc).map((a) => [a.id, a.number, a.heading, a.path])).toEqual([
      ['a1', '1', 'Definitions', ['Chapter I', 'Section 1']],
      ['a2', '2', 'Scope', ['Chapter II']],
    ]);
  });

  it('gives positions that point at the article node', () => {
    const doc = treaty(art(h('a')), art(h('b')));
    for (const a of articles(doc)) expect(doc.nodeAt(a.pos)).toBe(a.node);
  });

  it('includes articles inside alternatives with their option id', () => {
    const doc = treaty(alts(opt({ id: 'o1' }, art(h('one'))), opt({ id: 'o2' }, art(h('two')))));
    expect(articles(doc).map((a) => [a.heading, a.optionId, a.number])).toEqual([['one', 'o1', '1'], ['two', 'o2', '1']]);
  });

  it('reports the block bracket of a bracketed article', () => {
    const [a] = articles(treaty(art({ bracket: 'b9', sponsors: ['FR', 'US'] }, h('x'))));
    expect([a.bracket, a.sponsors]).toEqual(['b9', ['FR', 'US']]);
  });

  it('finds an article by id or by number', () => {
    const doc = treaty(art({ id: 'a1' }, h('a')), art({ id: 'a2' }, h('b')));
    expect(findArticle(doc, 'a2')?.heading).toBe('b');
    expect(findArticle(doc, '1')?.id).toBe('a1');
    expect(findArticle(doc, 'zz')).toBeNull();
  });
});

describe('articleBlocks', () => {
  it('flattens provisions with their numbering paths', () => {
    const a = art(h('x'), p({ id: 'c' }, 'Chapeau'), para(p({ id: 'p1' }, 'One'), sub(p({ id: 's1' }, 'alpha'), item(p({ id: 'i1' }, 'first')), item(p({ id: 'i2' }, 'second'))), p({ id: 'cl' }, 'closing')));
    expect(articleBlocks(a)).toEqual([
      { id: 'c', label: '', text: 'Chapeau' },
      { id: 'p1', label: '1', text: 'One' },
      { id: 's1', label: '1.a', text: 'alpha' },
      { id: 'i1', label: '1.a.i', text: 'first' },
      { id: 'i2', label: '1.a.ii', text: 'second' },
      { id: 'cl', label: '1', text: 'closing' },
    ]);
  });

  it('keeps brackets in the text, block brackets around the block', () => {
    const a = art(h('x'), para({ bracket: 'bb' }, p({ id: 'p1' }, 'One ', br({ id: 'b1' }, 'more')), sub(p({ id: 's1' }, 'alpha'))));
    expect(articleBlocks(a).map((b) => b.text)).toEqual(['[One [more]', 'alpha]']);
  });

  it('prefixes alternatives with their options', () => {
    const a = art(h('x'), alts(opt({ id: 'o1', sponsors: ['FR'] }, para(p({ id: 'p1' }, 'shall'))), opt({ id: 'o2' })));
    expect(articleBlocks(a)).toEqual([
      { id: 'p1', label: '1', text: 'Option 1 [FR]: shall' },
      { id: 'o2', label: '', text: 'Option 2: [delete]' },
    ]);
  });
});
