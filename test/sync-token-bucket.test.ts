/** The token bucket behind every rate limit of the sync endpoint, on a clock of our own. */
import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../server/sync/token-bucket.ts';

describe('a token bucket', () => {
  it('lets a burst up to its capacity through at once, then nothing until it refills', () => {
    const bucket = new TokenBucket(3, 1, 0);
    expect([bucket.take(1, 0), bucket.take(1, 0), bucket.take(1, 0), bucket.take(1, 0)]).toEqual([true, true, true, false]);
    expect(bucket.waitFor(1, 0)).toBe(1000);
    expect(bucket.take(1, 999)).toBe(false);
    expect(bucket.take(1, 1000)).toBe(true);
  });

  it('never holds more than its capacity however long it waits', () => {
    const bucket = new TokenBucket(2, 10, 0);
    expect(bucket.take(3, 60_000)).toBe(false);
    expect(bucket.take(2, 60_000)).toBe(true);
  });

  it('refuses an invalid capacity and names it', () => {
    expect(() => new TokenBucket(0, 1)).toThrow(/capacity 0/);
  });
});
