/**
 * Brackets belong to their sponsors: the words, sponsors, kind, group and place of an inline or
 * block bracket change only if the author alone sponsors it. Anyone may co-sponsor (see
 * `sponsorship.ts`); only the sole sponsor withdraws; a new bracket is sponsored by its author
 * alone. A bracket stays on the words or block it was opened on: an inline bracket in its text
 * block (and, for others than its sole sponsor, between the same agreed characters), a block
 * bracket on the same block (and, for others, in the same place).
 *
 * One exception lets a delegation propose an inline alternative to another's bracket: it may put
 * a bracket without a group into a new group whose other members are its own new brackets, and
 * take it out again when it withdraws them.
 */
import type { Author } from './rules.ts';
import type { BlockBracketFact, EditFacts, InlineBracketFact } from './edit-facts.ts';
import { agreedOffsetCarried } from './agreed-text.ts';
import { isSoleSponsor, sponsorChangeProblem } from './sponsorship.ts';
import { refuse, REFUSAL_MESSAGES, type EditRefusal } from './refusal.ts';

/** Who the rules are applied to, with whether they may also change agreed text (the secretariat). */
export interface OwnershipContext {
  author: Author;
  editsAgreedText: boolean;
}

const list = (sponsors: readonly string[]) => `[${sponsors.join(', ')}]`;
const KINDS = new Set(['insert', 'delete']);

/** Members of inline group `group` other than `except`, in `facts`. */
function groupMembers(facts: EditFacts, group: string, except: string): InlineBracketFact[] {
  const out: InlineBracketFact[] = [];
  for (const fact of facts.inline.values()) if (fact.group === group && fact.id !== except) out.push(fact);
  return out;
}

/** Whether a non-sponsor may move bracket `id` from group `was` to group `now` (see the module comment). */
function groupChangeAllowed(before: EditFacts, after: EditFacts, id: string, was: string | null, now: string | null, own: string): boolean {
  if (was === null && now !== null) {
    if ([...before.inline.values()].some((f) => f.group === now)) return false;
    const others = groupMembers(after, now, id);
    return others.length > 0 && others.every((f) => !before.inline.has(f.id) && isSoleSponsor(f.sponsors, own));
  }
  if (was !== null && now === null) {
    const others = groupMembers(before, was, id);
    return others.every((f) => isSoleSponsor(f.sponsors, own)) && groupMembers(after, was, id).length === 0;
  }
  return false;
}

/** Why the author may not make this change to inline bracket `was` (now `now`), or null. */
function inlineChange(before: EditFacts, after: EditFacts, was: InlineBracketFact, now: InlineBracketFact, context: OwnershipContext): EditRefusal | null {
  const own = context.author.delegation;
  const problem = sponsorChangeProblem(was.sponsors, now.sponsors, own);
  if (problem) return refuse(REFUSAL_MESSAGES.sponsors, `bracket ${was.id}: ${problem}`);
  if (now.block !== was.block) return refuse(REFUSAL_MESSAGES.moved, `bracket ${was.id} would move from ${was.block} to ${now.block}`);
  if (isSoleSponsor(was.sponsors, own)) return null;
  const detail = `bracket ${was.id} sponsored by ${list(was.sponsors)}`;
  if (now.kind !== was.kind) return refuse(REFUSAL_MESSAGES.foreignProposal, `${detail}: kind ${was.kind} would become ${now.kind}`);
  if (now.group !== was.group && !groupChangeAllowed(before, after, was.id, was.group, now.group, own)) {
    return refuse(REFUSAL_MESSAGES.foreignProposal, `${detail}: group ${was.group} would become ${now.group}`);
  }
  if (now.words !== was.words) return refuse(REFUSAL_MESSAGES.foreignProposal, `${detail}: its words would change`);
  const carried = context.editsAgreedText
    ? agreedOffsetCarried(before, after, was.block, was.start, now.start) && agreedOffsetCarried(before, after, was.block, was.end, now.end)
    : was.start === now.start && was.end === now.end;
  if (!carried) {
    return refuse(REFUSAL_MESSAGES.moved, `${detail} would move from agreed offsets ${was.start}-${was.end} to ${now.start}-${now.end} of ${was.block}`);
  }
  return null;
}

/** Why the author may not make the changes `before` → `after` to inline brackets, or null. */
export function inlineBracketRefusal(before: EditFacts, after: EditFacts, context: OwnershipContext): EditRefusal | null {
  const own = context.author.delegation;
  for (const [id, was] of before.inline) {
    const now = after.inline.get(id);
    if (!now) {
      if (!isSoleSponsor(was.sponsors, own)) return refuse(REFUSAL_MESSAGES.withdraw, `${own} may not remove bracket ${id} sponsored by ${list(was.sponsors)}`);
      continue;
    }
    const problem = inlineChange(before, after, was, now, context);
    if (problem) return problem;
  }
  for (const [id, now] of after.inline) {
    if (before.inline.has(id)) continue;
    if (now.anonymous) return refuse(REFUSAL_MESSAGES.ids, `new bracket at ${now.block} has no id`);
    if (!isSoleSponsor(now.sponsors, own)) return refuse(REFUSAL_MESSAGES.ownName, `${own} may not open bracket ${id} sponsored by ${list(now.sponsors)}`);
  }
  for (const [id, now] of after.inline) {
    const wasKind = before.inline.get(id)?.kind;
    if (!KINDS.has(now.kind) && (wasKind === undefined || KINDS.has(wasKind))) return refuse(REFUSAL_MESSAGES.ownName, `bracket ${id} would have unknown kind ${JSON.stringify(now.kind)}`);
  }
  return null;
}

/** Why the author may not make this change to block bracket `was` (now `now`), or null. */
function blockChange(was: BlockBracketFact, now: BlockBracketFact, context: OwnershipContext): EditRefusal | null {
  const own = context.author.delegation;
  const problem = sponsorChangeProblem(was.sponsors, now.sponsors, own);
  if (problem) return refuse(REFUSAL_MESSAGES.sponsors, `block bracket ${was.id}: ${problem}`);
  if (now.node !== was.node) return refuse(REFUSAL_MESSAGES.moved, `block bracket ${was.id} would move from ${was.node} to ${now.node}`);
  if (isSoleSponsor(was.sponsors, own)) return null;
  const detail = `block bracket ${was.id} sponsored by ${list(was.sponsors)}`;
  if (now.kind !== was.kind) return refuse(REFUSAL_MESSAGES.foreignProposal, `${detail}: kind ${was.kind} would become ${now.kind}`);
  if (now.words !== was.words) return refuse(REFUSAL_MESSAGES.foreignProposal, `${detail}: its content would change`);
  if (now.place !== was.place && !context.editsAgreedText) return refuse(REFUSAL_MESSAGES.moved, `${detail} would move from ${was.place} to ${now.place}`);
  return null;
}

/** Why the author may not make the changes `before` → `after` to block brackets, or null. */
export function blockBracketRefusal(before: EditFacts, after: EditFacts, context: OwnershipContext): EditRefusal | null {
  const own = context.author.delegation;
  for (const [id, was] of before.blocks) {
    const now = after.blocks.get(id);
    if (!now) {
      if (!isSoleSponsor(was.sponsors, own)) return refuse(REFUSAL_MESSAGES.withdraw, `${own} may not remove block bracket ${id} sponsored by ${list(was.sponsors)}`);
      continue;
    }
    const problem = blockChange(was, now, context);
    if (problem) return problem;
  }
  for (const [id, now] of after.blocks) {
    if (before.blocks.has(id)) continue;
    if (!isSoleSponsor(now.sponsors, own)) return refuse(REFUSAL_MESSAGES.ownName, `${own} may not open block bracket ${id} sponsored by ${list(now.sponsors)}`);
  }
  return null;
}
