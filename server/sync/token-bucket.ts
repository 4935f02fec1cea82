/**
 * A token bucket: holds up to `capacity` tokens and gains `perSecond` tokens a second. A burst up
 * to the capacity passes at once; beyond it, the sustained rate is `perSecond`. Time is read from
 * `now` (ms), so tests and callers can pass their own clock.
 */

/** A token bucket (see the module comment). */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(readonly capacity: number, readonly perSecond: number, now = Date.now()) {
    if (!(capacity > 0) || !(perSecond >= 0)) throw new RangeError(`Invalid token bucket: capacity ${capacity}, ${perSecond} per second`);
    this.tokens = capacity;
    this.last = now;
  }

  private refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
      this.last = now;
    }
  }

  /** Take `count` tokens if the bucket holds them; returns whether it did. */
  take(count = 1, now = Date.now()): boolean {
    this.refill(now);
    if (this.tokens < count) return false;
    this.tokens -= count;
    return true;
  }

  /** Milliseconds until `count` tokens are available (0 when they are now). */
  waitFor(count = 1, now = Date.now()): number {
    this.refill(now);
    if (this.tokens >= count) return 0;
    if (this.perSecond === 0) return Infinity;
    return Math.ceil(((count - this.tokens) / this.perSecond) * 1000);
  }
}
