/**
 * Ending an account's live sessions: every websocket of the account, in every loaded document,
 * is closed with 4401 ("Access revoked"), which y-websocket clients do not retry.
 */
import type { Rooms } from '../sync/rooms.ts';
import { CloseCodes, closeWith } from '../sync/close-codes.ts';

/** Close every live connection of `accountId`; returns how many were closed. */
export function disconnectAccount(rooms: Rooms, accountId: string): number {
  let closed = 0;
  for (const docId of rooms.loaded()) {
    for (const connection of rooms.get(docId)?.connections ?? []) {
      if (connection.account.id !== accountId) continue;
      connection.close(closeWith(CloseCodes.Unauthorized, 'Access revoked'));
      closed += 1;
    }
  }
  return closed;
}
