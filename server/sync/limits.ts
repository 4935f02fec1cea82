/**
 * The limits of the sync endpoint, with their default values, and the per-connection and
 * per-account budgets that enforce them. What each limit does when it is reached is described
 * once, in `server/README.md` ("Limits"); in short: an update above `maxUpdateBytes` is refused
 * with a permission-denied message (the editor shows it, nothing reconnects); updates or presence
 * messages faster than their budget close the connection with 4429; refused presence or requests
 * beyond `strikes` close it with 4423 or 4429; a peer that does not read what it is sent is
 * terminated once `maxBufferedBytes` wait for it.
 */
import { MAX_FRAME_BYTES, MAX_UPDATE_BYTES } from '../../shared/limits/index.ts';
import { CloseCodes, closeWith, type CloseCode } from './close-codes.ts';
import { TokenBucket } from './token-bucket.ts';

/** A rate: a burst of `burst` at once, then `perSecond` sustained. */
export interface Rate {
  burst: number;
  perSecond: number;
}

/** Every limit of the sync endpoint (see `DEFAULT_SYNC_LIMITS` for the values and why). */
export interface SyncLimits {
  /** Largest frame read at all (the `ws` server's `maxPayload`; above it `ws` closes with 1009). */
  maxFrameBytes: number;
  /** Largest Yjs update (SyncStep2 or Update) accepted; a larger one is refused with 4413. */
  maxUpdateBytes: number;
  /** Update messages per connection. */
  connectionUpdates: Rate;
  /** Update bytes per connection. */
  connectionUpdateBytes: Rate;
  /** Update messages per account, over all its connections. */
  accountUpdates: Rate;
  /** Update bytes per account, over all its connections. */
  accountUpdateBytes: Rate;
  /** Live connections per account. */
  maxConnectionsPerAccount: number;
  /** Outgoing bytes that may wait for a peer on top of the last full state it asked for. */
  maxBufferedBytes: number;
  /** Presence (awareness) messages relayed per connection; faster ones are merged and relayed later. */
  presenceRelay: Rate;
  /** Presence messages received per connection; beyond it the connection is closed. */
  presenceReceived: Rate;
  /** Presence client ids a connection may ever set (an editor uses one). */
  maxPresenceStates: number;
  /** Largest presence state, as JSON bytes. */
  maxPresenceStateBytes: number;
  /** SyncStep1 and QueryAwareness requests per connection (each answered with a full state). */
  requests: Rate;
  /** Refused presence states and requests tolerated before the connection is closed. */
  strikes: Rate;
  /** Messages held while the document loads. */
  maxHeldMessages: number;
}

/**
 * The defaults. Honest use, measured in `test/sync-limits.test.ts`: an editor sends one update
 * and at most one presence message per keystroke or selection change (a fast typist ~15/s, key
 * repeat ~30/s, a mouse selection up to one per frame), one SyncStep1 per connection, and one
 * update per paste; a 1 MB paste is one ~1 MB update.
 */
export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  maxFrameBytes: MAX_FRAME_BYTES,
  maxUpdateBytes: MAX_UPDATE_BYTES,
  connectionUpdates: { burst: 300, perSecond: 100 },
  connectionUpdateBytes: { burst: 2 * MAX_UPDATE_BYTES, perSecond: 256 * 1024 },
  accountUpdates: { burst: 1000, perSecond: 300 },
  accountUpdateBytes: { burst: 4 * MAX_UPDATE_BYTES, perSecond: 512 * 1024 },
  maxConnectionsPerAccount: 32,
  maxBufferedBytes: 16 * 1024 * 1024,
  presenceRelay: { burst: 120, perSecond: 60 },
  presenceReceived: { burst: 600, perSecond: 200 },
  maxPresenceStates: 4,
  maxPresenceStateBytes: 4096,
  requests: { burst: 5, perSecond: 0.2 },
  strikes: { burst: 20, perSecond: 0.2 },
  maxHeldMessages: 256,
};

/** The defaults with `overrides` applied; the update limit never exceeds the frame limit. */
export function syncLimits(overrides: Partial<SyncLimits> = {}): SyncLimits {
  const limits = { ...DEFAULT_SYNC_LIMITS, ...overrides };
  limits.maxUpdateBytes = Math.min(limits.maxUpdateBytes, limits.maxFrameBytes);
  return limits;
}

function bucket(rate: Rate): TokenBucket {
  return new TokenBucket(rate.burst, rate.perSecond);
}

/** The budgets one account shares over all its connections (kept while the server runs). */
export class AccountBudget {
  readonly updates: TokenBucket;
  readonly bytes: TokenBucket;
  /** Live connections of the account. */
  connections = 0;

  constructor(readonly limits: SyncLimits) {
    this.updates = bucket(limits.accountUpdates);
    this.bytes = bucket(limits.accountUpdateBytes);
  }
}

/** What `ConnectionBudget.presence` decides for a received presence message. */
export type PresenceTiming = 'now' | 'later' | 'flood';

/** The budgets of one connection, with its account's. */
export class ConnectionBudget {
  private readonly updates: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly relay: TokenBucket;
  private readonly received: TokenBucket;
  private readonly requests: TokenBucket;
  private readonly strikes: TokenBucket;
  private released = false;

  constructor(readonly limits: SyncLimits, readonly account: AccountBudget) {
    this.updates = bucket(limits.connectionUpdates);
    this.bytes = bucket(limits.connectionUpdateBytes);
    this.relay = bucket(limits.presenceRelay);
    this.received = bucket(limits.presenceReceived);
    this.requests = bucket(limits.requests);
    this.strikes = bucket(limits.strikes);
    account.connections += 1;
  }

  /** Whether the account already had its maximum of connections when this one came. */
  get overConnectionLimit(): boolean {
    return this.account.connections > this.limits.maxConnectionsPerAccount;
  }

  /** Stop counting this connection against its account (once). */
  release(): void {
    if (this.released) return;
    this.released = true;
    this.account.connections -= 1;
  }

  /** Charge an update of `bytes`; null when it may pass, else the code to close with. */
  update(bytes: number): CloseCode | null {
    if (!this.updates.take()) return closeWith(CloseCodes.TooManyMessages, 'updates on this connection');
    if (!this.account.updates.take()) return closeWith(CloseCodes.TooManyMessages, 'updates of this account');
    if (!this.bytes.take(bytes)) return closeWith(CloseCodes.TooManyMessages, 'update bytes on this connection');
    if (!this.account.bytes.take(bytes)) return closeWith(CloseCodes.TooManyMessages, 'update bytes of this account');
    return null;
  }

  /** Charge a presence message: relay it now, merge it for later, or close (a flood). */
  presence(): PresenceTiming {
    if (!this.received.take()) return 'flood';
    return this.relay.take() ? 'now' : 'later';
  }

  /** Milliseconds until the next presence message may be relayed. */
  presenceWait(): number {
    return this.relay.waitFor();
  }

  /** Take a relay token for merged presence that is due; returns whether one was free. */
  takePresenceRelay(): boolean {
    return this.relay.take();
  }

  /** Charge a SyncStep1 or QueryAwareness; returns whether it may be answered. */
  request(): boolean {
    return this.requests.take();
  }

  /** Count one refused message; returns true when the connection has run out of strikes. */
  strike(): boolean {
    return !this.strikes.take();
  }
}
