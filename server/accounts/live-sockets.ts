/**
 * The open websockets of each account, from the moment the upgrade succeeds (before the room has
 * loaded, too), so that a revocation closes every one of them: each is closed with
 * `4401 Unauthorized: Access revoked`, which y-websocket clients do not retry (a reconnect would
 * get HTTP 401 anyway). Opening one also records the account's last activity.
 */
import type { DocumentStore } from '../storage/types.ts';
import type { Connection } from '../sync/connection.ts';
import { CloseCodes, closeWith } from '../sync/close-codes.ts';

/** The close code of a connection whose account was revoked or given a new token. */
export const ACCESS_REVOKED = closeWith(CloseCodes.Unauthorized, 'Access revoked');

/** Registry of live connections by account. */
export class LiveSockets {
  private readonly byAccount = new Map<string, Set<Connection>>();

  constructor(private readonly store: DocumentStore) {}

  /** Track a connection whose upgrade just succeeded (forgotten when its socket closes); records the account as active. */
  opened(connection: Connection): void {
    const id = connection.account.id;
    let set = this.byAccount.get(id);
    if (!set) this.byAccount.set(id, (set = new Set()));
    set.add(connection);
    connection.socket.once('close', () => {
      set.delete(connection);
      if (set.size === 0 && this.byAccount.get(id) === set) this.byAccount.delete(id);
    });
    void this.store.touchAccount(id).catch(() => {});
  }

  /** Live connections of an account now. */
  count(accountId: string): number {
    return this.byAccount.get(accountId)?.size ?? 0;
  }

  /** Close every live connection of `accountId` with `ACCESS_REVOKED`; returns how many were closed. */
  close(accountId: string): number {
    const set = this.byAccount.get(accountId);
    if (!set) return 0;
    for (const connection of set) connection.close(ACCESS_REVOKED);
    return set.size;
  }
}
