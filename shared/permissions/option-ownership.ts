/**
 * Options of alternatives belong to their sponsors, like brackets: words, label and place change
 * only for the sole sponsor; others may co-sponsor; only the sole sponsor withdraws. A new option
 * is sponsored by its author alone — except option 1 of a newly proposed alternative, which holds
 * the existing wording without sponsors (its content counts as agreed text, so it can only be
 * wording that was there). Such an unsponsored option may be removed only together with every
 * sponsored option of its alternatives, all the author's own (withdrawing the whole proposal).
 * The options common to before and after keep their order.
 */
import type { EditFacts, OptionFact } from './edit-facts.ts';
import type { OwnershipContext } from './bracket-ownership.ts';
import { isSoleSponsor, sponsorChangeProblem } from './sponsorship.ts';
import { refuse, REFUSAL_MESSAGES, type EditRefusal } from './refusal.ts';

const list = (sponsors: readonly string[]) => `[${sponsors.join(', ')}]`;

/** Whether the author withdraws the whole alternatives `alternatives`: all its sponsored options are theirs and gone. */
function withdrawsWhole(before: EditFacts, after: EditFacts, alternatives: string | null, own: string): boolean {
  const group = before.alternatives.get(alternatives ?? '');
  if (!group) return false;
  let sponsored = 0;
  for (const id of group.options) {
    const option = before.options.get(id);
    if (!option || option.sponsors.length === 0) continue;
    sponsored++;
    if (!isSoleSponsor(option.sponsors, own) || after.options.has(id)) return false;
  }
  return sponsored > 0;
}

function optionChange(was: OptionFact, now: OptionFact, context: OwnershipContext): EditRefusal | null {
  const own = context.author.delegation;
  const problem = sponsorChangeProblem(was.sponsors, now.sponsors, own);
  if (problem) return refuse(REFUSAL_MESSAGES.sponsors, `option ${was.id}: ${problem}`);
  if (now.alternatives !== was.alternatives) return refuse(REFUSAL_MESSAGES.moved, `option ${was.id} would move from alternatives ${was.alternatives} to ${now.alternatives}`);
  if (isSoleSponsor(was.sponsors, own)) return null;
  const detail = `option ${was.id} sponsored by ${list(was.sponsors)}`;
  if (now.label !== was.label) return refuse(REFUSAL_MESSAGES.foreignProposal, `${detail}: its label would change`);
  // An unsponsored option holds existing wording: agreed text, guarded as such (proposals inside it are allowed).
  if (was.sponsors.length > 0 && now.words !== was.words) return refuse(REFUSAL_MESSAGES.foreignProposal, `${detail}: its content would change`);
  return null;
}

/** Why the author may not make the changes `before` → `after` to options and alternatives, or null. */
export function optionRefusal(before: EditFacts, after: EditFacts, context: OwnershipContext): EditRefusal | null {
  const own = context.author.delegation;
  for (const [id, was] of before.options) {
    const now = after.options.get(id);
    if (!now) {
      if (isSoleSponsor(was.sponsors, own)) continue;
      if (was.sponsors.length === 0 && withdrawsWhole(before, after, was.alternatives, own)) continue;
      return refuse(REFUSAL_MESSAGES.withdraw, `${own} may not remove option ${id} sponsored by ${list(was.sponsors)}`);
    }
    const problem = optionChange(was, now, context);
    if (problem) return problem;
  }
  for (const [id, now] of after.options) {
    if (before.options.has(id)) continue;
    if (isSoleSponsor(now.sponsors, own)) continue;
    const fresh = !before.alternatives.has(now.alternatives ?? '');
    if (now.sponsors.length === 0 && fresh && !now.empty) continue;
    return refuse(REFUSAL_MESSAGES.ownName, `${own} may not add option ${id} sponsored by ${list(now.sponsors)}`);
  }
  for (const [id, was] of before.alternatives) {
    const now = after.alternatives.get(id);
    if (!now) continue;
    const kept = new Set(now.options);
    const common = was.options.filter((o) => kept.has(o));
    const order = now.options.filter((o) => common.includes(o));
    if (common.some((o, i) => o !== order[i])) return refuse(REFUSAL_MESSAGES.moved, `options of alternatives ${id} would be reordered`);
    const foreign = was.options.some((o) => !isSoleSponsor(before.options.get(o)?.sponsors ?? [], own));
    if (foreign && now.place !== was.place && !context.editsAgreedText) return refuse(REFUSAL_MESSAGES.moved, `alternatives ${id} would move from ${was.place} to ${now.place}`);
  }
  return null;
}
