/**
 * Every id is unique in a document: element ids, block bracket ids, inline bracket ids, comment,
 * option and alternatives ids share one namespace, and an inline bracket is one run of text. A
 * second element or mark with an existing id would let one delegation forge another's proposal or
 * comment, so this holds for every author, the chair included. Duplicates a document already had
 * before the edit are tolerated (they are not the author's doing).
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
