import type { Node } from 'prosemirror-model';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { newId } from '../model/ids.ts';

/** A new comment: who writes it, what it is about, and its text (paragraphs separated by blank lines). */
export interface CommentInput {
  delegation: string;
  author: string;
  text: string;
  /** Id of the block, bracket or option the comment is about (not needed for a reply). */
  target?: string | null;
  id?: string;
  createdAt?: number;
}

/** Where the comment `id` sits, or null. */
export function findComment(doc: Node, id: string): { pos: number; node: Node } | null {
  const comments = doc.lastChild?.type.name === 'comments' ? doc.lastChild : null;
  if (!comments) return null;
  let found: { pos: number; node: Node } | null = null;
  const start = doc.content.size - comments.nodeSize + 1;
  comments.forEach((node, offset) => { if (!found && node.attrs.id === id) found = { pos: start + offset, node }; });
  return found;
}

function commentNode(state: EditorState, input: CommentInput, replyTo: string | null, target: string | null): Node {
  const { comment, plain } = state.schema.nodes;
  const paragraphs = input.text.split(/\n\s*\n/).map((t) => t.trim()).filter(Boolean);
  return comment.create(
    { id: input.id ?? newId('cm'), target, replyTo, delegation: input.delegation, author: input.author, status: 'open', createdAt: input.createdAt ?? Date.now() },
    (paragraphs.length ? paragraphs : ['']).map((t) => plain.create(null, t ? state.schema.text(t) : null)),
  );
}

/** Insert `node` at the end of the comments block, creating the block when the document has none. */
function appendComment(tr: Transaction, node: Node): void {
  const last = tr.doc.lastChild;
  if (last?.type.name === 'comments') tr.insert(tr.doc.content.size - 1, node);
  else tr.insert(tr.doc.content.size, tr.doc.type.schema.nodes.comments.create(null, node));
}

/** Start a comment thread about `input.target`. Enabled when the text is not empty. */
export function addComment(input: CommentInput): Command {
  return (state, dispatch) => {
    if (!input.text.trim()) return false;
    if (dispatch) {
      const tr = state.tr;
      appendComment(tr, commentNode(state, input, null, input.target ?? null));
      dispatch(tr);
    }
    return true;
  };
}

/** Reply to the comment `commentId` (the reply joins its thread). Enabled when that comment exists. */
export function replyToComment(commentId: string, input: CommentInput): Command {
  return (state, dispatch) => {
    const parent = findComment(state.doc, commentId);
    if (!parent || !input.text.trim()) return false;
    if (dispatch) {
      const tr = state.tr;
      appendComment(tr, commentNode(state, input, commentId, parent.node.attrs.target ?? null));
      dispatch(tr);
    }
    return true;
  };
}

/** Mark the comment `commentId` open or resolved. Enabled when it exists and has another status. */
export function setCommentStatus(commentId: string, status: 'open' | 'resolved'): Command {
  return (state, dispatch) => {
    const found = findComment(state.doc, commentId);
    if (!found || found.node.attrs.status === status) return false;
    if (dispatch) dispatch(state.tr.setNodeMarkup(found.pos, undefined, { ...found.node.attrs, status }));
    return true;
  };
}
