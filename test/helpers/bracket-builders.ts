/**
 * Builder notation for treaty documents in bracket, resolution and permission tests:
 * `treaty(article({ id: 'a1' }, heading('Scope'), plain('with ', br('b1', 'FR')('ITU'))))`.
 */
import { builders } from 'prosemirror-test-builder';
import type { Node } from 'prosemirror-model';
import { schema } from '../../shared/schema/index.ts';

const b = builders(schema);

export const { doc, docinfo, title, preamble, division, article, heading, paragraph, subparagraph, item, plain, alternatives, option, closing, comments, comment, footnote } = b;

/** A mark builder for the inline bracket `id` sponsored by `sponsors` (optionally in `group`, of `kind`). */
export function br(id: string, sponsors: string | string[], group: string | null = null, kind: 'insert' | 'delete' = 'insert') {
  return (...children: Parameters<typeof b.bracket>) =>
    b.bracket({ id, sponsors: Array.isArray(sponsors) ? sponsors : [sponsors], group, kind }, ...(children as string[]));
}

/** A full document: docinfo, a title, then `body` blocks. */
export function treaty(...body: Node[]): Node {
  return b.doc(b.docinfo({ base: 'convention-2001' }), b.title('Protocol'), ...body) as Node;
}
