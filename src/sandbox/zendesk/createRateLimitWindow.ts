/** What the rate-limit headers report for one request. */
export interface RateLimitSnapshot {
  readonly limit: number;
  /** Requests left in the current minute after this one, never negative. */
  readonly remaining: number;
  /** Seconds until the current minute window ends (1..60). */
  readonly resetSeconds: number;
}

/** A fixed one-minute request counter (windows aligned to the clock minute). */
export interface RateLimitWindow {
  /** Counts one request and reports the headers' values. */
  take(): RateLimitSnapshot;
}

const MINUTE_MS = 60_000;

/**
 * Counts requests per clock minute for Zendesk's `X-Rate-Limit*` and `ratelimit-*` headers. It only
 * reports: it never refuses a request (throttling is injected with the `throttle` fault preset).
 * `now` returns ms since the epoch (default `Date.now`).
 */
export function createRateLimitWindow(limitPerMinute: number, now: () => number = Date.now): RateLimitWindow {
  let windowStart = -1;
  let used = 0;
  return {
    take() {
      const at = now();
      const start = at - (at % MINUTE_MS);
      if (start !== windowStart) {
        windowStart = start;
        used = 0;
      }
      used += 1;
      return {
        limit: limitPerMinute,
        remaining: Math.max(0, limitPerMinute - used),
        resetSeconds: Math.max(1, Math.ceil((start + MINUTE_MS - at) / 1000)),
      };
    },
  };
}
