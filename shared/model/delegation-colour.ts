/**
 * Delegation colours: one stable colour per delegation code, used by the server for awareness
 * (cursor colours) and by the client for sponsor badges, so both always agree.
 */

const PALETTE = [
  '#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22',
  '#ff7f0e', '#3b6ea5', '#b5495b', '#4f8a3c', '#7b5ea7', '#a0522d', '#c71585', '#008b8b',
];

/** A stable colour for a delegation code, picked from a fixed palette by hashing the code. */
export function delegationColor(delegation: string): string {
  let hash = 2166136261;
  for (let i = 0; i < delegation.length; i++) hash = Math.imul(hash ^ delegation.charCodeAt(i), 16777619);
  return PALETTE[(hash >>> 0) % PALETTE.length];
}
