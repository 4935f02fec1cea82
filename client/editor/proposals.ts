/**
 * The delegate's proposal commands bound to the signed-in delegation: bracket the selection (or
 * the block), propose an alternative or a deletion, co-sponsor the bracket under the cursor, and
 * comment on a span or block. The document changes themselves are `shared/commands`.
 */
import type { Mark } from 'prosemirror-model';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import {
  wrapInBracket, bracketBlock, proposeAlternative, proposeDeletion, coSponsor, addComment,
} from '../../shared/commands/index.ts';
import { newId } from '../../shared/model/index.ts';
import type { Account } from '../connection/index.ts';

/** Bracket the selected text; with an empty selection, bracket the whole block around the cursor. */
export function bracketCommand(account: Account): Command {
  const inline = wrapInBracket(account.delegation);
  const block = bracketBlock(account.delegation);
  return (state, dispatch) => inline(state, dispatch) || (state.selection.empty && block(state, dispatch));
}

/** Bracket the whole article around the cursor. */
export function bracketArticleCommand(account: Account): Command {
  return bracketBlock(account.delegation, 'article');
}

/** Propose alternative wording to the bracket or selection, or an alternative block. */
export function alternativeCommand(account: Account): Command {
  return proposeAlternative(account.delegation);
}

/** Propose deleting the selected wording. */
export function deletionCommand(account: Account): Command {
  return proposeDeletion(account.delegation);
}

/** The innermost bracket mark at the cursor, or null. */
export function bracketAtCursor(state: EditorState): Mark | null {
  const { $from } = state.selection;
  const marks = [...($from.nodeAfter?.marks ?? []), ...($from.nodeBefore?.marks ?? [])].filter((m) => m.type.name === 'bracket');
  return marks[marks.length - 1] ?? null;
}

/** Id of the bracket (inline, block or option) around the cursor, innermost first, or null. */
export function bracketIdAtCursor(state: EditorState): string | null {
  const mark = bracketAtCursor(state);
  if (mark) return String(mark.attrs.id);
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.attrs.bracket) return String(node.attrs.bracket);
    if (node.type.name === 'option' && node.attrs.id) return String(node.attrs.id);
  }
  return null;
}

/** Add the delegation to the sponsors of the bracket or option under the cursor. */
export function coSponsorCommand(account: Account): Command {
  return (state, dispatch) => {
    const id = bracketIdAtCursor(state);
    return id !== null && coSponsor(id, account.delegation)(state, dispatch);
  };
}

/** Id of the block a comment with an empty selection is about: the innermost numbered block or article. */
export function commentTargetAtCursor(state: EditorState): string | null {
  const { $from } = state.selection;
  let fallback: string | null = null;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === 'comment' || node.type.name === 'comments') return null;
    if (!node.attrs.id) continue;
    if (['paragraph', 'subparagraph', 'item', 'article'].includes(node.type.name)) return String(node.attrs.id);
    fallback ??= String(node.attrs.id);
  }
  return fallback;
}

/** Whether a comment can be started here (inside the text, not in the hidden comments). */
export function canComment(state: EditorState): boolean {
  return !state.selection.empty ? state.selection.$from.node(1)?.type.name !== 'comments' : commentTargetAtCursor(state) !== null;
}

/**
 * Start a comment thread by `account` with `text`: on the selected span (marked with an `anchor`)
 * or, with an empty selection, on the block around the cursor. Returns the new comment's id.
 */
export function commentCommand(account: Account, text: string, id: string = newId('cm')): Command {
  return (state, dispatch) => {
    if (!canComment(state)) return false;
    const { from, to, empty } = state.selection;
    const target = empty ? commentTargetAtCursor(state) : null;
    const add = addComment({ delegation: account.delegation, author: account.name, text, target, id });
    let built: Transaction | null = null;
    if (!add(state, (tr) => { built = tr; })) return false;
    if (dispatch && built) {
      const tr: Transaction = built;
      if (!empty) tr.addMark(from, to, state.schema.marks.anchor.create({ comment: id }));
      dispatch(tr);
    }
    return true;
  };
}
