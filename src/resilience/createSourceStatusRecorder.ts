import type { CallObserver, SourceCallReport, SourceStatus } from '../adapters/types.js';
import { worseStatus } from './statusOf.js';

/** One source's part of `extensions.sources`. */
export interface SourceStatusEntry {
  readonly name: string;
  /** Worst status of the source's calls in this request. */
  readonly status: SourceStatus;
  /** Longest single call (retries and waits included), ms. */
  readonly latencyMs: number;
  /** Upstream HTTP requests made (every attempt, page and chunk; a file source: one per read). */
  readonly calls: number;
  readonly retries: number;
  /** Keys answered from the record cache (fresh or stale). */
  readonly cacheHits: number;
  /** Code of the failure behind a non-OK status. */
  readonly errorCode?: string;
  /** Age of the oldest stale value served, ms (STALE only). */
  readonly staleAgeMs?: number;
}

/** A stale answer to report as one error per source. */
export interface StaleNotice {
  readonly source: string;
  readonly errorCode: string;
  readonly message: string;
  readonly staleAgeMs: number;
}

/** Collects the calls of one request; see {@link createSourceStatusRecorder}. */
export interface SourceStatusRecorder extends CallObserver {
  /** One entry per source touched, in first-touched order. */
  snapshot(): SourceStatusEntry[];
  /** Sources that served stale values, with the failure that made them stale. */
  staleNotices(): StaleNotice[];
}

interface Tally {
  status: SourceStatus;
  latencyMs: number;
  calls: number;
  retries: number;
  cacheHits: number;
  errorCode?: string | undefined;
  staleAgeMs?: number | undefined;
  staleCode?: string | undefined;
  staleMessage?: string | undefined;
}

/**
 * The per-request {@link CallObserver} behind `extensions.sources` (DESIGN.md §7): aggregates every adapter
 * call of the request (identity searches included) per source. Create one per request.
 */
export function createSourceStatusRecorder(): SourceStatusRecorder {
  const tallies = new Map<string, Tally>();
  return {
    onCall(report: SourceCallReport) {
      const tally = tallies.get(report.source) ?? { status: 'OK', latencyMs: 0, calls: 0, retries: 0, cacheHits: 0 };
      tallies.set(report.source, tally);
      const worse = worseStatus(tally.status, report.status);
      if (worse !== tally.status) {
        tally.status = worse;
        tally.errorCode = report.errorCode;
      }
      tally.latencyMs = Math.max(tally.latencyMs, report.latencyMs);
      tally.calls += report.calls;
      tally.retries += report.retries;
      tally.cacheHits += report.cacheHits;
      if (report.staleAgeMs !== undefined) {
        tally.staleAgeMs = Math.max(tally.staleAgeMs ?? 0, report.staleAgeMs);
        tally.staleCode ??= report.errorCode;
        tally.staleMessage ??= report.errorMessage;
      }
    },
    snapshot: () =>
      [...tallies].map(([name, t]) => ({
        name,
        status: t.status,
        latencyMs: t.latencyMs,
        calls: t.calls,
        retries: t.retries,
        cacheHits: t.cacheHits,
        ...(t.status === 'OK' || t.errorCode === undefined ? {} : { errorCode: t.errorCode }),
        ...(t.staleAgeMs === undefined ? {} : { staleAgeMs: t.staleAgeMs }),
      })),
    staleNotices: () =>
      [...tallies]
        .filter(([, t]) => t.staleAgeMs !== undefined)
        .map(([source, t]) => ({ source, errorCode: t.staleCode ?? 'SOURCE_UNAVAILABLE', message: t.staleMessage ?? 'source failed', staleAgeMs: t.staleAgeMs ?? 0 })),
  };
}
