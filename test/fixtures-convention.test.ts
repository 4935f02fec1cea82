import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Node } from 'prosemirror-model';
import { schema } from '../shared/schema/index.ts';
import { articles, articleBlocks, plainText, numberLabels } from '../shared/model/index.ts';
import { loadFixture } from '../fixtures/index.ts';

const RAW = readFileSync(new URL('../../shared/convention/ets-185-convention-on-cybercrime.md', import.meta.url), 'utf8');
const doc: Node = schema.nodeFromJSON(loadFixture('convention-2001'));

/** "### Article  16" followed by "####Heading", read straight from the unrepaired file. */
function rawHeadings(kind: string): [string, string][] {
  const re = new RegExp(`^### ${kind}\\s+(\\w+)\\s*\\n+####(.+?)\\s*$`, 'gm');
  return [...RAW.matchAll(re)].map((m) => [m[1], m[2]]);
}

/** Words of a provision with list markers, quotes, emphasis and the known artifacts neutralised. */
function words(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/com-munication/g, 'communication')
    .replace(/(^|\n)\s*(\(?[a-z]{1,4}\)|\d+\.)\s/g, '$1')
    .replace(/[`"“”*]/g, '')
    .replace(/,(?=\S)/g, ', ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Body of Article n in the raw file: the lines after its heading up to the next heading. */
function rawArticle(n: number): string {
  const m = new RegExp(`^### Article\\s+${n}\\s*\\n+####.*\\n([\\s\\S]*?)(?=^### |^IN WITNESS)`, 'm').exec(RAW);
  if (!m) throw new RangeError(`Article ${n} not found in the raw source`);
  return m[1];
}

describe('the Convention on Cybercrime fixture', () => {
  const list = articles(doc);

  it('has 48 articles numbered 1 to 48', () => {
    expect(list.map((a) => a.number)).toEqual(Array.from({ length: 48 }, (_, i) => String(i + 1)));
  });

  it('keeps every article heading of the source', () => {
    const expected = rawHeadings('Article');
    expect(expected).toHaveLength(48);
    expect(list.map((a) => [a.number, a.heading])).toEqual(expected);
  });

  it('has the four chapters with their headings', () => {
    const chapters = rawHeadings('CHAPTER').map(([n, h]) => [n, h.toLowerCase()]);
    const labels = numberLabels(doc);
    const found: string[][] = [];
    doc.descendants((node, pos) => {
      if (node.type.name === 'division' && node.attrs.kind === 'chapter') found.push([labels.get(pos)!, node.firstChild!.textContent.toLowerCase()]);
    });
    expect(found).toEqual(chapters);
  });

  it('has the sections and titles of the source, in order', () => {
    const raw = [...RAW.matchAll(/^### (SECTION|TITLE)\s+(\d+)\s*\n+####(.+?)\s*$/gm)].map((m) => `${m[1].toLowerCase()} ${m[2]} ${m[3].toLowerCase()}`);
    const labels = numberLabels(doc);
    const found: string[] = [];
    doc.descendants((node, pos) => {
      if (node.type.name === 'division' && node.attrs.kind !== 'chapter') found.push(`${node.attrs.kind} ${labels.get(pos)} ${node.firstChild!.textContent.toLowerCase()}`);
    });
    expect(found).toEqual(raw);
  });

  it('places Article 16 in Chapter II, Section 2, Title 2', () => {
    expect(list[15].path).toEqual(['Chapter II', 'Section 2', 'Title 2']);
  });

  it('keeps the wording of every article, word for word', () => {
    for (const a of list) {
      const ours = articleBlocks(a.node).map((b) => b.text).join('\n');
      expect(words(ours), `Article ${a.number}`).toBe(words(rawArticle(Number(a.number))));
    }
  });

  it('has the preamble recitals and the closing formula', () => {
    const text = plainText(doc);
    expect(doc.child(2).type.name).toBe('preamble');
    expect(doc.child(2).childCount).toBe(18);
    expect(text).toContain('Considering that the aim of the Council of Europe is to achieve a greater unity between its members;');
    expect(text.trim().endsWith('to any State invited to accede to it.')).toBe(true);
    expect(doc.lastChild!.type.name).toBe('closing');
  });

  it('carries the ETS symbol and the date of signature', () => {
    expect(doc.firstChild!.attrs).toMatchObject({ symbol: 'ETS No. 185', date: '2001-11-23', base: null });
  });

  it('repairs the conversion artifacts', () => {
    const text = plainText(doc);
    expect(text).not.toMatch(/``|\u00a0|com-munication|law,when|,\s{2,}/);
    expect(text).toContain('“computer system” means');
    expect(text).toContain("indicating the communication's origin");
  });

  it('puts the closing text of a list at the level it belongs to', () => {
    const blocks = (n: number) => articleBlocks(list[n - 1].node).map((b) => `${b.label}|${b.text.slice(0, 16)}`);
    expect(blocks(6)).toContain('1.a|with intent that');
    expect(blocks(8)).toContain('|with fraudulent ');
    expect(blocks(14)).toContain('3.b|that Party may r');
    expect(blocks(20)).toContain('1|traffic data, in');
    expect(blocks(21)).toContain('1|content data, in');
  });
});
