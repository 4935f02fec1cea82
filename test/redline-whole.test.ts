import { describe, it, expect } from 'vitest';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { schema } from '../shared/schema/index.ts';
import { compareDocuments, redlineToHtml, redlineSideText, redlineSteps, sideText, readableDate, diffText } from '../shared/redline/index.ts';
import { loadFixture } from '../fixtures/index.ts';
import { longProvisionPair, manyProvisionsPair } from '../bench/redline.ts';
import { treaty, art, para, plain, division, heading } from './helpers/redline-builders.ts';

const convention = schema.nodeFromJSON(loadFixture('convention-2001'));
const modelLaw = schema.nodeFromJSON(loadFixture('model-law-2009'));

/** `doc` with `text` typed right after the first occurrence of `after` in a text node. */
function typeAfter(doc: Node, after: string, text: string): Node {
  let at = -1;
  doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text!.includes(after)) at = pos + node.text!.indexOf(after) + after.length;
    return at < 0;
  });
  if (at < 0) throw new RangeError(`No text ${JSON.stringify(after)} in the document`);
  return new Transform(doc).insert(at, schema.text(text)).doc;
}

describe('the whole document in a redline', () => {
  it('keeps the ground truth of the Model Law against the Convention: 21 pairs, 3 added, 27 removed, 2 really modified', () => {
    const r = compareDocuments(convention, modelLaw);
    const paired = r.articles.filter((a) => a.fromNumber != null && a.toNumber != null);
    expect(paired.length).toBe(21);
    expect(r.summary).toMatchObject({ added: 3, removed: 27, modified: 2, moved: 0 });
    expect(r.articles.filter((a) => a.status === 'modified').map((a) => a.toNumber)).toEqual(['4', '15']);
  });

  it('reports " AND PROCEDURAL" typed into a chapter heading as a change of that heading', () => {
    const r = compareDocuments(modelLaw, typeAfter(modelLaw, 'SUBSTANTIVE', ' AND PROCEDURAL'));
    const changed = r.parts.filter((p) => p.status !== 'unchanged');
    expect(changed.map((p) => [p.kind, p.division, p.status])).toEqual([['division', 'chapter', 'modified']]);
    expect(changed[0].blocks[0].changes.filter((c) => c.added).map((c) => c.value)).toEqual([' AND PROCEDURAL']);
    expect(r.summary.wordsAdded).toBe(2);
  });

  it('reports " NOT" typed into the text placed directly in a chapter', () => {
    const r = compareDocuments(modelLaw, typeAfter(modelLaw, 'IMPLEMENT', ' NOT'));
    const changed = r.parts.filter((p) => p.status !== 'unchanged');
    expect(changed.map((p) => [p.kind, p.status])).toEqual([['text', 'modified']]);
    expect(changed[0].blocks[0].changes.filter((c) => c.added).map((c) => c.value)).toEqual([' NOT']);
  });

  it("shows the Model Law's Chapter 5 on identity theft, all nine paragraphs, as added against the Convention", () => {
    const r = compareDocuments(convention, modelLaw);
    const index = r.parts.findIndex((p) => p.kind === 'division' && p.blocks[0].changes.some((c) => c.value.includes('OTHER CYBERCRIME LEGISLATION')));
    expect(r.parts[index]).toMatchObject({ status: 'added', division: 'chapter' });
    const text = r.parts[index + 1];
    expect(text).toMatchObject({ kind: 'text', status: 'added' });
    expect(text.blocks.length).toBe(9);
    expect(text.blocks[0].changes[0].value).toBe('Recommended Identity Theft or Identity Infringements Legislation');
  });

  it('rebuilds both texts of the Model Law against the Convention exactly from the pieces', () => {
    const r = compareDocuments(convention, modelLaw);
    expect(redlineSideText(r, 'from')).toBe(sideText(convention));
    expect(redlineSideText(r, 'to')).toBe(sideText(modelLaw));
  });

  it('reports the Model Law\'s other quotes in Article 1 as typography, keeping both texts exactly', () => {
    const a1 = compareDocuments(convention, modelLaw).articles.find((a) => a.toNumber === '1')!;
    expect(a1.status).toBe('unchanged');
    const typo = a1.blocks.filter((b) => b.typography);
    expect(typo.length).toBeGreaterThan(0);
    const piece = typo[0].changes.find((c) => c.fromValue != null)!;
    expect(piece.fromValue).toMatch(/[“”]/);
    expect(piece.value).toMatch(/"/);
  });

  it('reads every unit once in the sequence, and a moved article twice', () => {
    const base = [1, 2, 3, 4, 5].map((n) => art(String(n), `Heading ${n}`, para(`Text of article ${n} with enough words to be itself.`)));
    const r = compareDocuments(treaty('T', ...base), treaty('T', base[0], base[3], base[1], base[2], base[4]));
    const steps = redlineSteps(r);
    expect(steps.filter((s) => s.type === 'article').length).toBe(r.articles.length);
    expect(steps.filter((s) => s.type === 'part').length).toBe(r.parts.length);
    const moved = r.articles.find((a) => a.status === 'moved')!;
    expect(moved).toMatchObject({ fromNumber: '4', toNumber: '2' });
    const order = steps.map((s) => (s.type === 'moved-from' ? `from:${s.article?.fromNumber}` : s.type === 'article' ? s.article.toNumber : s.part.kind));
    expect(order).toEqual(['title', '1', '2', '3', '4', 'from:4', '5']);
  });

  it('labels the closing words of Art. 6(1)(a) of the Convention as continuing 1.a, not as a second 1.a', () => {
    const a6 = compareDocuments(convention, convention).articles[5];
    expect(a6.toHeading).toBe('Misuse of devices');
    expect(a6.blocks.map((b) => b.label)).toEqual(['1', '1.a', '1.a.i', '1.a.ii', '1.a¶2', '1.b', '2', '3']);
    expect(a6.blocks[4]).toMatchObject({ continued: true });
    const html = redlineToHtml(compareDocuments(convention, convention));
    const section = html.slice(html.indexOf('id="art-6-6"'), html.indexOf('id="art-7-7"'));
    expect(section.match(/<span class="rl-label">1\.a<\/span>/g)?.length).toBe(1);
  });

  it('opens a block-bracketed article with "[" before its heading and closes it after its last provision', () => {
    const bracketed = schema.nodes.article.create({ id: 'art-2', bracket: 'bb1', sponsors: ['FR'] }, [heading('Illegal access'), para('Each Party may adopt.')]);
    const r = compareDocuments(treaty('T', art('1', 'Scope', para('Text.'))), treaty('T', art('1', 'Scope', para('Text.')), bracketed));
    const added = r.articles.find((a) => a.status === 'added')!;
    expect(added.heading.map((c) => c.value).join('')).toBe('[Illegal access');
    expect(added.blocks.at(-1)!.changes.map((c) => c.value).join('')).toBe('Each Party may adopt.]');
  });

  it('gives each added piece the document range of its words in the newer text', () => {
    const from = treaty('T', art('1', 'Scope', para('Each Party shall adopt measures.')));
    const to = treaty('T', art('1', 'Scope', para('Each Party shall promptly adopt measures.')));
    const [added] = compareDocuments(from, to).articles[0].blocks[0].changes.filter((c) => c.added);
    expect(added.value).toBe(' promptly');
    expect(to.textBetween(...added.toRange!)).toBe(' promptly');
  });

  it('diffs one provision of 32,000 words with 30 % of them replaced word by word, rebuilding both sides', () => {
    const { from, to } = longProvisionPair(convention, 32_000, 0.3);
    const r = compareDocuments(from, to);
    expect(redlineSideText(r, 'from')).toBe(sideText(from));
    expect(redlineSideText(r, 'to')).toBe(sideText(to));
    // About 9,600 words really changed; a coarse fallback would report all 32,000.
    expect(r.summary.wordsRemoved).toBeGreaterThan(8_000);
    expect(r.summary.wordsRemoved).toBeLessThan(12_000);
  });

  it('pairs every provision of an article of 2,000 edited and renumbered provisions with its old self', () => {
    const { from, to } = manyProvisionsPair(convention, 2_000);
    const [article] = compareDocuments(from, to).articles;
    expect(article.blocks.length).toBe(2_001);
    expect(article.blocks[0]).toMatchObject({ status: 'added', toLabel: '1' });
    expect(article.blocks.slice(1).every((b, k) => b.status === 'modified' && b.fromLabel === String(k + 1) && b.toLabel === String(k + 2))).toBe(true);
  });

  it('returns to a minimal word diff for a short provision', () => {
    const from = 'Each Party shall adopt such legislative measures.';
    const to = 'Each Party may adopt such other legislative measures.';
    const pieces = diffText(from, to).filter((s) => s.op !== 'equal').map((s) => (s.op === 'delete' ? `-${from.slice(s.aStart, s.aEnd)}` : `+${to.slice(s.bStart, s.bEnd)}`));
    expect(pieces).toEqual(['-shall', '+may', '+ other']);
  });
});

describe('the HTML of a whole-document redline', () => {
  it('never runs a struck word into an inserted one', () => {
    const html = redlineToHtml(compareDocuments(convention, modelLaw));
    expect(html).toContain('<del>Convention</del><span class="rl-gap" aria-hidden="true"> </span><ins>The Chairman&#39;s Model Law</ins> on Cybercrime');
    expect(html).not.toMatch(/[^\s>]<\/del><ins>[^\s<]/);
    expect(html).not.toMatch(/[^\s>]<\/ins><del>[^\s<]/);
  });

  it('shows division headings with their kind, number and title', () => {
    const html = redlineToHtml(compareDocuments(convention, convention));
    expect(html).toContain('>Chapter I – Use of terms</h2>');
    expect(html).toContain('>Section 1 – Substantive criminal law</h2>');
  });

  it('marks a moved article where it stood and where it stands, each linking to the other', () => {
    const base = [1, 2, 3, 4].map((n) => art(String(n), `Heading ${n}`, para(`Text of article ${n} with enough words to be itself.`)));
    const html = redlineToHtml(compareDocuments(treaty('T', ...base), treaty('T', base[3], base[0], base[1], base[2])));
    expect(html).toMatch(/<section class="rl-article rl-moved[^"]*" id="art-4-1"[^>]*>.*<a class="rl-badge rl-badge-moved" href="#moved-from-art-4-1">/);
    expect(html).toContain('<section class="rl-moved-from" id="moved-from-art-4-1" data-status="moved-from">Article 4 – Heading 4 stood here: <a href="#art-4-1">moved to Article 1</a></section>');
    expect(html.indexOf('id="art-4-1"')).toBeLessThan(html.indexOf('id="moved-from-art-4-1"'));
  });

  it('marks a paragraph moved within its article at both places and counts the article as modified', () => {
    const p = (n: number) => para(`Paragraph number ${n} has its own distinct words ${n * 7} here.`);
    const r = compareDocuments(treaty('T', art('1', 'A', p(1), p(2), p(3), p(4))), treaty('T', art('1', 'A', p(1), p(4), p(2), p(3))));
    expect(r.articles[0].status).toBe('modified');
    expect(r.articles[0].blocks.map((b) => `${b.fromLabel}>${b.toLabel}${b.move ? `:${b.move}` : ''}`)).toEqual(['1>1', '4>2:to', '2>3', '3>4', '4>2:from']);
    const html = redlineToHtml(r);
    expect(html).toContain('moved here from 4</span>');
    expect(html).toContain('<span class="rl-label">4</span><p class="rl-text">Paragraph number 4 has its own distinct words 28 here. <span class="rl-badge rl-badge-moved">moved to 2</span>');
  });

  it('writes the dates of both sides out', () => {
    const html = redlineToHtml(compareDocuments(convention, modelLaw, { to: { at: '2026-01-15T10:00:00.000Z' } }));
    expect(html).toContain('ETS No. 185, 23 November 2001');
    expect(html).toContain('[August 2009] (15 January 2026, 10:00 UTC)');
  });

  it('shows a text run added in a division with its words inserted', () => {
    const from = treaty('T', division({ kind: 'chapter' }, heading('General'), art('1', 'Scope', para('Text.'))));
    const to = treaty('T', division({ kind: 'chapter' }, heading('General'), plain('Introductory words of the chapter.'), art('1', 'Scope', para('Text.'))));
    expect(redlineToHtml(compareDocuments(from, to))).toContain('<ins>Introductory words of the chapter.</ins>');
  });
});

describe('readable dates', () => {
  it('writes ISO dates, months and times out in words', () => {
    expect(readableDate('2001-11-23')).toBe('23 November 2001');
    expect(readableDate('2009-08')).toBe('August 2009');
    expect(readableDate('2026-01-15T10:00:00.000Z')).toBe('15 January 2026, 10:00 UTC');
    expect(readableDate('Rev.1')).toBe('Rev.1');
  });
});
