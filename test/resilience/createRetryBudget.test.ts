import { describe, expect, it } from 'vitest';
import { createRetryBudget } from '../../src/resilience/index.js';

describe('createRetryBudget: bounded retries', () => {
  it('allows at most ratio x calls + initial retries when every call wants one', () => {
    const budget = createRetryBudget({ ratio: 0.1 });
    let retries = 0;
    for (let i = 0; i < 1_000; i += 1) {
      budget.recordCall();
      if (budget.tryRetry()) retries += 1;
    }
    expect(retries).toBeLessThanOrEqual(101);
    expect(retries).toBeGreaterThanOrEqual(99);
  });

  it('saves up no more than max retries', () => {
    const budget = createRetryBudget({ ratio: 1, max: 3 });
    for (let i = 0; i < 50; i += 1) budget.recordCall();
    expect(budget.available()).toBe(3);
    expect([budget.tryRetry(), budget.tryRetry(), budget.tryRetry(), budget.tryRetry()]).toEqual([true, true, true, false]);
  });
});
