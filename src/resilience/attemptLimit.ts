import { MIN_ATTEMPT_MS } from './planRetry.js';

/**
 * Share of the time a request has left that one upstream attempt may use. The rest stays for the calls that
 * can only start after this one (the next identity search round, the orders/tickets of the customer found),
 * so a source that hangs costs the request at most this share, never the healthy sources' later calls.
 */
export const ATTEMPT_SHARE_OF_REMAINING = 0.5;

/**
 * Time one attempt may take, ms: the source's `timeoutMs`, cut to {@link ATTEMPT_SHARE_OF_REMAINING} of what is
 * left before the request's deadline (never below {@link MIN_ATTEMPT_MS}, never past the deadline itself).
 * `remainingMs` is Infinity without a deadline.
 */
export function attemptLimit(timeoutMs: number, remainingMs: number): number {
  const share = Math.max(Math.min(MIN_ATTEMPT_MS, remainingMs), remainingMs * ATTEMPT_SHARE_OF_REMAINING);
  return Math.max(1, Math.floor(Math.min(timeoutMs, share)));
}
