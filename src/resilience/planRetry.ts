import { isUpstreamError } from '../adapters/UpstreamError.js';
import { CircuitOpenError } from './CircuitOpenError.js';

/** What {@link planRetry} needs to know about the failed attempt and the request. */
export interface RetryInput {
  readonly error: unknown;
  /** Attempts made so far (1 after the first call failed). */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Time left before the request deadline, ms (Infinity without one). */
  readonly remainingMs: number;
  /** Limit of one attempt, ms: a timed-out call is retried only when a whole new attempt fits. */
  readonly attemptMs?: number;
  /** Uniform random in [0, 1); injected for tests. */
  readonly random: number;
}

/** Retry after `delayMs`, or give up and say why (for logs and tests). */
export type RetryPlan =
  | { readonly retry: true; readonly delayMs: number }
  | { readonly retry: false; readonly reason: 'not_retryable' | 'attempts' | 'deadline' };

/** Least time worth starting an attempt with, ms: less and it would only time out. */
export const MIN_ATTEMPT_MS = 50;

/**
 * Decides whether a failed idempotent read is retried and after how long. Never retried: `auth` and
 * `rejected` (the same call fails the same way), an open circuit, non-upstream errors (bugs). The wait is the
 * vendor's `retryAfterMs` when given (Retry-After or Shopify's cost model), else exponential backoff with
 * equal jitter (`base × 2^(n-1)`, capped at `maxDelayMs`, between half and all of it). When the wait plus
 * {@link MIN_ATTEMPT_MS} does not fit before the deadline the call fails fast instead; after a timeout, the
 * wait plus a whole attempt (`attemptMs`) must fit, since a shorter retry would only time out again while
 * using the time the request's other calls need.
 */
export function planRetry(input: RetryInput): RetryPlan {
  const { error } = input;
  if (!isUpstreamError(error) || error instanceof CircuitOpenError || error.kind === 'auth' || error.kind === 'rejected') {
    return { retry: false, reason: 'not_retryable' };
  }
  if (input.attempts >= input.maxAttempts) return { retry: false, reason: 'attempts' };
  const ceiling = Math.min(input.maxDelayMs, input.baseDelayMs * 2 ** (input.attempts - 1));
  const delayMs = error.retryAfterMs ?? Math.round(ceiling / 2 + (ceiling / 2) * input.random);
  const attemptNeedsMs = error.kind === 'timeout' && input.attemptMs !== undefined ? input.attemptMs : MIN_ATTEMPT_MS;
  if (delayMs + attemptNeedsMs > input.remainingMs) return { retry: false, reason: 'deadline' };
  return { retry: true, delayMs };
}
