/**
 * Who a connection is, as shown to others in awareness. The server writes the `user` field of
 * every awareness state a connection sends, so no one can appear as another delegation.
 */
import type { Account } from '../storage/types.ts';

/** The awareness `user` field the server sets for an account. */
export interface AwarenessUser {
  id: string;
  name: string;
  delegation: string;
  role: Account['role'];
  color: string;
}

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

/** The awareness `user` field for `account`. */
export function awarenessUser(account: Account): AwarenessUser {
  return { id: account.id, name: account.name, delegation: account.delegation, role: account.role, color: delegationColor(account.delegation) };
}
