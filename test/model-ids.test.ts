import { describe, it, expect } from 'vitest';
import { newId } from '../shared/model/index.ts';

describe('newId', () => {
  it('starts with the prefix and an underscore', () => {
    expect(newId('art')).toMatch(/^art_[a-z0-9]{8}$/);
  });

  it('gives different ids on each call', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('b')));
    expect(ids.size).toBe(1000);
  });

  it('rejects a prefix that is not a word', () => {
    expect(() => newId('a b')).toThrow(/Invalid id prefix "a b"/);
  });
});
