import { describe, it, expect } from 'vitest';
import type { Node } from 'prosemirror-model';
import { compareDocuments } from '../shared/redline/index.ts';
import { treaty, art, para, plain, preamble, closing, comments, comment, br, division, heading, filler, subparagraph } from './helpers/redline-builders.ts';

const articleList = (n: number) => Array.from({ length: n }, (_, i) => art(String(i + 1), `Heading ${String.fromCharCode(65 + i)}`, para(filler(`s${i}`)), para(filler(`t${i}`, 12))));

function draft(...articles: Node[]): Node {
  return treaty('Protocol on cybercrime', preamble(plain('The Parties to this Protocol,')), division({ kind: 'chapter' }, heading('General'), ...articles), closing(plain('DONE at Geneva.')));
}

describe('compareDocuments', () => {
  it('reports every article and part as unchanged when a document is compared with itself', () => {
    const d = draft(...articleList(6));
    const r = compareDocuments(d, d);
    expect(r.summary).toMatchObject({ added: 0, removed: 0, modified: 0, moved: 0, unchanged: 6, renumbered: 0, bracketsOpened: 0, bracketsResolved: 0, wordsAdded: 0, wordsRemoved: 0 });
    expect(r.articles.every((a) => a.status === 'unchanged' && a.blocks.every((b) => b.status === 'unchanged'))).toBe(true);
    expect(r.parts.map((p) => [p.key, p.status])).toEqual([['title', 'unchanged'], ['preamble', 'unchanged'], ['division-1', 'unchanged'], ['closing', 'unchanged']]);
  });

  it('shows a one-word edit as exactly one word removed and one word added', () => {
    const from = draft(art('1', 'Scope', para('Each Party shall adopt such legislative measures as may be necessary.')));
    const to = draft(art('1', 'Scope', para('Each Party may adopt such legislative measures as may be necessary.')));
    const r = compareDocuments(from, to);
    const [a] = r.articles;
    expect(a.status).toBe('modified');
    const changed = a.blocks[0].changes.filter((c) => c.added || c.removed).map(({ value, added, removed }) => ({ value, added, removed }));
    expect(changed).toEqual([{ value: 'shall', removed: true, added: undefined }, { value: 'may', added: true, removed: undefined }]);
    expect(r.summary).toMatchObject({ modified: 1, wordsAdded: 1, wordsRemoved: 1 });
  });

  it('detects an article renumbered by an insertion as renumbered, not removed and added', () => {
    const base = articleList(5);
    const inserted = art('new', 'Heading New', para(filler('inserted')));
    const r = compareDocuments(draft(...base), draft(base[0], inserted, ...base.slice(1)));
    expect(r.summary).toMatchObject({ added: 1, removed: 0, moved: 0, renumbered: 4, unchanged: 5 });
    const third = r.articles.find((a) => a.fromNumber === '2')!;
    expect(third).toMatchObject({ toNumber: '3', status: 'unchanged', renumbered: true, fromHeading: 'Heading B' });
    expect(r.articles.map((a) => a.status)).toEqual(['unchanged', 'added', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });

  it('detects an article moved to another place as moved', () => {
    const base = articleList(6);
    const r = compareDocuments(draft(...base), draft(base[0], base[4], base[1], base[2], base[3], base[5]));
    expect(r.summary).toMatchObject({ added: 0, removed: 0, moved: 1 });
    const moved = r.articles.find((a) => a.status === 'moved')!;
    expect(moved).toMatchObject({ fromNumber: '5', toNumber: '2', fromHeading: 'Heading E', renumbered: true, textChanged: false });
    expect(r.articles[1].key).toBe(moved.key);
  });

  it('aligns a moved and retitled article by the similarity of its content', () => {
    const base = articleList(4);
    const edited = art('4', 'A new heading', para(filler('s3')), para(filler('t3', 12).replace('shall', 'may')));
    const r = compareDocuments(draft(...base), draft(edited, base[0], base[1], base[2]));
    const a = r.articles.find((x) => x.fromNumber === '4')!;
    expect(a).toMatchObject({ toNumber: '1', matchedBy: 'similarity', textChanged: true });
    expect(r.summary.added + r.summary.removed).toBe(0);
  });

  it('places a removed article where it stood', () => {
    const base = articleList(4);
    const r = compareDocuments(draft(...base), draft(base[0], base[2], base[3]));
    expect(r.articles.map((a) => `${a.fromNumber}>${a.toNumber}:${a.status}`)).toEqual(['1>1:unchanged', '2>null:removed', '3>2:unchanged', '4>3:unchanged']);
  });

  it('keeps paragraphs aligned when a paragraph is inserted before them', () => {
    const p1 = para(filler('p1', 10));
    const p2 = para(filler('p2', 10));
    const r = compareDocuments(draft(art('1', 'Scope', p1, p2)), draft(art('1', 'Scope', para('A new first paragraph.'), p1, p2)));
    expect(r.articles[0].blocks.map((b) => `${b.fromLabel}>${b.toLabel}:${b.status}`)).toEqual(['null>1:added', '1>2:unchanged', '2>3:unchanged']);
  });

  it('diffs sub-paragraphs by their labels', () => {
    const from = draft(art('1', 'Definitions', para(plain('For the purposes of this Convention:'), subparagraph(plain('"computer system" means any device')), subparagraph(plain('"computer data" means any representation')))));
    const to = draft(art('1', 'Definitions', para(plain('For the purposes of this Protocol:'), subparagraph(plain('"computer system" means any device')), subparagraph(plain('"computer data" means any representation')))));
    const blocks = compareDocuments(from, to).articles[0].blocks;
    expect(blocks.map((b) => `${b.label}:${b.status}`)).toEqual(['1:modified', '1.a:unchanged', '1.b:unchanged']);
  });

  it('reports a heading change of an article kept in place as modified', () => {
    const r = compareDocuments(draft(art('1', 'Scope', para('Text.'))), draft(art('1', 'Scope of application', para('Text.'))));
    expect(r.articles[0]).toMatchObject({ status: 'modified', matchedBy: 'text' });
    // The inserted words keep their leading space (the old diff put it nowhere).
    expect(r.articles[0].heading).toContainEqual(expect.objectContaining({ value: ' of application', added: true }));
  });

  it('reports brackets opened and resolved, with their sponsors', () => {
    const from = draft(art('1', 'Scope', para(plain('open to ', br('b1', 'FR')('all States'), ' and ', br('b2', 'US')('observers')))));
    const to = draft(art('1', 'Scope', para(plain('open to all States and ', br('b3', 'KE', 'BR')('ITU Membership')))));
    const r = compareDocuments(from, to);
    expect(r.summary).toMatchObject({ bracketsOpened: 1, bracketsResolved: 2, bracketsOpen: 1 });
    expect(r.articles[0].brackets.opened).toEqual([expect.objectContaining({ id: 'b3', sponsors: ['KE', 'BR'], text: 'ITU Membership', shape: 'inline' })]);
    expect(r.articles[0].brackets.resolved.map((b) => b.id).sort()).toEqual(['b1', 'b2']);
    const changed = r.articles[0].blocks[0].changes.filter((c) => c.added || c.removed).map((c) => c.value.trim());
    expect(changed).toContain('[');
  });

  it('reports comments added and resolved in the article they concern', () => {
    const body = (status: string, extra: Node[] = []) => [art('1', 'Scope', para(plain({ id: 'p1' }, 'text'))), comments(comment({ id: 'c1', target: 'p1', delegation: 'FR', status }, plain('Too broad.')), ...extra)];
    const r = compareDocuments(treaty('T', ...body('open')), treaty('T', ...body('resolved', [comment({ id: 'c2', target: 'p1', delegation: 'US' }, plain('Agree.'))])));
    expect(r.summary).toMatchObject({ commentsAdded: 1, commentsResolved: 1 });
    expect(r.articles[0].comments.added.map((c) => c.delegation)).toEqual(['US']);
    expect(r.articles[0].comments.resolved.map((c) => c.id)).toEqual(['c1']);
  });

  it('compares the preamble and the closing formula', () => {
    const from = treaty('T', preamble(plain('Considering the aim of the Council of Europe;')), art('1', 'A', para('x')), closing(plain('DONE at Budapest.')));
    const to = treaty('T', preamble(plain('Considering the aim of the United Nations;')), art('1', 'A', para('x')), closing(plain('DONE at Budapest.')));
    const r = compareDocuments(from, to);
    expect(r.parts.find((p) => p.key === 'preamble')!.status).toBe('modified');
    expect(r.parts.find((p) => p.key === 'closing')!.status).toBe('unchanged');
  });
});
