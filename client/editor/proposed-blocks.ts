/**
 * New blocks proposed by a delegation: Enter, Shift-Enter, "+ ¶", "+ Article" and the like insert
 * a new empty block bracketed as a whole and sponsored by the delegation (a proposed new
 * provision), cursor inside it. Agreed text is never split: the words after the cursor stay where
 * they are. The chair and the secretariat use the plain structural commands of structure.ts.
 */
import type { Node } from 'prosemirror-model';
import { TextSelection, type Command } from 'prosemirror-state';
import { newId } from '../../shared/model/index.ts';
import { markAsProposal } from '../../shared/suggesting/index.ts';
import type { Account } from '../connection/index.ts';
import { emptyBlock, LEVELS, type Level } from './blocks.ts';
import { firstTextPos, insertionPoint, insertBlockAfter } from './structure.ts';

/** The delegation that proposes rather than edits: a delegate's, or null for the chair and the secretariat. */
export function proposer(account: Pick<Account, 'role' | 'delegation'>): string | null {
  return account.role === 'delegate' ? account.delegation : null;
}

/** `node` bracketed as a whole, sponsored by `sponsor`. */
export function bracketedBlock(node: Node, sponsor: string): Node {
  return node.type.create({ ...node.attrs, bracket: newId('br'), sponsors: [sponsor] }, node.content, node.marks);
}

/** A new empty block of `typeName` after the cursor's block, bracketed and sponsored by `sponsor`. */
export function proposeBlockAfter(typeName: 'article' | Level, sponsor: string): Command {
  return (state, dispatch) => {
    const at = insertionPoint(state.selection.$from, typeName);
    if (at === null) return false;
    if (dispatch) {
      const tr = state.tr.insert(at, bracketedBlock(emptyBlock(state.schema, typeName), sponsor));
      tr.setSelection(TextSelection.create(tr.doc, firstTextPos(tr.doc, at))).scrollIntoView();
      dispatch(markAsProposal(tr));
    }
    return true;
  };
}

/**
 * Enter (or Shift-Enter with `line`) of a delegate: a new proposed block of the cursor's level
 * (paragraph, sub-paragraph, item; with `line`, a new line) after the cursor's block; in an
 * article heading, a proposed first paragraph.
 */
export function proposeNextBlock(sponsor: string, line = false): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if (!$from.parent.isTextblock) return false;
    if ($from.node(1)?.type.name === 'comments') return false;
    let depth = $from.depth;
    let typeName = $from.parent.type.name;
    if (typeName === 'heading') {
      const article = $from.node(depth - 1);
      if (article.type.name !== 'article') return true; // division or title: nothing to start
      depth -= 1;
      typeName = 'paragraph';
      if (!article.canReplaceWith(1, 1, state.schema.nodes.paragraph)) return false;
      if (dispatch) insertAt(state.tr, $from.after(depth + 1), 'paragraph', sponsor, dispatch);
      return true;
    }
    if (typeName !== 'plain') return false;
    if (!line) {
      for (let d = $from.depth - 1; d > 0; d--) {
        if (LEVELS.includes($from.node(d).type.name as Level)) { depth = d; typeName = $from.node(d).type.name; break; }
      }
    }
    const parent = $from.node(depth - 1);
    const index = $from.index(depth - 1) + 1;
    if (!parent.canReplaceWith(index, index, state.schema.nodes[typeName])) return false;
    if (dispatch) insertAt(state.tr, $from.after(depth), typeName, sponsor, dispatch);
    return true;
  };
}

function insertAt(tr: import('prosemirror-state').Transaction, at: number, typeName: string, sponsor: string, dispatch: (tr: import('prosemirror-state').Transaction) => void): void {
  tr.insert(at, bracketedBlock(emptyBlock(tr.doc.type.schema, typeName), sponsor));
  tr.setSelection(TextSelection.create(tr.doc, firstTextPos(tr.doc, at))).scrollIntoView();
  dispatch(markAsProposal(tr));
}

/** "+ Article", "+ ¶", "+ a)", "+ (i)" for `account`: proposed (bracketed) for a delegate, plain otherwise. */
export function newBlockCommand(typeName: 'article' | Level, account: Pick<Account, 'role' | 'delegation'>): Command {
  const sponsor = proposer(account);
  return sponsor ? proposeBlockAfter(typeName, sponsor) : insertBlockAfter(typeName);
}
