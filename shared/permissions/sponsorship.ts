/**
 * Sponsorship: a proposal belongs to its sponsors. Its sole sponsor may edit and withdraw it;
 * another delegation may only add itself as a co-sponsor, and a co-sponsor may take itself off
 * again (which also undoes a co-sponsoring). The first sponsor stays first.
 */

/** Whether `delegation` alone sponsors a proposal sponsored by `sponsors`. */
export function isSoleSponsor(sponsors: readonly string[], delegation: string): boolean {
  return sponsors.length === 1 && sponsors[0] === delegation;
}

/** Whether two sponsor lists are the same, in the same order. */
export function sameSponsors(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * Why `delegation` may not change sponsors from `before` to `after`, or null when it may: it may
 * append itself when it is not a sponsor yet (of a proposal that has sponsors: one without is the
 * chair's to settle, and co-sponsoring would make it the delegation's own), or remove itself
 * while other sponsors remain.
 */
export function sponsorChangeProblem(before: readonly string[], after: readonly string[], delegation: string): string | null {
  if (sameSponsors(before, after)) return null;
  if (before.length > 0 && !before.includes(delegation) && sameSponsors([...before, delegation], after)) return null;
  if (before.includes(delegation) && before.length > 1 && sameSponsors(before.filter((s) => s !== delegation), after)) return null;
  return `${delegation} may only add or remove itself: sponsors [${before.join(', ')}] would become [${after.join(', ')}]`;
}
