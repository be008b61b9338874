import { describe, expect, it } from 'vitest';
import { mapConcurrent } from '../../../src/adapters/zendesk/mapConcurrent.js';

describe('mapConcurrent: bounded parallel map', () => {
  it.each([1, 2, 5])('keeps input order with at most %i in flight', async (limit) => {
    let inFlight = 0;
    let peak = 0;
    const delays = [30, 5, 20, 1, 10, 15, 2];
    const result = await mapConcurrent(delays, limit, async (ms, index) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight -= 1;
      return `${index}:${ms}`;
    });
    expect(result).toEqual(delays.map((ms, index) => `${index}:${ms}`));
    expect(peak).toBe(limit);
  });

  it('returns [] for no items without calling', async () => {
    let calls = 0;
    expect(await mapConcurrent([], 3, async () => (calls += 1))).toEqual([]);
    expect(calls).toBe(0);
  });
});
