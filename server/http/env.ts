/** The Hono environment shared by every route group: the store, the live rooms, the security settings and (under /api) the account. */
import type { Account, DocumentStore } from '../storage/types.ts';
import type { Rooms } from '../sync/rooms.ts';
import type { JobRunner } from '../jobs/runner.ts';
import type { FailureLimiter } from './rate-limit.ts';
import type { LiveSockets } from '../accounts/live-sockets.ts';

/** How the server decides where a request comes from and how long a browser stays signed in. */
export interface SecurityPolicy {
  /** Origins allowed besides the server's own (PLENIPO_ORIGINS), e.g. `https://plenipo.example.org`. */
  origins: readonly string[];
  /** Believe `X-Forwarded-Proto`, `X-Forwarded-Host` and `X-Forwarded-For` (PLENIPO_TRUST_PROXY=1 behind a TLS proxy). */
  trustProxy: boolean;
  /** Lifetime of a browser session, ms. */
  sessionTtlMs: number;
  /** Largest request body accepted, bytes. */
  maxBodyBytes: number;
}

/** Variables set on every request (`account` only after `requireAccount`). */
export type AppEnv = {
  Variables: {
    store: DocumentStore;
    rooms: Rooms;
    account: Account;
    policy: SecurityPolicy;
    /** Failed sign-ins, by client address and by token prefix. */
    limiter: FailureLimiter;
    /** Worker threads for heavy work (time-travel redlines, exports). */
    jobs: JobRunner;
    /** Live websockets by account: the sync route registers each, a revocation closes them. */
    liveSockets: LiveSockets;
  };
};
