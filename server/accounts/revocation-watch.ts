/**
 * How a running server learns that another process (the `plenipo user revoke|rotate` CLI) ended
 * an account: the store's `account_events` table is polled every `intervalMs` (one indexed query
 * for rows after the last seq seen, cheap enough to run every second) and each new event closes
 * the account's live connections. HTTP requests need no poll: every request looks its session or
 * token up in the database, so a revoked account gets 401 at once.
 */
import type { DocumentStore } from '../storage/types.ts';
import type { LiveSockets } from './live-sockets.ts';

/** A running watch; `stop` ends it. */
export interface RevocationWatch {
  stop(): void;
  /** Look for new events now (the timer does this every interval); resolves with how many were handled. */
  poll(): Promise<number>;
}

/** Default poll period: 1 s. */
export const DEFAULT_REVOCATION_POLL_MS = 1000;

/** Start polling the store's account events, closing the connections of revoked and rotated accounts. */
export async function watchRevocations(store: DocumentStore, sockets: LiveSockets, options: { intervalMs?: number; log?: (line: string) => void } = {}): Promise<RevocationWatch> {
  const events = await store.accountEventsAfter(0);
  let seen = events.length > 0 ? events[events.length - 1].seq : 0;
  let polling: Promise<number> | null = null;
  const poll = (): Promise<number> => {
    polling ??= (async () => {
      try {
        const fresh = await store.accountEventsAfter(seen);
        for (const event of fresh) {
          seen = event.seq;
          const closed = sockets.close(event.accountId);
          if (closed > 0) options.log?.(`plenipo: account ${event.accountId} ${event.kind === 'revoke' ? 'revoked' : 'given a new token'}; closed ${closed} connection(s)`);
        }
        return fresh.length;
      } catch (error) {
        options.log?.(`plenipo: reading account events failed: ${(error as Error).message}`);
        return 0;
      } finally {
        polling = null;
      }
    })();
    return polling;
  };
  const timer = setInterval(() => void poll(), options.intervalMs ?? DEFAULT_REVOCATION_POLL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), poll };
}
