/**
 * Builder notation for redline and export tests: `treaty(art(1, 'Scope', para(plain('text'))))`.
 * Articles are numbered by position unless given an explicit number.
 */
import { builders } from 'prosemirror-test-builder';
import type { Node } from 'prosemirror-model';
import { schema } from '../../shared/schema/index.ts';

const b = builders(schema);

export const { doc, docinfo, title, preamble, division, heading, paragraph, subparagraph, item, plain, alternatives, option, closing, comments, comment, footnote } = b;

/** An inline bracket mark `id` sponsored by `sponsors`. */
export const br = (id: string, ...sponsors: string[]) => (text: string) => b.bracket({ id, sponsors, group: null, kind: 'insert' }, text);

/** An article with id `art-<id>`, a heading and body blocks. */
export function art(id: string, headingText: string, ...body: Node[]): Node {
  return b.article({ id: `art-${id}` }, b.heading(headingText), ...body) as Node;
}

/** A numbered paragraph holding one plain block of `text` (or the given children). */
export function para(...children: (string | Node)[]): Node {
  return b.paragraph(...children.map((c) => (typeof c === 'string' ? b.plain(c) : c))) as Node;
}

/** A full treaty document: docinfo, title, then the body blocks. */
export function treaty(titleText: string, ...body: Node[]): Node {
  const node = b.doc(b.docinfo({ base: 'convention-2001', symbol: 'TEST/1', date: '2009-08-01' }), b.title(titleText), ...body) as Node;
  node.check();
  return node;
}

/** A filler article text of about `n` distinct words, seeded by `seed`, so articles do not look alike. */
export function filler(seed: string, n = 30): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`${seed}${(i * 7919) % 1009}w${i}`);
  return `Each Party shall ${out.join(' ')} under its domestic law.`;
}
