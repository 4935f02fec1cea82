/** Stable colours per delegation, so FR is the same blue on every screen. */

const PALETTE = ['#1f6feb', '#c2410c', '#15803d', '#9333ea', '#b91c1c', '#0e7490', '#a16207', '#be185d', '#4d7c0f', '#4338ca', '#0f766e', '#7c2d12'];

/** A colour (`#rrggbb`) for the delegation code, the same for every client. */
export function delegationColour(delegation: string): string {
  let hash = 0;
  for (const char of delegation.toUpperCase()) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}
