/**
 * Builder notation for treaty documents in tests (prosemirror-test-builder):
 *   treaty(art(h('Definitions'), para(p('The ', br({ id: 'b1', sponsors: ['FR'] }, 'text')))))
 */
import { builders } from 'prosemirror-test-builder';
import type { Node } from 'prosemirror-model';
import { schema } from '../../shared/schema/index.ts';

const b = builders(schema, {
  chapter: { nodeType: 'division', kind: 'chapter', numbering: 'roman' },
  section: { nodeType: 'division', kind: 'section' },
  titleDiv: { nodeType: 'division', kind: 'title' },
  part: { nodeType: 'division', kind: 'part' },
  h: { nodeType: 'heading' },
  art: { nodeType: 'article' },
  para: { nodeType: 'paragraph' },
  sub: { nodeType: 'subparagraph' },
  p: { nodeType: 'plain' },
  alts: { nodeType: 'alternatives' },
  opt: { nodeType: 'option' },
  br: { markType: 'bracket' },
});

export const {
  doc, docinfo, title, preamble, division, heading, article, paragraph, subparagraph, item, plain,
  alternatives, option, closing, comments, comment, footnote,
  chapter, section, titleDiv, part, h, art, para, sub, p, alts, opt,
  bracket, br, anchor, em, strong,
} = b;

/** A whole document: docinfo, a title, then the given top-level blocks. */
export function treaty(...children: Node[]): Node {
  return b.doc(b.docinfo(), b.title('Test treaty'), ...children);
}

export { schema };
