import { describe, expect, it } from 'vitest';
import { UpstreamError, type UpstreamErrorKind } from '../../src/adapters/UpstreamError.js';
import { CircuitOpenError, planRetry, type RetryPlan } from '../../src/resilience/index.js';

const upstream = (kind: UpstreamErrorKind, retryAfterMs?: number) => new UpstreamError({ source: 's', kind, message: kind, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
const base: { attempts: number; maxAttempts: number; baseDelayMs: number; maxDelayMs: number; remainingMs: number; random: number; attemptMs?: number } = { attempts: 1, maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, remainingMs: 3_000, random: 0.5 };

describe('planRetry: which failures are retried and after how long', () => {
  const cases: Array<[string, Partial<typeof base> & { error: unknown }, RetryPlan]> = [
    ['a 5xx after the first attempt, with jittered backoff', { error: upstream('unavailable') }, { retry: true, delayMs: 75 }],
    ['a timeout on the second attempt, backoff doubled', { error: upstream('timeout'), attempts: 2 }, { retry: true, delayMs: 150 }],
    ['backoff capped at maxDelayMs', { error: upstream('bad_response'), attempts: 2, maxAttempts: 9, baseDelayMs: 800, random: 1 }, { retry: true, delayMs: 1_000 }],
    ['a throttle after its Retry-After', { error: upstream('rate_limited', 400) }, { retry: true, delayMs: 400 }],
    ['a throttle whose Retry-After does not fit fails fast', { error: upstream('rate_limited', 10_000) }, { retry: false, reason: 'deadline' }],
    ['a backoff that leaves too little time fails fast', { error: upstream('unavailable'), remainingMs: 100 }, { retry: false, reason: 'deadline' }],
    ['a timeout is retried when a whole attempt still fits', { error: upstream('timeout'), attemptMs: 1_000, remainingMs: 1_500 }, { retry: true, delayMs: 75 }],
    ['a timeout is not retried when only part of an attempt fits', { error: upstream('timeout'), attemptMs: 1_000, remainingMs: 900 }, { retry: false, reason: 'deadline' }],
    ['other failures need only a short attempt to fit', { error: upstream('unavailable'), attemptMs: 1_000, remainingMs: 900 }, { retry: true, delayMs: 75 }],
    ['never after the last attempt', { error: upstream('unavailable'), attempts: 3 }, { retry: false, reason: 'attempts' }],
    ['never an auth failure', { error: upstream('auth') }, { retry: false, reason: 'not_retryable' }],
    ['never a rejected request', { error: upstream('rejected') }, { retry: false, reason: 'not_retryable' }],
    ['never an open circuit', { error: new CircuitOpenError('s') }, { retry: false, reason: 'not_retryable' }],
    ['never a bug (not an upstream error)', { error: new TypeError('x') }, { retry: false, reason: 'not_retryable' }],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(planRetry({ ...base, ...input })).toEqual(expected);
  });
});
