/**
 * Who a connection is, as shown to others in awareness. The server writes the `user` field of
 * every awareness state a connection sends, so no one can appear as another delegation.
 */
import type { Account } from '../storage/types.ts';
import { delegationColor } from '../../shared/model/delegation-colour.ts';

export { delegationColor };

/** The awareness `user` field the server sets for an account. */
export interface AwarenessUser {
  id: string;
  name: string;
  delegation: string;
  role: Account['role'];
  color: string;
}

/** The awareness `user` field for `account`. */
export function awarenessUser(account: Account): AwarenessUser {
  return { id: account.id, name: account.name, delegation: account.delegation, role: account.role, color: delegationColor(account.delegation) };
}
