import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Node } from 'prosemirror-model';
import { schema } from '../shared/schema/index.ts';
import { articles, listBrackets, listComments, numberLabels, plainText, articleBlocks } from '../shared/model/index.ts';
import { FIXTURES, loadFixture, fixtureEntry } from '../fixtures/index.ts';
import { buildFixture } from '../shared/import/cli.ts';

const SEED = readFileSync(new URL('../../shared/seeds/000_f87a6dc5b7cb57ac.txt', import.meta.url), 'utf8').split('\n');
/** Lines a..b (1-based, inclusive) of seed 000. */
const seed = (a: number, b: number) => SEED.slice(a - 1, b).join('\n');
const load = (key: string): Node => schema.nodeFromJSON(loadFixture(key));

function divisions(doc: Node, kind: string): string[] {
  const labels = numberLabels(doc);
  const out: string[] = [];
  doc.descendants((node, pos) => { if (node.type.name === 'division' && node.attrs.kind === kind) out.push(labels.get(pos)!); });
  return out;
}

describe('every fixture', () => {
  it.each(FIXTURES.map((f) => f.key))('%s passes the schema check', (key) => {
    expect(() => schema.nodeFromJSON(loadFixture(key)).check()).not.toThrow();
  });

  it.each(FIXTURES.map((f) => f.key))('%s is what the importer makes of its source today', (key) => {
    expect(buildFixture(key).json).toEqual(loadFixture(key));
  });

  it.each(FIXTURES.map((f) => f.key))('%s has unique block ids', (key) => {
    const ids: string[] = [];
    load(key).descendants((node) => { if (node.attrs.id) ids.push(node.attrs.id); });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(FIXTURES.map((f) => f.key))('%s names its base text in docinfo as the registry does', (key) => {
    expect(load(key).firstChild!.attrs.base).toBe(fixtureEntry(key).base);
  });

  it('names an unknown fixture in the error', () => {
    expect(() => loadFixture('nope')).toThrow(/Unknown fixture "nope"/);
  });
});

describe("the Chairman's Model Law fixture", () => {
  const doc = load('model-law-2009');
  const raw = [...seed(509, 793).matchAll(/Article (\d+) – ([^*\n]+?)\**$/gm)].map((m) => [m[1], m[2].trim()]);

  it('has the articles of Appendix 1 with their source numbers and headings', () => {
    expect(raw).toHaveLength(24);
    expect(articles(doc).map((a) => [a.number, a.heading])).toEqual(raw);
  });

  it('keeps the chapter numbers of the source (there is no Chapter 3)', () => {
    expect(divisions(doc, 'chapter')).toEqual(['1', '2', '4', '5']);
  });

  it('derives from the 2001 Convention', () => {
    expect(doc.firstChild!.attrs.base).toBe('convention-2001');
  });

  it('nests roman items under their lettered sub-paragraph', () => {
    const art6 = articles(doc).find((a) => a.number === '6')!;
    expect(articleBlocks(art6.node).map((b) => b.label)).toEqual(['1', '1.a', '1.a.i', '1.a.ii', '1.a', '1.b', '2', '3']);
  });

  it('rejoins sentences split by page breaks', () => {
    expect(plainText(doc)).toContain('committed by infringing security measures, with the intent');
  });
});

describe('the Global Protocol fixture', () => {
  const doc = load('protocol-2009');
  const raw = [...seed(71, 110).matchAll(/^#+ Article (\d+): (.+)$/gm)].map((m) => [m[1], m[2].trim()]);

  it('has Articles 1 to 6 of Chapter 1 with their headings', () => {
    expect(raw).toHaveLength(6);
    expect(articles(doc).map((a) => [a.number, a.heading])).toEqual(raw);
    expect(articles(doc).every((a) => a.path[0] === 'Chapter 1')).toBe(true);
  });

  it('has Chapters 1 to 5, the last four as text', () => {
    expect(divisions(doc, 'chapter')).toEqual(['1', '2', '3', '4', '5']);
    expect(plainText(doc)).toContain('Chapter 5 – International Cooperation\nInternational cooperation, dialogue and coordination in dealing with cyberthreats.');
  });

  it('has the 2001 Convention as its base text', () => {
    expect(doc.firstChild!.attrs.base).toBe('convention-2001');
  });
});

describe('the HLEG Work Area 1 fixture', () => {
  const doc = load('hleg-wa1-2008');
  const source = readFileSync(new URL('../fixtures/sources/hleg-wa1-2008.md', import.meta.url), 'utf8');
  const recommendations = source.slice(source.indexOf('### Article 1'), source.indexOf('<!-- closing -->'));

  it('numbers the recommendations 1.1 to 1.15 explicitly', () => {
    const numbers: string[] = [];
    doc.descendants((node) => { if (node.type.name === 'paragraph') numbers.push(node.attrs.number); });
    expect(numbers).toEqual(Array.from({ length: 15 }, (_, i) => `1.${i + 1}`));
  });

  it('has the bracketed spans of the source, each with a sponsor', () => {
    const raw = [...seed(821, 885).matchAll(/\[([^\]]+)\](?!\()/g)].map((m) => m[1]);
    expect(raw).toEqual(['who', 'ITU Membership', 'international', 'relevant private organizations']);
    const inText = listBrackets(doc);
    expect(inText.map((b) => b.text)).toEqual(['ITU Membership', 'international', 'relevant private organizations']);
    expect(inText.every((b) => b.sponsors.length === 1 && b.sponsors[0] === 'HLEG')).toBe(true);
    const thread = listComments(doc).find((t) => t.text.includes('[who]'));
    expect(thread).toBeDefined();
    const marked = JSON.stringify(loadFixture('hleg-wa1-2008')).match(/"type":"bracket"/g) ?? [];
    expect(new Set(JSON.stringify(loadFixture('hleg-wa1-2008')).match(/"id":"br_[0-9a-z]+"/g)).size).toBe(4);
    expect(marked.length).toBeGreaterThanOrEqual(4);
  });

  it('turns each italic members\' position into a comment thread', () => {
    const italic = recommendations.split('\n').filter((l) => /^\*.+\*$/.test(l.trim()));
    const threads = listComments(doc);
    expect(threads).toHaveLength(italic.length);
    expect(threads.map((t) => t.text)).toEqual(italic.map((l) => l.trim().slice(1, -1).replace(/\[who\]/, '[who]')));
  });

  it('anchors each comment to its recommendation', () => {
    const byTarget = new Map<string, string>();
    doc.descendants((node) => { if (node.type.name === 'paragraph') byTarget.set(node.attrs.id, node.attrs.number); });
    const anchored = listComments(doc).map((t) => byTarget.get(t.target!));
    expect(anchored).toEqual(['1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12', '1.13', '1.14', '1.15']);
  });

  it('keeps 1.9(a) as sub-paragraph a of recommendation 1.9', () => {
    const art = articles(doc)[0];
    expect(articleBlocks(art.node).map((b) => b.label)).toContain('1.9.a');
  });
});
