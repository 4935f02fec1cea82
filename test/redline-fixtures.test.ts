import { describe, it, expect } from 'vitest';
import type { Node } from 'prosemirror-model';
import { schema } from '../shared/schema/index.ts';
import { Transform } from 'prosemirror-transform';
import { articles, listBrackets, listComments } from '../shared/model/index.ts';
import { compareDocuments } from '../shared/redline/index.ts';
import { loadFixture } from '../fixtures/index.ts';

const convention = schema.nodeFromJSON(loadFixture('convention-2001'));
const modelLaw = schema.nodeFromJSON(loadFixture('model-law-2009'));

/** The Convention with its articles reordered by `order` (1-based numbers), numbers derived from position. */
function reordered(order: number[]): Node {
  const list = articles(convention);
  const byNumber = new Map(list.map((a) => [Number(a.number), a.node]));
  const head: Node[] = [];
  convention.forEach((child) => { if (['docinfo', 'title', 'preamble'].includes(child.type.name)) head.push(child); });
  const body = order.map((n) => byNumber.get(n)!);
  const tail: Node[] = [];
  convention.forEach((child) => { if (child.type.name === 'closing') tail.push(child); });
  const doc = schema.nodes.doc.create(null, [...head, ...body, ...tail]);
  doc.check();
  return doc;
}

describe('redline of the real texts', () => {
  it('says every article of the 2001 Convention is unchanged against itself', () => {
    const r = compareDocuments(convention, convention);
    expect(r.summary).toMatchObject({ unchanged: 48, added: 0, removed: 0, modified: 0, moved: 0, wordsAdded: 0, wordsRemoved: 0 });
  });

  it('shows the Model Law Articles 2 to 9 as the Convention text, apart from its two real wording differences', () => {
    const r = compareDocuments(convention, modelLaw);
    const quoted = r.articles.filter((a) => a.fromNumber === a.toNumber && ['2', '3', '4', '5', '6', '7', '8', '9'].includes(a.toNumber ?? ''));
    expect(quoted.map((a) => a.toNumber)).toEqual(['2', '3', '4', '5', '6', '7', '8', '9']);
    expect(quoted.every((a) => a.matchedBy === 'number-heading' && a.fromHeading === a.toHeading)).toBe(true);
    // The Model Law quotes the Convention; where its printing differs ("result" for "results" in
    // Article 4), the redline shows that word and nothing else.
    for (const a of quoted) {
      const changed = a.blocks.flatMap((b) => b.changes.filter((c) => c.added || c.removed));
      expect(a.status).toBe(changed.length === 0 ? 'unchanged' : 'modified');
      expect(changed.every((c) => c.value.trim().split(/\s+/).length <= 2)).toBe(true);
      expect(changed.length).toBeLessThanOrEqual(4);
    }
    expect(quoted.filter((a) => a.status === 'unchanged').length).toBeGreaterThanOrEqual(6);
  });

  it('shows the terrorism articles the Model Law adds as added, not as changes of Convention articles', () => {
    const r = compareDocuments(convention, modelLaw);
    expect(r.articles.filter((a) => a.status === 'added').map((a) => a.toHeading)).toEqual(['Public provocation to commit a terrorist offence', 'Recruitment for terrorism', 'Training for terrorism']);
  });

  it('detects the Convention articles after a deleted one as renumbered', () => {
    const order = Array.from({ length: 48 }, (_, i) => i + 1).filter((n) => n !== 16);
    const r = compareDocuments(convention, reordered(order));
    expect(r.summary).toMatchObject({ removed: 1, added: 0, moved: 0, modified: 0, unchanged: 47, renumbered: 32 });
    expect(r.articles.find((a) => a.fromNumber === '17')).toMatchObject({ toNumber: '16', renumbered: true, status: 'unchanged' });
  });

  it('detects a Convention article moved to the front as moved', () => {
    const order = [22, ...Array.from({ length: 48 }, (_, i) => i + 1).filter((n) => n !== 22)];
    const r = compareDocuments(convention, reordered(order));
    expect(r.summary).toMatchObject({ moved: 1, added: 0, removed: 0 });
    expect(r.articles[0]).toMatchObject({ fromNumber: '22', toNumber: '1', status: 'moved', fromHeading: 'Jurisdiction' });
  });
});

describe('redline of the HLEG negotiating text', () => {
  const hleg = schema.nodeFromJSON(loadFixture('hleg-wa1-2008'));

  it('reports a bracket resolved by the chair and the words that lost their brackets', () => {
    const target = listBrackets(hleg).find((b) => b.text === 'ITU Membership')!;
    const tr = new Transform(hleg);
    tr.removeMark(target.from, target.to, schema.marks.bracket.create({ ...hleg.nodeAt(target.from)!.marks.find((m) => m.attrs.id === target.id)!.attrs }));
    const r = compareDocuments(hleg, tr.doc);
    expect(r.summary).toMatchObject({ bracketsResolved: 1, bracketsOpened: 0, modified: 1 });
    const article = r.articles.find((a) => a.status === 'modified')!;
    expect(article.brackets.resolved).toEqual([expect.objectContaining({ id: target.id, text: 'ITU Membership' })]);
    const changed = article.blocks.flatMap((b) => b.changes.filter((c) => c.added || c.removed).map((c) => c.value.trim()));
    expect(changed).toEqual(['[', ']']);
  });

  it('reports a comment thread marked resolved', () => {
    const thread = listComments(hleg)[0];
    let pos = -1;
    hleg.descendants((node, p) => { if (node.type.name === 'comment' && node.attrs.id === thread.id) pos = p; return pos < 0; });
    const tr = new Transform(hleg).setNodeMarkup(pos, null, { ...hleg.nodeAt(pos)!.attrs, status: 'resolved' });
    const r = compareDocuments(hleg, tr.doc);
    expect(r.summary.commentsResolved).toBeGreaterThanOrEqual(1);
    expect(r.articles.find((a) => a.toNumber === thread.articleNumber)!.comments.resolved.map((c) => c.id)).toContain(thread.id);
  });
});
