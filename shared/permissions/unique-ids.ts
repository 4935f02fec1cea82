/**
 * Every id is unique in a document: element ids, block bracket ids, inline bracket ids, comment,
 * option and alternatives ids share one namespace, and an inline bracket is one run of text. A
 * second element or mark with an existing id would let one delegation forge another's proposal or
 * comment, so this holds for every author, the chair included. Duplicates a document already had
 * before the edit are tolerated (they are not the author's doing). A new inline alternatives
 * group may not take an existing id either (the chair resolves groups by their id).
 */
import type { EditFacts } from './edit-facts.ts';
import { refuse, REFUSAL_MESSAGES, type EditRefusal } from './refusal.ts';

/** Why `after` has an id more often than `before` had it (or a bracket split into more runs), or null. */
export function duplicateIdRefusal(before: EditFacts, after: EditFacts): EditRefusal | null {
  for (const [id, count] of after.ids) {
    if (count > 1 && count > (before.ids.get(id) ?? 0)) {
      return refuse(REFUSAL_MESSAGES.ids, `id ${JSON.stringify(id)} would be used ${count} times`);
    }
  }
  const groupsBefore = new Set<string>();
  for (const fact of before.inline.values()) if (fact.group !== null) groupsBefore.add(String(fact.group));
  for (const fact of after.inline.values()) {
    const group = fact.group === null ? null : String(fact.group);
    if (group !== null && !groupsBefore.has(group) && after.ids.has(group)) {
      return refuse(REFUSAL_MESSAGES.ids, `new alternatives group ${JSON.stringify(group)} would share its id with another element`);
    }
  }
  for (const [id, fact] of after.inline) {
    const was = before.inline.get(id);
    if (fact.runs > 1 && fact.runs > (was?.runs ?? 1)) {
      return refuse(REFUSAL_MESSAGES.ids, `inline bracket ${JSON.stringify(id)} would be split into ${fact.runs} separate runs`);
    }
    if (!fact.consistent && (was?.consistent ?? true)) {
      return refuse(REFUSAL_MESSAGES.ids, `inline bracket ${JSON.stringify(id)} would carry different attributes on different characters`);
    }
  }
  return null;
}
