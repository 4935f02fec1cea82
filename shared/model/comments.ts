/**
 * Member comment threads: the `comment` nodes of the document's `comments` block grouped into
 * threads (first comment + replies), each placed at its target and article.
 */
import type { Node } from 'prosemirror-model';
import { articles, articleAt } from './articles.ts';
import { inlineText } from './inline.ts';

/** One comment. */
export interface CommentInfo {
  id: string;
  delegation: string | null;
  author: string | null;
  status: string;
  createdAt: string | number | null;
  /** Id of the comment it answers, null for the first comment of a thread. */
  replyTo: string | null;
  text: string;
}

/** A thread: its first comment, the replies in document order, and where it is anchored. */
export interface CommentThread extends CommentInfo {
  /** Id of the block or bracket it is anchored to (`target` attr), null when an anchor mark carries it. */
  target: string | null;
  replies: CommentInfo[];
  /** Position of the target block or first anchored character, null when the target is gone. */
  pos: number | null;
  articleId: string | null;
  articleNumber: string | null;
}

/** The text of a comment: its plain blocks, one per line. */
function commentText(node: Node): string {
  const lines: string[] = [];
  node.forEach((block) => lines.push(inlineText(block)));
  return lines.join('\n');
}

function info(node: Node, index: number): CommentInfo {
  const a = node.attrs;
  return {
    id: a.id != null ? String(a.id) : `comment@${index}`,
    delegation: a.delegation ?? null, author: a.author ?? null, status: a.status ?? 'open',
    createdAt: a.createdAt ?? null, replyTo: a.replyTo ?? null, text: commentText(node),
  };
}

/** Position of the node, block bracket or inline bracket whose id is `target`, or null. */
export function findTarget(doc: Node, target: string): number | null {
  let found: number | null = null;
  doc.descendants((node, pos) => {
    if (found !== null || node.type.name === 'comments') return false;
    if (node.attrs.id === target || node.attrs.bracket === target) { found = pos; return false; }
    if (node.isInline && node.marks.some((m) => m.type.name === 'bracket' && m.attrs.id === target)) { found = pos; return false; }
    return true;
  });
  return found;
}

/** Position of the first character carrying an `anchor` mark for `commentId`, or null. */
export function findAnchor(doc: Node, commentId: string): number | null {
  let found: number | null = null;
  doc.descendants((node, pos) => {
    if (found !== null || node.type.name === 'comments') return false;
    if (node.isInline && node.marks.some((m) => m.type.name === 'anchor' && m.attrs.comment === commentId)) found = pos;
    return true;
  });
  return found;
}

/** Every comment thread of `doc`, in the order of their first comments. */
export function listComments(doc: Node): CommentThread[] {
  const comments: CommentInfo[] = [];
  const targets = new Map<string, string | null>();
  doc.forEach((child) => {
    if (child.type.name !== 'comments') return;
    child.forEach((c, _o, i) => {
      const ci = info(c, i);
      comments.push(ci);
      targets.set(ci.id, c.attrs.target ?? null);
    });
  });
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (c: CommentInfo): CommentInfo => {
    const seen = new Set<string>();
    let cur = c;
    while (cur.replyTo && byId.has(cur.replyTo) && !seen.has(cur.id)) { seen.add(cur.id); cur = byId.get(cur.replyTo)!; }
    return cur;
  };
  const list = articles(doc);
  const threads = new Map<string, CommentThread>();
  for (const c of comments) {
    if (rootOf(c) === c) {
      const target = targets.get(c.id) ?? null;
      const pos = target ? findTarget(doc, target) : findAnchor(doc, c.id);
      const article = pos === null ? null : articleAt(list, pos);
      threads.set(c.id, { ...c, target, replies: [], pos, articleId: article?.id ?? null, articleNumber: article?.number ?? null });
    }
  }
  for (const c of comments) {
    const root = rootOf(c);
    if (root !== c) threads.get(root.id)?.replies.push(c);
  }
  return [...threads.values()];
}
