/**
 * A limit on failed attempts per key in a fixed window (in memory, per server process): sign-ins
 * and bearer tokens that did not match are counted per client address and per token prefix, and a
 * key that reached its limit is refused with 429 until its window ends. Successful sign-ins are
 * not counted, so a whole delegation behind one conference NAT is not locked out by use.
 */

/** Limits of a `FailureLimiter`. */
export interface FailureLimits {
  /** Failures allowed per client address per window. */
  perAddress: number;
  /** Failures allowed per token prefix (its first `prefixLength` characters) per window. */
  perPrefix: number;
  prefixLength: number;
  windowMs: number;
}

/** Default limits: 20 failures per address and 5 per token prefix per minute. */
export const DEFAULT_FAILURE_LIMITS: FailureLimits = { perAddress: 20, perPrefix: 5, prefixLength: 8, windowMs: 60_000 };

interface Window { start: number; count: number }

/** Counts failures per key in fixed windows. */
export class FailureLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(readonly limits: FailureLimits = DEFAULT_FAILURE_LIMITS) {}

  /** True when `address` or the prefix of `token` has used up its failures in the current window. */
  blocked(address: string, token: string | null, now = Date.now()): boolean {
    return this.reached(`a:${address}`, this.limits.perAddress, now)
      || (!!token && this.reached(`p:${token.slice(0, this.limits.prefixLength)}`, this.limits.perPrefix, now));
  }

  /** Count one failed attempt from `address` with `token`. */
  fail(address: string, token: string | null, now = Date.now()): void {
    this.count(`a:${address}`, now);
    if (token) this.count(`p:${token.slice(0, this.limits.prefixLength)}`, now);
    if (this.windows.size > 10_000) this.prune(now);
  }

  private reached(key: string, limit: number, now: number): boolean {
    const window = this.windows.get(key);
    return !!window && now - window.start < this.limits.windowMs && window.count >= limit;
  }

  private count(key: string, now: number): void {
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.limits.windowMs) this.windows.set(key, { start: now, count: 1 });
    else window.count += 1;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.limits.windowMs) this.windows.delete(key);
  }
}
