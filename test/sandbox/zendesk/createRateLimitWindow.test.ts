import { describe, expect, it } from 'vitest';
import { createRateLimitWindow } from '../../../src/sandbox/zendesk/createRateLimitWindow.js';

describe('createRateLimitWindow: per-minute request counter', () => {
  it('counts down within a minute, floors at zero and resets on the next minute', () => {
    let now = 120_000 + 15_000;
    const window = createRateLimitWindow(2, () => now);
    expect(window.take()).toEqual({ limit: 2, remaining: 1, resetSeconds: 45 });
    expect(window.take().remaining).toBe(0);
    expect(window.take().remaining).toBe(0);
    now = 180_000;
    expect(window.take()).toEqual({ limit: 2, remaining: 1, resetSeconds: 60 });
  });
});
