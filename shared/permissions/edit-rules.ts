/**
 * THE rule function: may `author` turn treaty document `before` into `after`? Pure, over
 * ProseMirror documents of the treaty schema; the editor's transaction filter calls it to shape or
 * stop an edit, the server's precise path to enforce it on what an update really does.
 *
 * - Observers change nothing.
 * - Every id stays unique and every inline bracket one run, for everyone (`unique-ids.ts`).
 * - The chair may change anything else.
 * - Only the chair sets an article's status, and an agreed article takes no change from anyone
 *   else except comments anchored on it (`article-status.ts`).
 * - A delegate leaves agreed text exactly as it was (`agreed-text.ts`); the secretariat may change it.
 * - Delegates and the secretariat: brackets and options belong to their sponsors
 *   (`bracket-ownership.ts`, `option-ownership.ts`), comments and their anchors to their
 *   delegation (`comment-ownership.ts`); a new comment is signed with the writer's account name and
 *   dated near `now`, and no comment is re-signed or re-dated (`comment-signature.ts`).
 *
 * What a delegate may do therefore comes down to THE notation: typing adds an insert bracket
 * sponsored by its delegation alone; deleting agreed words wraps them in a `delete` bracket
 * sponsored by it; replacing is a `delete` bracket on the old words followed by an insert bracket
 * with the new ones; a new block is block-bracketed and sponsored by it; deleting an agreed block
 * gives it a block bracket of `bracketKind: 'delete'`; inside its own sole-sponsored bracket or
 * option it edits freely; it co-sponsors by adding itself, withdraws its own proposal, proposes an
 * alternative (a new option, or an inline bracket sharing a `group`), and writes its comments.
 */
import type { Node } from 'prosemirror-model';
import { editFacts } from './edit-facts.ts';
import { mayEdit, mayResolve, type Author } from './rules.ts';
import { duplicateIdRefusal } from './unique-ids.ts';
import { articleStatusRefusal } from './article-status.ts';
import { agreedTextRefusal } from './agreed-text.ts';
import { blockBracketRefusal, inlineBracketRefusal, type OwnershipContext } from './bracket-ownership.ts';
import { optionRefusal } from './option-ownership.ts';
import { commentRefusal } from './comment-ownership.ts';
import { commentSignatureRefusal } from './comment-signature.ts';
import { refuse, REFUSAL_MESSAGES, type EditRefusal } from './refusal.ts';

/** Whether `author` holds the pen on agreed text (the chair and the secretariat). */
export function mayEditAgreedText(author: Author): boolean {
  return author.role === 'chair' || author.role === 'secretariat';
}

/**
 * Why `author` may not turn `before` into `after` (a plain sentence for the user and a precise
 * detail), or null when the change is allowed. `clock` (epoch ms; the checker's clock, the
 * server's on the server) dates new comments. Schema validity is checked elsewhere.
 */
export function refuseEdit(before: Node, after: Node, author: Author, clock: number = Date.now()): EditRefusal | null {
  if (before === after) return null;
  if (!mayEdit(author)) {
    return before.eq(after) ? null : refuse(REFUSAL_MESSAGES.observer, `${author.role} ${author.delegation} may not edit`);
  }
  const was = editFacts(before);
  const now = editFacts(after, before);
  if (mayResolve(author)) return duplicateIdRefusal(was, now);
  const context: OwnershipContext = { author, editsAgreedText: mayEditAgreedText(author) };
  return articleStatusRefusal(was, now)
    ?? (context.editsAgreedText ? null : agreedTextRefusal(was, now))
    ?? inlineBracketRefusal(was, now, context)
    ?? blockBracketRefusal(was, now, context)
    ?? optionRefusal(was, now, context)
    ?? commentRefusal(was, now, context)
    ?? duplicateIdRefusal(was, now)
    ?? commentSignatureRefusal(was, now, context, clock);
}
