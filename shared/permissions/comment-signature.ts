/**
 * A comment is signed: the `author` of a new comment is the name of the account that writes it,
 * and its `createdAt` the time it is written — an epoch-milliseconds number (what the editor
 * writes) or an ISO 8601 date-time with its time zone — no more than `CLOCK_SKEW_MS` ahead of the
 * checker's clock (the server's, when the server checks) and no more than `COMMENT_AGE_MS` behind
 * it (a comment written offline and sent later). Once written, neither changes: not even the
 * comment's own delegation may re-sign or re-date it. The update log keeps the time each comment
 * really reached the server.
 */
import type { CommentFact, EditFacts } from './edit-facts.ts';
import type { OwnershipContext } from './bracket-ownership.ts';
import { refuse, REFUSAL_MESSAGES, type EditRefusal } from './refusal.ts';

/** How far ahead of the checker's clock a new comment's time may be (clocks of laptops differ). */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** How far behind the checker's clock a new comment's time may be (written offline, sent later). */
export const COMMENT_AGE_MS = 24 * 60 * 60_000;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The time `value` names in epoch ms (a non-negative integer, or an ISO 8601 date-time with zone), or null. */
export function commentTime(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** Why new comment `comment` is not signed by the author at a time near `now`, or null. */
function newCommentProblem(comment: CommentFact, context: OwnershipContext, now: number): string | null {
  const name = context.author.name;
  if (name !== undefined && comment.author !== name) {
    return `comment ${comment.id} is signed ${JSON.stringify(comment.author)}, not by its writer ${JSON.stringify(name)}`;
  }
  const time = commentTime(comment.createdAt);
  if (time === null) return `comment ${comment.id} has no valid time: createdAt ${JSON.stringify(comment.createdAt)}`;
  if (time > now + CLOCK_SKEW_MS) return `comment ${comment.id} is dated ${new Date(time).toISOString()}, after ${new Date(now).toISOString()}`;
  if (time < now - COMMENT_AGE_MS) return `comment ${comment.id} is dated ${new Date(time).toISOString()}, more than a day before ${new Date(now).toISOString()}`;
  return null;
}

/**
 * Why the comments of `after` are not signed as they must be (see the module comment), checking
 * new comments' times against `now` (epoch ms), or null.
 */
export function commentSignatureRefusal(before: EditFacts, after: EditFacts, context: OwnershipContext, now: number): EditRefusal | null {
  for (const [id, comment] of after.comments) {
    const was = before.comments.get(id);
    if (!was) {
      const problem = newCommentProblem(comment, context, now);
      if (problem) return refuse(REFUSAL_MESSAGES.commentSignature, problem);
      continue;
    }
    if (JSON.stringify([was.author, was.createdAt]) !== JSON.stringify([comment.author, comment.createdAt])) {
      return refuse(REFUSAL_MESSAGES.commentSignature, `comment ${id} would be re-signed or re-dated: ${JSON.stringify([was.author, was.createdAt])} → ${JSON.stringify([comment.author, comment.createdAt])}`);
    }
  }
  return null;
}
