import { describe, expect, it } from 'vitest';
import { resolveDeadline } from '../../src/resilience/index.js';

describe('resolveDeadline: the x-c360-deadline-ms header', () => {
  it.each([
    [undefined, 3_000],
    ['250', 250],
    [' 1200 ', 1_200],
    ['60000', 3_000],
  ] as const)('header %j gives %i ms', (header, expected) => {
    expect(resolveDeadline(header, 3_000)).toEqual({ ok: true, deadlineMs: expected });
  });

  it.each(['soon', '0', '-5', '1.5', '', '10, 20'])('refuses %j with a reason naming the header', (header) => {
    const outcome = resolveDeadline(header, 3_000);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toContain('x-c360-deadline-ms');
  });
});
