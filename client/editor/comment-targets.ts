/**
 * Blocks that carry comment threads are marked in the text (a margin tick), as inline anchors
 * already are by their `anchor` mark. The threads themselves live in the `comments` node, which
 * the schema renders hidden; the comments panel shows them.
 */
import type { Node } from 'prosemirror-model';
import { Decoration } from 'prosemirror-view';

/** Ids of blocks or brackets targeted by open comment threads in `doc`. */
export function openCommentTargets(doc: Node): Set<string> {
  const targets = new Set<string>();
  const last = doc.lastChild;
  if (!last || last.type.name !== 'comments') return targets;
  last.forEach((comment) => {
    if (comment.attrs.target && comment.attrs.status !== 'resolved' && !comment.attrs.replyTo) targets.add(String(comment.attrs.target));
  });
  return targets;
}

/** A node decoration for the block at `pos` when an open thread targets it. */
export function commentTargetDecoration(node: Node, pos: number, targets: Set<string>): Decoration | null {
  const id = node.attrs.id;
  if (!id || !targets.has(String(id)) || node.isInline) return null;
  return Decoration.node(pos, pos + node.nodeSize, { class: 'comment-target', 'data-comment-target': String(id) });
}
