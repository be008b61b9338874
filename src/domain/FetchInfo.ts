/**
 * How a source value reached this request: when it was fetched from the source, and whether it was served
 * from the gateway's record cache instead of a live call (and if so, whether past its freshness window).
 * Adapters never set it; the layer that fetches or caches (resilience decorator, loaders) stamps it, and
 * unify/provenance reads it. Absent means "fetched live during this request".
 */
export interface FetchInfo {
  /** ISO 8601 time the value was fetched from the source. */
  readonly fetchedAt: string;
  /** True when served from the gateway's cache rather than a live upstream call in this request. */
  readonly fromCache: boolean;
  /** True when served past its freshness window because the source failed (stale-if-error). */
  readonly stale: boolean;
  /** Age of the value in ms when served. */
  readonly ageMs: number;
}
