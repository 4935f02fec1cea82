/**
 * Agreed text — everything outside every proposal (see `edit-facts.ts`) — is changed only by the
 * chair and the secretariat, who hold the pen. A delegation's edit must leave it exactly as it was:
 * the same blocks with the same attributes, the same characters with the same formatting.
 */
import type { EditFacts } from './edit-facts.ts';
import { refuse, REFUSAL_MESSAGES, type EditRefusal } from './refusal.ts';

/** Shorten a token for a log line. */
function clip(token: string | undefined): string {
  if (token === undefined) return '(nothing)';
  return JSON.stringify(token.length > 80 ? `${token.slice(0, 77)}...` : token);
}

/** Why the agreed text of `after` differs from `before`'s, naming the first difference, or null. */
export function agreedTextRefusal(before: EditFacts, after: EditFacts): EditRefusal | null {
  const a = before.agreed;
  const b = after.agreed;
  if (a.length === b.length && a.every((token, i) => token === b[i])) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return refuse(REFUSAL_MESSAGES.agreedText, `agreed text changes at token ${i}: ${clip(a[i])} would become ${clip(b[i])}`);
}

/**
 * The agreed offset `offset` of text block `block` in `before`, carried over to `after` when
 * agreed text changed around it (one changed stretch: common prefix and suffix), or null when the
 * offset lies inside the changed stretch.
 */
export function mapAgreedOffset(before: EditFacts, after: EditFacts, block: string, offset: number): number | null {
  const was = before.agreedByBlock.get(block);
  const now = after.agreedByBlock.get(block);
  if (was === undefined || now === undefined || was === now) return offset;
  let prefix = 0;
  while (prefix < was.length && prefix < now.length && was[prefix] === now[prefix]) prefix++;
  let suffix = 0;
  while (suffix < was.length - prefix && suffix < now.length - prefix && was[was.length - 1 - suffix] === now[now.length - 1 - suffix]) suffix++;
  if (offset <= prefix) return offset;
  if (offset >= was.length - suffix) return offset + now.length - was.length;
  return null;
}
