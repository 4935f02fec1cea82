/**
 * Seeded random documents and edits for the redline's property tests: small documents cut from the
 * real fixtures (title, preamble, a division or two with articles and loose text, closing), and
 * random word, space, quote, bracket and block edits (insert, delete, move) applied with a
 * ProseMirror Transform, each kept only when the result is a valid treaty document.
 */
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { schema } from '../../shared/schema/index.ts';
import { loadFixture } from '../../fixtures/index.ts';
import { seededRandom } from './seeded-random.ts';

/** A seeded random source (see `seeded-random.ts`). */
export const prng = seededRandom;


type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];
const int = (rand: Rand, n: number) => Math.floor(rand() * n);

const FIXTURES = ['convention-2001', 'model-law-2009', 'protocol-2009', 'hleg-wa1-2008'] as const;
let cache: Node[] | null = null;

/** The four fixture documents, parsed once. */
export function fixtureDocs(): Node[] {
  cache ??= FIXTURES.map((name) => schema.nodeFromJSON(loadFixture(name)));
  return cache;
}

/** Top-level and division-level pieces of the fixtures a random document is built from. */
function pieces() {
  const articles: Node[] = [];
  const plains: Node[] = [];
  const alternatives: Node[] = [];
  for (const doc of fixtureDocs()) {
    doc.descendants((node) => {
      if (node.type.name === 'article') { if (node.nodeSize < 600) articles.push(node); return false; }
      if (node.type.name === 'alternatives') { if (node.nodeSize < 600) alternatives.push(node); return false; }
      if (node.type.name === 'plain') plains.push(node);
      return node.type.name === 'doc' || node.type.name === 'division';
    });
  }
  return { articles, plains, alternatives };
}
let pieceCache: ReturnType<typeof pieces> | null = null;

/** A random small treaty document made of real fixture pieces. */
export function randomDocument(rand: Rand): Node {
  pieceCache ??= pieces();
  const { articles, plains, alternatives } = pieceCache;
  const s = schema.nodes;
  const text = (t: string) => (t ? [schema.text(t)] : []);
  const body = (): Node[] => {
    const out: Node[] = [];
    const n = 1 + int(rand, 3);
    for (let i = 0; i < n; i++) {
      const r = rand();
      out.push(r < 0.7 ? pick(rand, articles) : r < 0.9 ? pick(rand, plains) : pick(rand, alternatives.length ? alternatives : articles));
    }
    return out;
  };
  const children: Node[] = [s.docinfo.create({ symbol: 'FUZZ/1', date: '2001-11-23' }), s.title.create(null, text(pick(rand, ['Convention on Cybercrime', 'Draft Protocol', ''])))];
  if (rand() < 0.7) children.push(s.preamble.create(null, [pick(rand, plains)]));
  const divisions = int(rand, 3);
  if (divisions === 0) children.push(...body());
  for (let d = 0; d < divisions; d++) {
    children.push(s.division.create({ kind: pick(rand, ['chapter', 'section', 'part', 'annex']), numbering: pick(rand, ['roman', 'arabic']) },
      [s.heading.create(null, text(pick(rand, ['SUBSTANTIVE CRIMINAL LAW', 'Procedural law', 'Final provisions', '']))), ...body()]));
  }
  if (rand() < 0.7) children.push(s.closing.create(null, [s.plain.create(null, text('DONE at Budapest, the 23rd day of November 2001.'))]));
  const doc = s.doc.create(null, children);
  doc.check();
  return doc;
}

const WORDS = ['shall', 'may', 'Party', 'Parties', 'computer', 'data', 'the', 'of', '“system”', '"system"', 'co-operation', '2-9', '§', '(a)', ';', ','];
const SPACES = [' ', '  ', '\u00a0', ' \n', '\t'];

/** Textblocks of a document outside comments, with their positions. */
function textblocks(doc: Node): { node: Node; pos: number }[] {
  const out: { node: Node; pos: number }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'comments' || node.type.name === 'docinfo') return false;
    if (node.isTextblock) { out.push({ node, pos }); return false; }
    return true;
  });
  return out;
}

/** Blocks that a block edit can delete, move or copy: articles, paragraphs, sub-paragraphs, items, plains. */
function movable(doc: Node): { node: Node; pos: number }[] {
  const out: { node: Node; pos: number }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'comments') return false;
    if (['article', 'paragraph', 'subparagraph', 'item', 'plain', 'division', 'alternatives'].includes(node.type.name)) out.push({ node, pos });
    return !node.isTextblock;
  });
  return out;
}

let nextId = 0;

/** Apply one random edit to `doc`; returns the new document (the same one when the edit was not valid there). */
export function randomEdit(doc: Node, rand: Rand): Node {
  const tr = new Transform(doc);
  const blocks = textblocks(doc);
  try {
    const kind = rand();
    if (kind < 0.6 && blocks.length) {
      const { node, pos } = pick(rand, blocks);
      const size = node.content.size;
      const a = pos + 1 + int(rand, size + 1);
      const b = Math.min(pos + 1 + size, a + int(rand, 12));
      const k = int(rand, 6);
      const typed = (value: string) => schema.text(value, doc.resolve(a).marks());
      if (k === 0) tr.insert(a, typed(pick(rand, WORDS) + (rand() < 0.5 ? ' ' : '')));
      else if (k === 1) tr.insert(a, typed(pick(rand, SPACES)));
      else if (k === 2 && b > a) tr.delete(a, b);
      else if (k === 3 && b > a) tr.addMark(a, b, schema.marks.bracket.create({ id: `fz${nextId++}`, sponsors: [pick(rand, ['FR', 'US', 'KE'])], kind: pick(rand, ['insert', 'delete']) }));
      else if (k === 4) tr.removeMark(pos + 1, pos + 1 + size, schema.marks.bracket);
      else if (b > a) tr.replaceWith(a, b, typed(pick(rand, [...WORDS, ...SPACES])));
    } else {
      const list = movable(doc);
      if (!list.length) return doc;
      const { node, pos } = pick(rand, list);
      const k = int(rand, 4);
      if (k === 0) tr.delete(pos, pos + node.nodeSize);
      else if (k === 1 && node.type.spec.attrs?.bracket) tr.setNodeMarkup(pos, null, { ...node.attrs, bracket: node.attrs.bracket ? null : `fzb${nextId++}`, sponsors: ['FR'] });
      else {
        const target = pick(rand, list);
        const at = rand() < 0.5 ? target.pos : target.pos + target.node.nodeSize;
        if (k === 2) tr.insert(at, node); // a copy
        else { tr.delete(pos, pos + node.nodeSize); tr.insert(tr.mapping.map(at), node); } // a move
      }
    }
    tr.doc.check();
    return tr.doc;
  } catch {
    return doc;
  }
}

/** A pair of documents: a random document and the result of `edits` random edits on it. */
export function randomPair(rand: Rand, edits: number): { from: Node; to: Node } {
  const from = randomDocument(rand);
  let to = from;
  for (let i = 0; i < edits; i++) to = randomEdit(to, rand);
  return rand() < 0.5 ? { from, to } : { from: to, to: from };
}
