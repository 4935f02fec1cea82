import type { Node, ResolvedPos } from 'prosemirror-model';
import type { Command } from 'prosemirror-state';
import { newId } from '../model/ids.ts';

/** Node types that can carry a whole-block bracket. */
export const BRACKETABLE_BLOCKS = new Set(['article', 'paragraph', 'subparagraph', 'item', 'plain']);

/** Depth of the innermost block around `$pos` that can carry a block bracket, or -1. */
export function bracketableDepth($pos: ResolvedPos, unbracketedOnly = false): number {
  for (let d = $pos.depth; d > 0; d--) {
    const node: Node = $pos.node(d);
    if (node.type.name === 'comment' || node.type.name === 'comments') return -1;
    if (BRACKETABLE_BLOCKS.has(node.type.name) && !(unbracketedOnly && node.attrs.bracket)) return d;
  }
  return -1;
}

/**
 * Bracket the whole block around the selection (the innermost unbracketed plain, item,
 * subparagraph, paragraph or article), sponsored by `sponsor`. With `type`, bracket the innermost
 * block of that type instead ("bracket this article").
 */
export function bracketBlock(sponsor: string, type?: 'article' | 'paragraph' | 'subparagraph' | 'item' | 'plain', id?: string): Command {
  return (state, dispatch) => {
    const $from = state.selection.$from;
    let depth = -1;
    if (type) {
      for (let d = $from.depth; d > 0; d--) if ($from.node(d).type.name === type && !$from.node(d).attrs.bracket) { depth = d; break; }
    } else depth = bracketableDepth($from, true);
    if (depth < 0) return false;
    if (dispatch) {
      const node = $from.node(depth);
      dispatch(state.tr.setNodeMarkup($from.before(depth), undefined, { ...node.attrs, bracket: id ?? newId('br'), sponsors: [sponsor] }));
    }
    return true;
  };
}
