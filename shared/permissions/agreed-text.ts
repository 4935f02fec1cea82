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

/** Where `offset` lands when `was` becomes `now` with the unchanged prefix `prefix` and suffix `suffix`, or null inside the change. */
function mapWith(was: string, now: string, prefix: number, suffix: number, offset: number): number | null {
  if (offset <= prefix) return offset;
  if (offset >= was.length - suffix) return offset + now.length - was.length;
  return null;
}

/**
 * Whether agreed offset `offset` of text block `block` in `before` may have become `moved` in
 * `after`, when agreed text changed around it in one stretch (the secretariat's edit). Within a
 * run of repeated characters the changed stretch could be on either side of the offset, so both
 * readings — the common prefix taken first, or the common suffix first — are accepted, and any
 * offset between them. An offset inside the changed stretch was not carried over: false.
 */
export function agreedOffsetCarried(before: EditFacts, after: EditFacts, block: string, offset: number, moved: number): boolean {
  const was = before.agreedByBlock.get(block);
  const now = after.agreedByBlock.get(block);
  if (was === undefined || now === undefined || was === now) return offset === moved;
  const shorter = Math.min(was.length, now.length);
  const common = (limit: number, at: (i: number) => boolean) => { let n = 0; while (n < limit && at(n)) n++; return n; };
  const prefixOf = (limit: number) => common(limit, (i) => was[i] === now[i]);
  const suffixOf = (limit: number) => common(limit, (i) => was[was.length - 1 - i] === now[now.length - 1 - i]);
  const p1 = prefixOf(shorter);
  const s1 = suffixOf(shorter - p1);
  const s2 = suffixOf(shorter);
  const p2 = prefixOf(shorter - s2);
  const readings = [mapWith(was, now, p1, s1, offset), mapWith(was, now, p2, s2, offset)].filter((o): o is number => o !== null);
  if (readings.length === 0) return false;
  return moved >= Math.min(...readings) && moved <= Math.max(...readings);
}
