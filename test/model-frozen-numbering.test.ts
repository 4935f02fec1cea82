import { describe, it, expect } from 'vitest';
import type { Node } from 'prosemirror-model';
import { numberLabels, freezeNumbers, renumber, followCrossReferences, crossReferenceEdits, nextInsertedLabel, plainText, articles, isFrozen } from '../shared/model/index.ts';
import { compareDocuments } from '../shared/redline/index.ts';
import { documentPage, documentToAkn, documentToDocx } from '../shared/export/index.ts';
import { zipEntry } from './helpers/zip.ts';
import { treaty, docinfo, title, art, h, para, sub, p, alts, opt, doc } from './helpers/builders.ts';

/** Labels of the nodes of one type, in document order. */
function labelsOf(root: Node, type: string): string[] {
  const labels = numberLabels(root);
  const out: string[] = [];
  root.descendants((node, pos) => { if (node.type.name === type) out.push(labels.get(pos)!); });
  return out;
}

/** A frozen document: docinfo numbering frozen, then the given top-level blocks. */
function frozen(...children: Node[]): Node {
  return doc(docinfo({ numbering: 'frozen' }), title('Frozen treaty'), ...children);
}

describe('frozen numbering', () => {
  it('names the Latin suffixes in order after a number', () => {
    const seq = ['5'];
    for (let i = 0; i < 9; i++) seq.push(nextInsertedLabel(seq[seq.length - 1]!));
    expect(seq).toEqual(['5', '5 bis', '5 ter', '5 quater', '5 quinquies', '5 sexies', '5 septies', '5 octies', '5 novies', '5 decies']);
  });

  it('freezing stores every number and marks the docinfo', () => {
    const d = freezeNumbers(treaty(art(h('a'), para(p('x')), para(p('y'))), art(h('b'))));
    expect(isFrozen(d)).toBe(true);
    const stored: string[] = [];
    d.descendants((n) => { if (n.type.name === 'article' || n.type.name === 'paragraph') stored.push(String(n.attrs.number)); });
    expect(stored).toEqual(['1', '1', '2', '2']);
  });

  it('an article inserted after 5 is 5 bis, the next one 5 ter, and 6 stays 6', () => {
    const d = frozen(art({ number: '5' }, h('a')), art(h('new')), art(h('newer')), art({ number: '6' }, h('b')));
    expect(labelsOf(d, 'article')).toEqual(['5', '5 bis', '5 ter', '6']);
  });

  it('a paragraph split off with its stored number reads 2 bis, not a second 2', () => {
    const d = frozen(art({ number: '1' }, h('a'), para({ number: '1' }, p('x')), para({ number: '2' }, p('first half')), para({ number: '2' }, p('second half')), para({ number: '3' }, p('z'))));
    expect(labelsOf(d, 'paragraph')).toEqual(['1', '2', '2 bis', '3']);
  });

  it('a deleted article leaves its number unused', () => {
    const d = frozen(art({ number: '1' }, h('a')), art({ number: '3' }, h('c')));
    expect(labelsOf(d, 'article')).toEqual(['1', '3']);
  });

  it('articles inserted before the first are 1 A and 1 B', () => {
    const d = frozen(art(h('x')), art(h('y')), art({ number: '1' }, h('a')), art(h('z')));
    expect(labelsOf(d, 'article')).toEqual(['1 A', '1 B', '1', '1 bis']);
  });

  it('a paragraph inserted inside an article after paragraph 2 is 2 bis', () => {
    const d = frozen(art({ number: '1' }, h('a'), para({ number: '1' }, p('x')), para({ number: '2' }, p('y')), para(p('new')), para({ number: '3' }, p('z'))));
    expect(labelsOf(d, 'paragraph')).toEqual(['1', '2', '2 bis', '3']);
  });

  it('a sub-paragraph inserted between a and b is a bis', () => {
    const d = frozen(art({ number: '1' }, h('a'), para({ number: '1' }, p('x'), sub({ number: 'a' }, p('s')), sub(p('new')), sub({ number: 'b' }, p('t')))));
    expect(labelsOf(d, 'subparagraph')).toEqual(['a', 'a bis', 'b']);
  });

  it('the paragraphs of a new article are numbered 1, 2 by position', () => {
    const d = frozen(art({ number: '4' }, h('a')), art(h('new'), para(p('x')), para(p('y'))));
    expect(labelsOf(d, 'article')).toEqual(['4', '4 bis']);
    expect(labelsOf(d, 'paragraph')).toEqual(['1', '2']);
  });

  it('an article offered in alternatives after 2 is 2 bis in each option', () => {
    const d = frozen(art({ number: '2' }, h('a')), alts(opt(art(h('o1'))), opt(art(h('o2')))), art({ number: '3' }, h('b')));
    expect(labelsOf(d, 'article')).toEqual(['2', '2 bis', '2 bis', '3']);
  });

  it('a recommendation added after 1.4 in an unfrozen text is 1.4 bis, not 1', () => {
    const d = treaty(art(h('Recs'), para({ number: '1.3' }, p('x')), para({ number: '1.4' }, p('y')), para(p('new')), para({ number: '1.5' }, p('z'))));
    expect(labelsOf(d, 'paragraph')).toEqual(['1.3', '1.4', '1.4 bis', '1.5']);
  });

  it('keeps sequential numbering in an unfrozen text', () => {
    expect(labelsOf(treaty(art(h('a')), art(h('b')), art(h('c'))), 'article')).toEqual(['1', '2', '3']);
  });

  it('shows 5 bis in the plain text, the HTML and the Akoma Ntoso export, and the article list', () => {
    const d = frozen(art({ number: '5' }, h('Five'), para({ number: '1' }, p('x')), para(p('added'))), art(h('Inserted')), art({ number: '6' }, h('Six')));
    const text = plainText(d);
    expect(text).toContain('Article 5 bis');
    expect(text).toMatch(/^1 bis\s+added/m);
    expect(articles(d).map((a) => a.number)).toEqual(['5', '5 bis', '6']);
    expect(documentPage(d, { view: 'bracketed' })).toContain('5 bis');
    expect(documentToAkn(d)).toContain('5 bis');
  });

  it('writes 5 bis in the Word export', async () => {
    const d = frozen(art({ number: '5' }, h('Five'), p('x')), art(h('Inserted'), p('y')), art({ number: '6' }, h('Six'), p('z')));
    const xml = zipEntry(await documentToDocx(d), 'word/document.xml');
    expect(xml).toContain('5 bis');
  });

  it('shows the inserted article as 5 bis in the redline against the frozen text', () => {
    const before = frozen(art({ number: '5' }, h('Five'), p('a')), art({ number: '6' }, h('Six'), p('b')));
    const after = frozen(art({ number: '5' }, h('Five'), p('a')), art(h('Inserted'), p('new words')), art({ number: '6' }, h('Six'), p('b')));
    const json = JSON.stringify(compareDocuments(before, after));
    expect(json).toContain('5 bis');
    expect(json).not.toMatch(/"toNumber":"7"/);
  });
});

describe('renumbering', () => {
  it('gives the sequence back and reports the moves', () => {
    const d = frozen(art({ number: '1' }, h('a')), art(h('new')), art({ number: '3' }, h('c'), para({ number: '1' }, p('x')), para(p('y')), para({ number: '2' }, p('z'))));
    const { doc: out, renumbering } = renumber(d);
    expect(labelsOf(out, 'article')).toEqual(['1', '2', '3']);
    expect(labelsOf(out, 'paragraph')).toEqual(['1', '2', '3']);
    expect(isFrozen(out)).toBe(true);
    expect([...renumbering.articles]).toEqual([['1 bis', '2'], ['3', '3']]);
    expect([...renumbering.paragraphs.get('3')!]).toEqual([['1 bis', '2'], ['2', '3']]);
    // Still frozen: an insertion after the renumbering reads "3 bis".
    const later = out.copy(out.content.append(art(h('later')).type.schema.nodes.doc.create(null, art(h('later'))).content));
    expect(labelsOf(later, 'article')).toEqual(['1', '2', '3', '3 bis']);
  });

  it('keeps dotted prefixes: 1.4, 1.4 bis, 1.5 become 1.1, 1.2, 1.3', () => {
    const d = treaty(art(h('Recs'), para({ number: '1.4' }, p('y')), para(p('new')), para({ number: '1.5' }, p('z'))));
    expect(labelsOf(renumber(d).doc, 'paragraph')).toEqual(['1.1', '1.2', '1.3']);
  });

  it('rewrites cross-references: Article N, Articles N to M, paragraph N of Article M, Article M(N) and own paragraphs', () => {
    const d = frozen(
      art({ number: '1' }, h('a'), para({ number: '1' }, p('See Article 1 bis and Articles 2 to 3.')), para(p('new')), para({ number: '2' }, p('As in paragraph 2, and paragraph 2 of Article 3, Article 3, paragraph 1 and Article 3(1).'))),
      art(h('new')),
      art({ number: '2' }, h('b')),
      art({ number: '3' }, h('c'), para(p('first')), para({ number: '1' }, p('x'))),
    );
    const { doc: numbered, renumbering } = renumber(d);
    const out = followCrossReferences(numbered, d, renumbering);
    const text = plainText(out);
    expect(text).toContain('See Article 2 and Articles 3 to 4.');
    expect(text).toContain('As in paragraph 3, and paragraph 2 of Article 4, Article 4, paragraph 2 and Article 4(2).');
  });

  it('leaves a reference to an unchanged number alone and keeps bracket marks on the number', () => {
    expect(crossReferenceEdits('Article 1 applies.', { articles: new Map([['1', '1']]), paragraphs: new Map() }, null)).toEqual([]);
    expect(crossReferenceEdits('Article 5 A Party', { articles: new Map([['5', '6']]), paragraphs: new Map() }, null)).toEqual([{ from: 8, to: 9, text: '6' }]);
  });

  it('reports the renumbering in the redline', () => {
    const d = frozen(art({ number: '1' }, h('a'), p('x')), art(h('new'), p('fresh text')), art({ number: '2' }, h('b'), p('the second article text')));
    const { doc: out } = renumber(d);
    const redline = compareDocuments(d, out);
    expect(redline.summary.renumbered).toBeGreaterThanOrEqual(2);
  });
});
