import type { Command } from 'prosemirror-state';
import { inlineRanges, locateBracket, sponsorsOf } from '../resolution/locate.ts';

/**
 * Add `delegation` to the sponsors of the bracket or option `bracketId` (inline mark, block
 * bracket, or alternatives option). Enabled when it exists and the delegation does not sponsor it yet.
 */
export function coSponsor(bracketId: string, delegation: string): Command {
  return (state, dispatch) => {
    const located = locateBracket(state.doc, bracketId);
    const tr = state.tr;
    if (located?.shape === 'inline' && located.ranges.length) {
      if (located.sponsors.includes(delegation)) return false;
      for (const range of inlineRanges(state.doc, bracketId)) {
        const next = state.schema.marks.bracket.create({ ...range.mark.attrs, sponsors: [...sponsorsOf(range.mark.attrs.sponsors), delegation] });
        tr.removeMark(range.from, range.to, range.mark).addMark(range.from, range.to, next);
      }
    } else if (located?.shape === 'block') {
      if (located.sponsors.includes(delegation)) return false;
      tr.setNodeMarkup(located.pos, undefined, { ...located.node.attrs, sponsors: [...located.sponsors, delegation] });
    } else {
      let done = false;
      state.doc.descendants((node, pos) => {
        if (done) return false;
        if (node.type.name === 'option' && node.attrs.id === bracketId) {
          const sponsors = sponsorsOf(node.attrs.sponsors);
          if (!sponsors.includes(delegation)) tr.setNodeMarkup(pos, undefined, { ...node.attrs, sponsors: [...sponsors, delegation] });
          done = true;
        }
        return !node.isTextblock;
      });
      if (!tr.docChanged) return false;
    }
    if (dispatch) dispatch(tr);
    return true;
  };
}
