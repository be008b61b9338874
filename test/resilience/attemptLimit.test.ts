import { describe, expect, it } from 'vitest';
import { attemptLimit, MIN_ATTEMPT_MS } from '../../src/resilience/index.js';

describe('attemptLimit', () => {
  it('is the source timeout while it fits in half the time left', () => {
    expect(attemptLimit(1_000, 3_000)).toBe(1_000);
    expect(attemptLimit(1_000, Number.POSITIVE_INFINITY)).toBe(1_000);
  });

  it('is half the time left when that is shorter, so the calls after it keep the other half', () => {
    expect(attemptLimit(1_000, 500)).toBe(250);
    expect(attemptLimit(1_000, 1_800)).toBe(900);
  });

  it('never goes below the least useful attempt, nor past the deadline', () => {
    expect(attemptLimit(1_000, 80)).toBe(MIN_ATTEMPT_MS);
    expect(attemptLimit(1_000, 30)).toBe(30);
    expect(attemptLimit(1_000, 0)).toBe(1);
  });
});
