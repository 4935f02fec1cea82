/**
 * Alternatives shown as boxes: each `option` of an `alternatives` group gets its label
 * ("Option 1", or the label the text gives it) and its sponsors as attributes the stylesheet
 * prints above the option; an empty option reads "delete the text".
 */
import type { Node } from 'prosemirror-model';
import { Decoration } from 'prosemirror-view';
import { sponsorsOf, optionLabel } from '../../shared/model/index.ts';

/** Node decorations for the options of the `alternatives` node at `pos`. */
export function alternativesDecorations(group: Node, pos: number): Decoration[] {
  const decorations: Decoration[] = [];
  group.forEach((option, offset, index) => {
    const from = pos + 1 + offset;
    const sponsors = sponsorsOf(option.attrs.sponsors);
    const label = optionLabel(option, index);
    decorations.push(Decoration.node(from, from + option.nodeSize, {
      'data-label': label,
      'data-sponsors': sponsors.length ? sponsors.join(' ') : '',
      class: option.childCount === 0 ? 'option-delete' : 'option-text',
    }));
  });
  return decorations;
}
