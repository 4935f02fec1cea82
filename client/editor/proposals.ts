/**
 * The delegate's proposal commands bound to the signed-in delegation: bracket the selection (or
 * insert a new bracketed span), bracket a block or article, propose an alternative or a deletion, co-sponsor the bracket under the cursor, and
 * comment on a span or block. The document changes themselves are `shared/commands`.
 */
import type { Mark } from 'prosemirror-model';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import {
  wrapInBracket, bracketBlock, proposeAlternative, proposeDeletion, coSponsor, addComment,
} from '../../shared/commands/index.ts';
import { newId } from '../../shared/model/index.ts';
import { inlineRanges } from '../../shared/resolution/index.ts';
import { markAsProposal, blockContext, wholeAgreedBlocks } from '../../shared/suggesting/index.ts';
import { startProposalTyping } from './proposal-typing.ts';
import type { Account } from '../connection/index.ts';

/** The placeholder of new proposed wording, selected so that typing replaces it. */
export const PLACEHOLDER = '…';

/** `command` with its transactions marked as already in proposal form (suggesting mode passes them unchanged). */
export function asProposal(command: Command): Command {
  return (state, dispatch, view) => command(state, dispatch && ((tr) => dispatch(markAsProposal(tr))), view);
}

/** Select the whole inline bracket `id` in `tr` (after a proposal inserted it), when it exists. */
function selectBracket(tr: Transaction, id: string): Transaction {
  const ranges = inlineRanges(tr.doc, id);
  if (ranges.length === 0) return tr;
  const from = ranges[0].from;
  const space = tr.doc.textBetween(from, Math.min(from + 1, ranges[ranges.length - 1].to)) === ' ' ? 1 : 0;
  tr.setSelection(TextSelection.create(tr.doc, from + space, ranges[ranges.length - 1].to));
  return startProposalTyping(tr, id);
}

/**
 * Bracket the selected text; with an empty selection in text, insert a new bracketed span (the
 * placeholder "…", selected, so typing replaces it with the proposed wording).
 */
export function bracketCommand(account: Account): Command {
  return asProposal(bracketOrInsert(account));
}

function bracketOrInsert(account: Account): Command {
  const wrap = wrapInBracket(account.delegation);
  return (state, dispatch) => {
    if (!state.selection.empty) return wrap(state, dispatch);
    const { $from } = state.selection;
    if (!$from.parent.isTextblock || !$from.parent.type.spec.content?.includes('inline') || $from.node(1)?.type.name === 'comments') return false;
    if (!dispatch) return true;
    // Type the placeholder, then let the shared command bracket it: one transaction, one undo step.
    const tr = state.tr.insertText(PLACEHOLDER);
    const typed = EditorState.create({ doc: tr.doc, selection: TextSelection.create(tr.doc, $from.pos, $from.pos + PLACEHOLDER.length) });
    const id = newId('br');
    let done = false;
    wrapInBracket(account.delegation, { id })(typed, (bracketed) => {
      for (const step of bracketed.steps) tr.step(step);
      done = true;
    });
    if (done) dispatch(selectBracket(tr, id).scrollIntoView());
    return done;
  };
}

/** Bracket the whole block (line, item, sub-paragraph, paragraph) around the cursor. */
export function bracketBlockCommand(account: Account): Command {
  return asProposal(bracketBlock(account.delegation));
}

/** Bracket the whole article around the cursor. */
export function bracketArticleCommand(account: Account): Command {
  return asProposal(bracketBlock(account.delegation, 'article'));
}

/**
 * Propose alternative wording to the bracket or selection (the new wording, a placeholder, comes
 * selected), or an alternative to the whole block (its copy in the new option comes selected).
 */
export function alternativeCommand(account: Account): Command {
  const replace = replacementCommand(account);
  return asProposal((state, dispatch) => {
    if (account.role === 'delegate' && replace(state)) return replace(state, dispatch);
    const bracket = newId('br');
    const option = newId('opt');
    const propose = proposeAlternative(account.delegation, PLACEHOLDER, { bracket, option });
    if (!dispatch) return propose(state);
    return propose(state, (tr) => {
      if (inlineRanges(tr.doc, bracket).length) {
        dispatch(selectBracket(tr, bracket));
        return;
      }
      let target = -1;
      tr.doc.descendants((node, pos) => {
        if (target >= 0) return false;
        if (node.type.name !== 'option' || node.attrs.id !== option) return true;
        node.descendants((child, offset) => {
          if (target < 0 && child.isTextblock) target = pos + 1 + offset + 1;
          return target < 0;
        });
        return false;
      });
      if (target >= 0) {
        const $start = tr.doc.resolve(target);
        tr.setSelection(TextSelection.create(tr.doc, target, $start.end()));
      }
      dispatch(tr);
    });
  });
}

/** Whether `from`..`to` holds only agreed text: no bracket mark, no bracketed block or option around it. */
function agreedSelection(state: EditorState): boolean {
  const { $from, $to, from, to, empty } = state.selection;
  if (empty || !$from.sameParent($to) || !$from.parent.inlineContent) return false;
  if (blockContext($from).blocks.length || blockContext($from).inComments) return false;
  let bracketed = false;
  state.doc.nodesBetween(from, to, (node) => {
    if (node.marks.some((m) => m.type.name === 'bracket')) bracketed = true;
    return !bracketed;
  });
  return !bracketed;
}

/**
 * A delegate's alternative to selected agreed words is a replacement, in THE notation: the words
 * get a `delete` bracket sponsored by the delegation, immediately followed by an insertion bracket
 * with the new wording (the placeholder, selected, so typing replaces it).
 */
export function replacementCommand(account: Account): Command {
  return (state, dispatch) => {
    if (!agreedSelection(state)) return false;
    if (dispatch) {
      const { from, to } = state.selection;
      const { bracket } = state.schema.marks;
      const id = newId('br');
      const tr = state.tr.addMark(from, to, bracket.create({ id: newId('br'), sponsors: [account.delegation], group: null, kind: 'delete' }));
      tr.insert(to, state.schema.text(PLACEHOLDER, [bracket.create({ id, sponsors: [account.delegation], group: null, kind: 'insert' })]));
      dispatch(markAsProposal(selectBracket(tr, id)).scrollIntoView());
    }
    return true;
  };
}

/**
 * Propose deleting the selection (Ctrl-Alt-D). A delegate's selection that covers whole paragraphs
 * or articles of agreed text is deleted as if by the Delete key, which suggesting mode turns into
 * a proposal to delete those blocks (and brackets any other words); otherwise the words get a
 * deletion bracket.
 */
export function deletionCommand(account: Account): Command {
  const words = asProposal(proposeDeletion(account.delegation));
  return (state, dispatch, view) => {
    const { from, to, empty } = state.selection;
    if (account.role !== 'delegate' || empty || wholeAgreedBlocks(state.doc, from, to).length === 0) return words(state, dispatch, view);
    if (dispatch) dispatch(state.tr.deleteSelection().scrollIntoView());
    return true;
  };
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
  return asProposal((state, dispatch) => {
    const id = bracketIdAtCursor(state);
    return id !== null && coSponsor(id, account.delegation)(state, dispatch);
  });
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
  return asProposal((state, dispatch) => {
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
  });
}
