import { Fragment, type Mark, type Node } from 'prosemirror-model';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { newId } from '../model/ids.ts';
import { inlineRanges } from '../resolution/locate.ts';

/** Ids to use instead of generated ones (tests, replays). */
export interface AlternativeIds {
  group?: string;
  bracket?: string;
  alternatives?: string;
  option?: string;
}

/** The innermost bracket mark at the selection, or null. */
function bracketAtSelection(state: EditorState): Mark | null {
  const { $from, from, to, empty } = state.selection;
  const candidates: readonly Mark[] = empty
    ? [...($from.nodeAfter?.marks ?? []), ...($from.nodeBefore?.marks ?? [])]
    : (state.doc.nodeAt(from)?.marks ?? []);
  const brackets = candidates.filter((m) => m.type.name === 'bracket');
  if (!empty) return brackets.find((m) => inlineRanges(state.doc, m.attrs.id).some((r) => r.from <= from && r.to >= to)) ?? null;
  return brackets[brackets.length - 1] ?? null;
}

/** A copy of `node` with new block ids, no block brackets and no inline bracket marks: the editable proposal. */
function freshCopy(node: Node): Node {
  if (node.isText) return node.mark(node.marks.filter((m) => m.type.name !== 'bracket'));
  const children: Node[] = [];
  node.forEach((child) => children.push(freshCopy(child)));
  const attrs: Record<string, unknown> = { ...node.attrs };
  if ('id' in attrs && attrs.id != null) attrs.id = newId(node.type.name.slice(0, 3));
  if ('bracket' in attrs) { attrs.bracket = null; attrs.sponsors = null; }
  return node.type.create(attrs, Fragment.fromArray(children), node.marks);
}

/** Inline case: put `mark`'s span (or the selection) in a group and add the alternative wording after it. */
function inlineAlternative(state: EditorState, tr: Transaction, sponsor: string, text: string, ids: AlternativeIds, mark: Mark | null): void {
  const { bracket } = state.schema.marks;
  let group: string;
  let end: number;
  if (mark) {
    group = mark.attrs.group ?? ids.group ?? newId('grp');
    const ranges = inlineRanges(state.doc, mark.attrs.id);
    if (!mark.attrs.group) for (const r of ranges) tr.removeMark(r.from, r.to, r.mark).addMark(r.from, r.to, bracket.create({ ...r.mark.attrs, group }));
    end = ranges[ranges.length - 1].to;
  } else {
    group = ids.group ?? newId('grp');
    const { from, to } = state.selection;
    tr.addMark(from, to, bracket.create({ id: newId('br'), sponsors: [sponsor], group, kind: 'insert' }));
    end = to;
  }
  const proposal = bracket.create({ id: ids.bracket ?? newId('br'), sponsors: [sponsor], group, kind: 'insert' });
  // The separating space belongs to the proposal: a delegation adds no words to the agreed text.
  tr.insert(end, state.schema.text(` ${text}`, [proposal]));
}

/**
 * Propose an alternative. On an inline bracket (or a non-empty text selection) it makes an inline
 * alternatives group and adds `text` as the new bracketed wording sponsored by `sponsor`; with an
 * empty selection elsewhere it turns the enclosing block into an `alternatives` node: the existing
 * block as option 1 and an editable copy sponsored by `sponsor` as option 2.
 */
export function proposeAlternative(sponsor: string, text = '…', ids: AlternativeIds = {}): Command {
  return (state, dispatch) => {
    const mark = bracketAtSelection(state);
    const tr = state.tr;
    if (mark || !state.selection.empty) {
      if (!mark && !state.selection.$from.sameParent(state.selection.$to)) return false;
      if (dispatch) inlineAlternative(state, tr, sponsor, text, ids, mark);
    } else {
      const { alternatives, option } = state.schema.nodes;
      const $from = state.selection.$from;
      let depth = -1;
      for (let d = $from.depth; d > 0; d--) {
        const name = $from.node(d).type.name;
        if (name === 'comment' || name === 'option') return false;
        if (['plain', 'item', 'subparagraph', 'paragraph', 'article'].includes(name)
          && $from.node(d - 1).canReplaceWith($from.index(d - 1), $from.index(d - 1) + 1, alternatives)) { depth = d; break; }
      }
      if (depth < 0) return false;
      if (dispatch) {
        const block = $from.node(depth);
        const node = alternatives.create({ id: ids.alternatives ?? newId('alt') }, [
          option.create({ id: newId('opt'), sponsors: null }, block),
          option.create({ id: ids.option ?? newId('opt'), sponsors: [sponsor] }, freshCopy(block)),
        ]);
        tr.replaceWith($from.before(depth), $from.after(depth), node);
      }
    }
    if (dispatch) dispatch(tr.scrollIntoView());
    return true;
  };
}
