/**
 * Comments belong to their delegation: a comment's text and every attribute (author, delegation,
 * createdAt, target, replyTo, status) change only by that delegation (the chair, exempt from these
 * rules, may also mark it resolved); a new comment is written in the author's own delegation's
 * name. A comment's anchor marks are its delegation's too: others may not attach it to other text
 * nor detach it from agreed text (it may vanish with proposal text its sponsor withdraws).
 */
import type { AnchorFact, EditFacts } from './edit-facts.ts';
import type { OwnershipContext } from './bracket-ownership.ts';
import { refuse, REFUSAL_MESSAGES, type EditRefusal } from './refusal.ts';

/** Why the author may not make the changes `before` → `after` to comments, or null. */
export function commentRefusal(before: EditFacts, after: EditFacts, context: OwnershipContext): EditRefusal | null {
  const own = context.author.delegation;
  for (const [id, was] of before.comments) {
    const now = after.comments.get(id);
    if (was.delegation === own) {
      if (now && now.delegation !== own) return refuse(REFUSAL_MESSAGES.comment, `${own} may not hand comment ${id} to ${now.delegation}`);
      continue;
    }
    if (!now) return refuse(REFUSAL_MESSAGES.comment, `${own} may not delete comment ${id} of ${was.delegation}`);
    if (now.words !== was.words) return refuse(REFUSAL_MESSAGES.comment, `${own} may not change comment ${id} of ${was.delegation}`);
  }
  for (const [id, now] of after.comments) {
    if (!before.comments.has(id) && now.delegation !== own) return refuse(REFUSAL_MESSAGES.comment, `${own} may not write comment ${id} as ${now.delegation}`);
  }
  return anchorRefusal(before, after, context);
}

const runKey = (run: AnchorFact) => `${run.block}:${run.start}-${run.end}`;

function runsByComment(runs: readonly AnchorFact[]): Map<string, AnchorFact[]> {
  const out = new Map<string, AnchorFact[]>();
  for (const run of runs) {
    const list = out.get(run.comment);
    if (list) list.push(run);
    else out.set(run.comment, [run]);
  }
  return out;
}

/** Why the author may not make the changes to other delegations' comment anchors, or null. */
function anchorRefusal(before: EditFacts, after: EditFacts, context: OwnershipContext): EditRefusal | null {
  const own = context.author.delegation;
  const was = runsByComment(before.anchors);
  const now = runsByComment(after.anchors);
  for (const comment of new Set([...was.keys(), ...now.keys()])) {
    const owner = after.comments.get(comment)?.delegation ?? before.comments.get(comment)?.delegation ?? null;
    if (owner === own) continue;
    const old = was.get(comment) ?? [];
    const fresh = now.get(comment) ?? [];
    const oldKeys = new Set(old.map(runKey));
    const oldBlocks = new Set(old.map((r) => r.block));
    const freshKeys = new Set(fresh.map(runKey));
    const agreedChanged = (block: string) => context.editsAgreedText && before.agreedByBlock.get(block) !== after.agreedByBlock.get(block);
    for (const run of fresh) {
      if (oldKeys.has(runKey(run)) || agreedChanged(run.block)) continue;
      if (run.end === run.start && oldBlocks.has(run.block)) continue;
      return refuse(REFUSAL_MESSAGES.anchor, `${own} may not attach comment ${comment} of ${owner ?? 'nobody'} to ${runKey(run)}`);
    }
    for (const run of old) {
      if (run.end === run.start || freshKeys.has(runKey(run)) || agreedChanged(run.block)) continue;
      return refuse(REFUSAL_MESSAGES.anchor, `${own} may not detach comment ${comment} of ${owner ?? 'nobody'} from ${runKey(run)}`);
    }
  }
  return null;
}
