/**
 * Numbers as the reader sees them: "Article 16", "Chapter II", hanging "1", "a)", "(i)". The
 * labels come from `shared/model` numbering; here they become node decorations carrying a
 * `data-num` attribute that the stylesheet shows (on screen and in print) without putting the
 * number into the editable text.
 */
import type { Node } from 'prosemirror-model';
import { Decoration } from 'prosemirror-view';
import { walkNumbers, divisionLabel, type NumberLevel } from '../../shared/model/index.ts';

/** The label a level shows in the margin or heading, from the bare number. */
export function displayLabel(level: NumberLevel, label: string): string {
  switch (level) {
    case 'article': return `Article ${label}`;
    case 'paragraph': return label;
    case 'subparagraph': return `${label})`;
    case 'item': return `(${label})`;
    default: return divisionLabel(level, label);
  }
}

/** Node decorations showing every number of `doc`: on the heading of articles and divisions, on the block otherwise. */
export function numberDecorations(doc: Node): Decoration[] {
  const decorations: Decoration[] = [];
  walkNumbers(doc, ({ node, pos, label, level }) => {
    const text = displayLabel(level, label);
    if (node.type.name === 'article' || node.type.name === 'division') {
      const heading = node.firstChild;
      if (!heading || heading.type.name !== 'heading') return;
      decorations.push(Decoration.node(pos + 1, pos + 1 + heading.nodeSize, {
        'data-num': text,
        class: `numbered heading-${node.type.name === 'article' ? 'article' : 'division'}`,
      }));
    } else {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-num': text, class: 'numbered' }));
    }
  });
  return decorations;
}
