import type { FetchInfo, SourceRef } from '../domain/index.js';

/** Where one unified value came from (DESIGN.md §1.4). */
export interface Provenance {
  readonly source: string;
  readonly recordId: string;
  /** The source's last-modified time of the record, ISO 8601, or null when it has none. */
  readonly sourceUpdatedAt: string | null;
  /** When the gateway fetched the record, ISO 8601. */
  readonly fetchedAt: string;
  readonly fromCache: boolean;
  /** Served past its freshness window because the source failed. */
  readonly stale: boolean;
  /** Age of the fetched value when served, ms (0 for a live fetch in this request). */
  readonly ageMs: number;
}

/**
 * Provenance of a value read from the record `ref`. `fetch` absent means fetched live during this request,
 * so `fetchedAt` is `requestTime` (ISO 8601) and it is neither cached nor stale.
 */
export function provenanceOf(ref: SourceRef, sourceUpdatedAt: string | null, fetch: FetchInfo | undefined, requestTime: string): Provenance {
  return {
    source: ref.source,
    recordId: ref.id,
    sourceUpdatedAt,
    fetchedAt: fetch?.fetchedAt ?? requestTime,
    fromCache: fetch?.fromCache ?? false,
    stale: fetch?.stale ?? false,
    ageMs: fetch?.ageMs ?? 0,
  };
}
