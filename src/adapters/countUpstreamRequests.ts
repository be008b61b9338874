/**
 * Where a signal's listener is kept: on the signal itself, so it goes with the signal. (A module-level WeakMap
 * did the same, but its table lives in the old generation and every call wrote an entry into it; measured, that
 * kept calls and their requests alive through young-generation collections: BENCHMARKS.md, issue 17, GC.)
 */
const ON_REQUEST = Symbol('c360.onUpstreamRequest');

type CountedSignal = AbortSignal & { [ON_REQUEST]?: () => void };

/**
 * Calls `onRequest` once for every upstream HTTP request sent with `signal` (pages, chunks and follow-ups of one
 * adapter call included): adapters pass their call's signal to every request, so the resilience layer can count
 * what really went over the wire without the adapters knowing. One listener per signal (a later one replaces it).
 */
export function countUpstreamRequests(signal: AbortSignal, onRequest: () => void): void {
  (signal as CountedSignal)[ON_REQUEST] = onRequest;
}

/** Told by the HTTP client just before it sends a request with `signal`. */
export function noteUpstreamRequest(signal: AbortSignal | undefined): void {
  (signal as CountedSignal | undefined)?.[ON_REQUEST]?.();
}
