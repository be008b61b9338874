/** Listeners by the signal an attempt's HTTP requests carry (the resilience layer's per-attempt signal). */
const listeners = new WeakMap<AbortSignal, () => void>();

/**
 * Calls `onRequest` once for every upstream HTTP request sent with `signal` (pages, chunks and follow-ups of one
 * adapter call included): adapters pass their call's signal to every request, so the resilience layer can count
 * what really went over the wire without the adapters knowing. Entries go with their signal.
 */
export function countUpstreamRequests(signal: AbortSignal, onRequest: () => void): void {
  listeners.set(signal, onRequest);
}

/** Told by the HTTP client just before it sends a request with `signal`. */
export function noteUpstreamRequest(signal: AbortSignal | undefined): void {
  if (signal) listeners.get(signal)?.();
}
