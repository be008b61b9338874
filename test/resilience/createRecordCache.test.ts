import { describe, expect, it } from 'vitest';
import { createRecordCache } from '../../src/resilience/createRecordCache.js';

describe('createRecordCache', () => {
  it('keeps the first fetch time when the same value is written again, and takes a new value with its own time', () => {
    let clock = 1_000;
    const cache = createRecordCache<{ name: string }>({ max: 10, ttlMs: 0, staleWindowMs: 60_000, now: () => clock });
    const first = { name: 'Ada' };
    cache.set('records:1', first);
    clock = 5_000;
    // Another request served by the same merged call writes the same object.
    cache.set('records:1', first);
    expect(cache.usable('records:1')).toEqual({ value: first, fetchedAtMs: 1_000 });
    const refetched = { name: 'Ada' };
    cache.set('records:1', refetched);
    expect(cache.usable('records:1')?.value).toBe(refetched);
    expect(cache.usable('records:1')?.fetchedAtMs).toBe(5_000);
  });

  it('stores nothing when neither freshness nor a stale window is configured', () => {
    const cache = createRecordCache<{ name: string }>({ max: 10, ttlMs: 0, staleWindowMs: 0 });
    cache.set('records:1', { name: 'Ada' });
    expect([cache.enabled, cache.size, cache.usable('records:1')]).toEqual([false, 0, undefined]);
  });
});
