/**
 * Who may change what, decided on the difference between two inventories (before and after an
 * update). Observers change nothing; chairs may resolve anything; delegates and secretariats edit
 * text, propose, co-sponsor and comment, but may not remove or re-sponsor someone else's bracket
 * or option, nor touch another delegation's comment, nor propose in another delegation's name.
 */
import type { Inventory } from './inventory.ts';

/** The roles of accounts (mirrors the accounts table). */
export type Role = 'delegate' | 'chair' | 'secretariat' | 'observer';

/** Who sends a change. */
export interface Author {
  role: Role | string;
  delegation: string;
  /**
   * The account's name, which a comment it writes must carry as its `author`. The server and the
   * editor always pass it (they pass the account); without it only the delegation is checked.
   */
  name?: string;
}

/** Whether `author` may edit the document at all. */
export function mayEdit(author: Author): boolean {
  return author.role === 'delegate' || author.role === 'chair' || author.role === 'secretariat';
}

/** Whether `author` may resolve (keep, drop, choose) any bracket. */
export function mayResolve(author: Author): boolean {
  return author.role === 'chair';
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Why a change of `sponsors` from `before` to `after` is not allowed to `delegation`, or null. */
function sponsorChange(before: string[], after: string[], delegation: string): string | null {
  if (sameSet(before, after) || before.includes(delegation)) return null;
  if (sameSet([...before, delegation], after)) return null;
  return `may only add ${delegation} to sponsors [${before.join(', ')}], not make them [${after.join(', ')}]`;
}

/**
 * Why `author` may not turn `before` into `after`, or null when the change is allowed. The
 * reason names the bracket, option or comment concerned.
 */
export function checkChange(before: Inventory, after: Inventory, author: Author): string | null {
  if (!mayEdit(author)) return `${author.role} ${author.delegation} may not edit`;
  if (mayResolve(author)) return null;
  const own = author.delegation;
  for (const [id, was] of before.brackets) {
    const now = after.brackets.get(id);
    const sponsor = was.sponsors.includes(own);
    if (!now) {
      if (!sponsor) return `${own} may not remove bracket ${id} sponsored by [${was.sponsors.join(', ')}]`;
      continue;
    }
    const problem = sponsorChange(was.sponsors, now.sponsors, own);
    if (problem) return `bracket ${id}: ${problem}`;
    if (!sponsor && (now.kind !== was.kind || (was.group !== null && now.group !== was.group))) {
      return `${own} may not change kind or group of bracket ${id} sponsored by [${was.sponsors.join(', ')}]`;
    }
  }
  for (const [id, now] of after.brackets) {
    if (before.brackets.has(id)) continue;
    const foreign = now.sponsors.filter((s) => s !== own);
    if (foreign.length) return `${own} may not open bracket ${id} in the name of ${foreign.join(', ')}`;
  }
  for (const [id, was] of before.options) {
    const now = after.options.get(id);
    if (!now) {
      if (was.sponsors.length && !was.sponsors.includes(own)) return `${own} may not remove option ${id} sponsored by [${was.sponsors.join(', ')}]`;
      continue;
    }
    const problem = sponsorChange(was.sponsors, now.sponsors, own);
    if (problem) return `option ${id}: ${problem}`;
  }
  for (const [id, now] of after.options) {
    if (before.options.has(id)) continue;
    const foreign = now.sponsors.filter((s) => s !== own);
    if (foreign.length) return `${own} may not propose option ${id} in the name of ${foreign.join(', ')}`;
  }
  for (const [id, was] of before.comments) {
    const now = after.comments.get(id);
    if (was.delegation === own) continue;
    if (!now) return `${own} may not delete comment ${id} of ${was.delegation}`;
    if (now.fingerprint !== was.fingerprint) return `${own} may not edit comment ${id} of ${was.delegation}`;
  }
  for (const [id, now] of after.comments) {
    if (!before.comments.has(id) && now.delegation !== own) return `${own} may not write comment ${id} as ${now.delegation}`;
  }
  return null;
}
