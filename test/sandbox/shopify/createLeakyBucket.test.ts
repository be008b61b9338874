import { describe, expect, it } from 'vitest';
import { createLeakyBucket } from '../../../src/sandbox/shopify/createLeakyBucket.js';

function clockAt(startMs = 0) {
  let now = startMs;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('createLeakyBucket: cost bucket', () => {
  it('starts full and takes what is available', () => {
    const clock = clockAt();
    const bucket = createLeakyBucket({ size: 1000, restoreRate: 50, now: clock.now });
    expect(bucket.status()).toEqual({ maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 50 });
    expect(bucket.tryTake(700)).toBe(true);
    expect(bucket.status().currentlyAvailable).toBe(300);
  });

  it('refuses a cost above what is available and takes nothing', () => {
    const clock = clockAt();
    const bucket = createLeakyBucket({ size: 100, restoreRate: 10, now: clock.now });
    expect(bucket.tryTake(80)).toBe(true);
    expect(bucket.tryTake(30)).toBe(false);
    expect(bucket.status().currentlyAvailable).toBe(20);
  });

  it('restores restoreRate points per second, up to the size', () => {
    const clock = clockAt();
    const bucket = createLeakyBucket({ size: 100, restoreRate: 10, now: clock.now });
    bucket.tryTake(100);
    clock.advance(1500);
    expect(bucket.status().currentlyAvailable).toBe(15);
    expect(bucket.tryTake(16)).toBe(false);
    clock.advance(100);
    expect(bucket.tryTake(16)).toBe(true);
    clock.advance(60_000);
    expect(bucket.status().currentlyAvailable).toBe(100);
  });

  it('refunds unused points without overflowing', () => {
    const clock = clockAt();
    const bucket = createLeakyBucket({ size: 100, restoreRate: 10, now: clock.now });
    bucket.tryTake(60);
    bucket.refund(50);
    expect(bucket.status().currentlyAvailable).toBe(90);
    bucket.refund(50);
    expect(bucket.status().currentlyAvailable).toBe(100);
  });

  it.each([
    ['size', { size: 0, restoreRate: 1 }],
    ['restoreRate', { size: 10, restoreRate: -1 }],
  ])('rejects a non-positive %s', (name, options) => {
    expect(() => createLeakyBucket(options)).toThrow(new RegExp(`${name} must be a positive number`));
  });
});
