import { GraphQLError } from 'graphql';
import type { CallContext, SourceAdapter, SourceCallReport } from '../adapters/types.js';
import type { CoalescedCall } from './createCoalescer.js';
import { deadlineSignal } from '../adapters/deadlineSignal.js';
import type { SourceConfig } from '../config.js';
import type { SourceRef } from '../domain/index.js';
import { createResilientAdapter, type BreakerState, type ResilientAdapter } from './createResilientAdapter.js';
import { createSourceStatusRecorder, type SourceStatusRecorder } from './createSourceStatusRecorder.js';
import { DEADLINE_HEADER, resolveDeadline } from './resolveDeadline.js';
import type { UpstreamWaits } from '../runtime/index.js';

/** Options of {@link createResilienceLayer}. */
export interface ResilienceLayerOptions {
  /** Configured sources, for their `policies` and `timeoutMs` (matched by name; defaults otherwise). */
  readonly sources: readonly SourceConfig[];
  /** The configured request deadline, ms. */
  readonly deadlineMs: number;
  /** Every adapter call of every request (metrics). */
  readonly onReport?: ((report: SourceCallReport) => void) | undefined;
  /** Every call made by cross-request coalescing, once (metrics: what the vendor saw). */
  readonly onCoalescedCall?: ((call: CoalescedCall) => void) | undefined;
  /** Told about every source attempt (idle-time collection, `createIdleScavenger`). */
  readonly upstreamWaits?: UpstreamWaits | undefined;
}

/** What a request gets from {@link ResilienceLayer.forRequest}. */
export interface RequestResilience {
  /** For the request's loaders: deadline signal (combined with client disconnect), deadline, observer. */
  readonly callContext: CallContext;
  readonly recorder: SourceStatusRecorder;
  readonly deadlineMs: number;
  /** Call when the request has ended: clears its deadline timer and its listener on the client signal. */
  readonly release: () => void;
}

/** Every source's policies, and the per-request deadline. */
export interface ResilienceLayer {
  readonly adapters: readonly ResilientAdapter[];
  breakerState(source: string): BreakerState | undefined;
  breakerStates(): Array<{ readonly source: string; readonly state: BreakerState }>;
  /** Purges these records from their sources' caches (erasure). */
  purge(refs: readonly SourceRef[]): void;
  /**
   * The call context of one request: its deadline (config, shortened by `x-c360-deadline-ms`) as an abort
   * signal combined with `clientSignal`. Throws a `BAD_REQUEST` GraphQLError (HTTP 400) for a bad header.
   */
  forRequest(deadlineHeader: string | string[] | undefined, clientSignal: AbortSignal): RequestResilience;
}

const DEFAULT_TIMEOUT_MS = 5_000;

/** Wraps each adapter with {@link createResilientAdapter} and builds requests' deadlines. */
export function createResilienceLayer(adapters: readonly SourceAdapter[], options: ResilienceLayerOptions): ResilienceLayer {
  const byName = new Map(options.sources.map((source) => [source.name, source]));
  const wrapped = adapters.map((adapter) => {
    const config = byName.get(adapter.name);
    // Concurrent requests' reads by id share calls (issue 17); a file source makes no calls to share.
    return createResilientAdapter(adapter, {
      policies: config?.policies,
      timeoutMs: config?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      onReport: options.onReport,
      upstreamWaits: options.upstreamWaits,
      coalesce: adapter.kind !== 'file' && config?.policies?.coalesce !== false,
      onCoalescedCall: options.onCoalescedCall,
    });
  });
  const wrappedByName = new Map(wrapped.map((adapter) => [adapter.name, adapter]));
  return {
    adapters: wrapped,
    breakerState: (source) => wrappedByName.get(source)?.breakerState(),
    breakerStates: () => wrapped.map((adapter) => ({ source: adapter.name, state: adapter.breakerState() })),
    purge(refs) {
      for (const ref of refs) wrappedByName.get(ref.source)?.purge([ref.id]);
    },
    forRequest(deadlineHeader, clientSignal) {
      const deadline = resolveDeadline(deadlineHeader, options.deadlineMs);
      if (!deadline.ok) throw new GraphQLError(deadline.reason, { extensions: { code: 'BAD_REQUEST', header: DEADLINE_HEADER, http: { status: 400 } } });
      const recorder = createSourceStatusRecorder();
      // Aborts when the client goes away or at the deadline: one controller, one unref'd timer, one listener
      // (cheaper than AbortSignal.any with AbortSignal.timeout, BENCHMARKS.md); released when the request ends.
      const { signal, dispose: release } = deadlineSignal(clientSignal, deadline.deadlineMs);
      // Every upstream call of the request listens on this signal (far more than Node's default 10 for a list):
      // a CallSignal takes any number of listeners without a warning.
      return { callContext: { signal, deadlineAt: Date.now() + deadline.deadlineMs, observer: recorder }, recorder, deadlineMs: deadline.deadlineMs, release };
    },
  };
}

