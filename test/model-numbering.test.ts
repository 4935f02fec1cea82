import { describe, it, expect } from 'vitest';
import type { Node } from 'prosemirror-model';
import { numberLabels, toRoman, fromRoman, toLetter, fromLetter, articles } from '../shared/model/index.ts';
import { treaty, chapter, section, h, art, para, sub, item, p, alts, opt } from './helpers/builders.ts';

/** Labels of the nodes of one type, in document order. */
function labelsOf(doc: Node, type: string): string[] {
  const labels = numberLabels(doc);
  const out: string[] = [];
  doc.descendants((node, pos) => { if (node.type.name === type) out.push(labels.get(pos)!); });
  return out;
}

describe('numbering', () => {
  it('numbers articles by position across the whole document', () => {
    const doc = treaty(chapter(h('A'), art(h('x')), art(h('y'))), chapter(h('B'), art(h('z'))));
    expect(labelsOf(doc, 'article')).toEqual(['1', '2', '3']);
  });

  it('renumbers articles after an insert', () => {
    const before = treaty(art(h('a')), art(h('b')));
    const after = treaty(art(h('new')), art(h('a')), art(h('b')));
    expect(labelsOf(before, 'article')).toEqual(['1', '2']);
    expect(labelsOf(after, 'article')).toEqual(['1', '2', '3']);
  });

  it('continues after an integer explicit article number', () => {
    const doc = treaty(art(h('a')), art({ number: '16' }, h('b')), art(h('c')));
    expect(labelsOf(doc, 'article')).toEqual(['1', '16', '17']);
  });

  it('shows a non-integer explicit number without consuming one', () => {
    const doc = treaty(art(h('a')), art({ number: '1bis' }, h('b')), art(h('c')));
    expect(labelsOf(doc, 'article')).toEqual(['1', '1bis', '2']);
  });

  it('numbers paragraphs within their article', () => {
    const doc = treaty(art(h('a'), para(p('x')), para(p('y'))), art(h('b'), para(p('z'))));
    expect(labelsOf(doc, 'paragraph')).toEqual(['1', '2', '1']);
  });

  it('letters sub-paragraphs within their parent and restarts in the next paragraph', () => {
    const doc = treaty(art(h('a'), para(p('x'), sub(p('s')), sub(p('t'))), para(p('y'), sub(p('u')))));
    expect(labelsOf(doc, 'subparagraph')).toEqual(['a', 'b', 'a']);
  });

  it('numbers items in lower-case roman within their sub-paragraph', () => {
    const doc = treaty(art(h('a'), sub(p('s'), item(p('1')), item(p('2')), item(p('3')), item(p('4')))));
    expect(labelsOf(doc, 'item')).toEqual(['i', 'ii', 'iii', 'iv']);
  });

  it('numbers chapters across the document in roman and sections within their chapter', () => {
    const doc = treaty(
      chapter(h('A'), section(h('s1')), section(h('s2'))),
      chapter(h('B'), section(h('s1'))),
    );
    const labels = numberLabels(doc);
    const out: string[] = [];
    doc.descendants((node, pos) => { if (node.type.name === 'division') out.push(`${node.attrs.kind}:${labels.get(pos)}`); });
    expect(out).toEqual(['chapter:I', 'section:1', 'section:2', 'chapter:II', 'section:1']);
  });

  it('continues after an explicit roman chapter number', () => {
    const doc = treaty(chapter({ number: 'III' }, h('A')), chapter(h('B')));
    expect(labelsOf(doc, 'division')).toEqual(['III', 'IV']);
  });

  it('numbers each option of an alternatives group from the same counter', () => {
    const doc = treaty(art(h('a')), alts(opt(art(h('b1')), art(h('b2'))), opt(art(h('c1')))), art(h('d')));
    expect(labelsOf(doc, 'article')).toEqual(['1', '2', '3', '2', '4']);
  });

  it('numbers paragraphs in alternatives inside an article from the same counter', () => {
    const doc = treaty(art(h('a'), para(p('x')), alts(opt(para(p('o1'))), opt()), para(p('y'))));
    expect(labelsOf(doc, 'paragraph')).toEqual(['1', '2', '3']);
  });

  it('gives the same numbers to articles() as to numberLabels()', () => {
    const doc = treaty(art(h('a')), art({ number: '10' }, h('b')), art(h('c')));
    expect(articles(doc).map((a) => a.number)).toEqual(['1', '10', '11']);
  });
});

describe('number styles', () => {
  it('writes and reads roman numerals', () => {
    expect([1, 4, 9, 14, 40, 48].map(toRoman)).toEqual(['i', 'iv', 'ix', 'xiv', 'xl', 'xlviii']);
    expect(fromRoman('XLVIII')).toBe(48);
    expect(fromRoman('iiii')).toBeNull();
  });

  it('writes and reads sub-paragraph letters', () => {
    expect([1, 2, 26, 27].map(toLetter)).toEqual(['a', 'b', 'z', 'aa']);
    expect(fromLetter('c')).toBe(3);
    expect(fromLetter('1')).toBeNull();
  });

  it('rejects a number that has no roman numeral', () => {
    expect(() => toRoman(0)).toThrow(/No roman numeral for 0/);
  });
});
