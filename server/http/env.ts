/** The Hono environment shared by every route group: the store, the live rooms and (under /api) the account. */
import type { Account, DocumentStore } from '../storage/types.ts';
import type { Rooms } from '../sync/rooms.ts';

/** Variables set on every request (`account` only after `requireAccount`). */
export type AppEnv = {
  Variables: {
    store: DocumentStore;
    rooms: Rooms;
    account: Account;
  };
};
