import type { FakePresets } from '../fakeTypes.js';
import type { RateLimitWindow } from './createRateLimitWindow.js';

/** Default `Retry-After` of the throttle preset, in seconds. */
export const DEFAULT_THROTTLE_RETRY_AFTER_SECONDS = 10;

const THROTTLE_TEXTS = ['Too Many Requests', 'Rate limit for ticket updates exceeded, please wait before updating this ticket again'];

/**
 * Zendesk's failure answers for the `preset` fault kind
 * (https://developer.zendesk.com/api-reference/introduction/rate-limits/):
 * - throttle: 429, `Retry-After: <retryAfterSeconds ?? 10>`, `X-Rate-Limit-Remaining: 0` and a
 *   **plain-text** body, alternating between the two texts Zendesk is seen to send (first `Too Many Requests`);
 * - serverError: 500 `{"error":"InternalServerError","description":…}`;
 * - unavailable: 503 with the object-valued `{"error":{"title":"Service Unavailable","message":…}}`.
 * Each carries `X-Rate-Limit`/`X-Rate-Limit-Remaining` from `rateWindow` (the shared fake server skips the
 * profile's common headers on injected faults).
 */
export function createZendeskPresets(rateWindow: RateLimitWindow): FakePresets {
  let throttles = 0;
  const rateHeaders = (): Record<string, string> => {
    const snapshot = rateWindow.take();
    return { 'x-rate-limit': String(snapshot.limit), 'x-rate-limit-remaining': String(snapshot.remaining) };
  };
  return {
    throttle({ retryAfterSeconds }) {
      const body = THROTTLE_TEXTS[throttles % THROTTLE_TEXTS.length] ?? 'Too Many Requests';
      throttles += 1;
      return {
        status: 429,
        body,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'retry-after': String(retryAfterSeconds ?? DEFAULT_THROTTLE_RETRY_AFTER_SECONDS),
          ...rateHeaders(),
          'x-rate-limit-remaining': '0',
        },
      };
    },
    serverError() {
      return {
        status: 500,
        body: { error: 'InternalServerError', description: 'Something went wrong on our end. Please try again later.' },
        headers: rateHeaders(),
      };
    },
    unavailable() {
      return {
        status: 503,
        body: { error: { title: 'Service Unavailable', message: 'The server is temporarily unable to handle the request. Try a smaller page size or retry later.' } },
        headers: rateHeaders(),
      };
    },
  };
}
