import { bulkhead, circuitBreaker, CircuitState, handleWhen, retry, SamplingBreaker, type IBackoffFactory } from 'cockatiel';
import type { BatchResult, CallContext, RecordWithRelated, RelatedWant, SourceAdapter, SourceCallReport, SourceStatus } from '../adapters/types.js';
import { isUpstreamError, UpstreamError } from '../adapters/UpstreamError.js';
import { countUpstreamRequests } from '../adapters/countUpstreamRequests.js';
import { deadlineSignal } from '../adapters/deadlineSignal.js';
import { untilAborted } from '../adapters/untilAborted.js';
import { DEFAULT_SOURCE_POLICIES, type SourcePolicies } from '../config.js';
import type { FetchInfo, IdentityRecord } from '../domain/index.js';
import { attemptLimit, ATTEMPT_SHARE_OF_REMAINING } from './attemptLimit.js';
import { CircuitOpenError } from './CircuitOpenError.js';
import { createCoalescer, mergeableRead, type ByIdMethod, type CallTally, type CoalescedCall, type Mergeable } from './createCoalescer.js';
import { createRecordCache } from './createRecordCache.js';
import { createRetryBudget } from './createRetryBudget.js';
import { planRetry } from './planRetry.js';
import { statusOf } from './statusOf.js';
import { toResilienceError } from './toResilienceError.js';
import type { UpstreamWaits } from '../runtime/index.js';

/** Breaker states as the schema, `/readyz` and metrics show them. */
export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN' | 'ISOLATED';

/** Options of {@link createResilientAdapter}. */
export interface ResilientAdapterOptions {
  /** Default {@link DEFAULT_SOURCE_POLICIES}. */
  readonly policies?: SourcePolicies | undefined;
  /** Limit of one attempt (all the HTTP calls of one batch method call), ms; cut further by the deadline. */
  readonly timeoutMs: number;
  /** Told about every call, for every request (metrics). Must not throw. */
  readonly onReport?: ((report: SourceCallReport) => void) | undefined;
  /** Told when each attempt of an HTTP or database source begins, sends and settles (idle-time collection). */
  readonly upstreamWaits?: UpstreamWaits | undefined;
  /**
   * Merge the reads by id that concurrent requests make in one turn into one call (createCoalescer), sent through
   * the policies once. Default false (the resilience layer turns it on for every source that makes calls).
   */
  readonly coalesce?: boolean | undefined;
  /** Told about every merged call (metrics), when `coalesce`. Must not throw. */
  readonly onCoalescedCall?: ((call: CoalescedCall) => void) | undefined;
  /** Clock, ms since the epoch. Default `Date.now`. */
  readonly now?: () => number;
  /** Uniform random in [0, 1) for backoff jitter. Default `Math.random`. */
  readonly random?: () => number;
}

/** A {@link SourceAdapter} with policies, plus the controls the gateway needs. */
export interface ResilientAdapter extends SourceAdapter {
  breakerState(): BreakerState;
  /** Drops every cached value of these record ids (profile and owned lists) at once: erasure. */
  purge(ids: readonly string[]): void;
  /** Entries in the record cache. */
  cacheSize(): number;
}

type Cacheable = 'records' | 'orders' | 'tickets' | 'activities';
type Invoke<T> = (keys: readonly never[], ctx: CallContext) => Promise<BatchResult<T>>;

/** How one operation's values meet the record cache: read per key, stored per key, stamped on the way out. */
interface CachePlan<T> {
  read(key: unknown, which: 'fresh' | 'usable'): { readonly value: T; readonly fetchedAtMs: number } | undefined;
  write(key: unknown, value: T): void;
  /** `value` carrying `fetch`: written onto it when `owned` (a live call's fresh value), else on copies. */
  stamp(value: T, fetch: FetchInfo, owned: boolean): T;
  /** Failures inside a value that arrived (a fused read's list that failed while its record came). */
  partErrors(value: T): readonly Error[];
}

const BY_IDS = mergeableRead('getByIds');
const NO_ERRORS: readonly Error[] = [];
/** What the record cache keeps each merged read's values as (`fetchWithRelated` keeps its parts). */
const CACHED_KIND: Record<Exclude<ByIdMethod, 'fetchWithRelated'>, Cacheable> = { getByIds: 'records', ordersByOwner: 'orders', ticketsByOwner: 'tickets', activitiesByOwner: 'activities' };

const BREAKER_STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'CLOSED',
  [CircuitState.Open]: 'OPEN',
  [CircuitState.HalfOpen]: 'HALF_OPEN',
  [CircuitState.Isolated]: 'ISOLATED',
};

/**
 * Decorates a source adapter with its policies (DESIGN.md §7), outermost first: bulkhead (max concurrent +
 * queue) → circuit breaker (sampling, minimum call volume, half-open with one probe) → retry (idempotent
 * reads only, jittered exponential backoff, `Retry-After` honoured when it fits before the deadline, a
 * retry budget) → the call, each attempt bounded by `timeoutMs` and the request's deadline.
 *
 * `getByIds`, the `*ByOwner` lists and `fetchWithRelated` (its record and lists kept as those parts) keep the
 * last good value per id in a bounded cache: served without a
 * call while fresh (`cache.ttlMs`), and instead of a failure while inside `cache.staleWindowMs`
 * (stale-if-error). Every value returned is stamped with `fetch` ({@link FetchInfo}): a `freshValues` adapter's
 * live values in place, every other value on a copy. A batch whose every
 * slot holds the same kind of failure counts as a failed call; per-key errors are passed through, never
 * retried. Each call is reported to `ctx.observer` and `onReport`.
 */
export function createResilientAdapter(adapter: SourceAdapter, options: ResilientAdapterOptions): ResilientAdapter {
  const policies = options.policies ?? DEFAULT_SOURCE_POLICIES;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const source = adapter.name;
  // Cached values are shared by every request they serve: only a live call's own values are stamped in place.
  const freshValues = adapter.freshValues === true;
  const budget = createRetryBudget({ ratio: policies.retries.budgetRatio });
  const cache = createRecordCache<object | null>({ ...policies.cache, now });
  const breaker = circuitBreaker(
    handleWhen((error) => isUpstreamError(error) && error.kind !== 'rejected' && error.kind !== 'auth'),
    {
      halfOpenAfter: policies.breaker.halfOpenAfterMs,
      breaker: new SamplingBreaker({
        threshold: policies.breaker.failureRatio,
        duration: policies.breaker.windowMs,
        // cockatiel counts volume as a rate: minCalls in the window.
        minimumRps: policies.breaker.minCalls / (policies.breaker.windowMs / 1000),
      }),
    },
  );
  const bulkheadPolicy = bulkhead(policies.bulkhead.maxConcurrent, policies.bulkhead.maxQueue);

  type Attempts = CallTally;
  // A file source reads its in-memory index: each attempt is its one "call". HTTP sources count requests.
  const countsHttp = adapter.kind !== 'file';
  // A file source answers from memory: nothing to wait for.
  const waits = countsHttp ? options.upstreamWaits : undefined;

  /**
   * Failures of this source per request (keyed by the request's observer): once a source has timed out, is
   * unavailable or is throttling, the request's later calls to it fail at once (stale values are still
   * served) instead of spending the deadline again that the other sources' calls need.
   */
  const failedInRequest = new WeakMap<object, UpstreamError>();
  const SHORT_CIRCUIT_KINDS = new Set(['timeout', 'unavailable', 'rate_limited']);

  async function withRetries<T>(keys: readonly unknown[], ctx: CallContext, invoke: Invoke<T>, attempts: Attempts): Promise<BatchResult<T>> {
    const deadlineAt = ctx.deadlineAt ?? Number.POSITIVE_INFINITY;
    let plannedDelayMs = 0;
    const backoff: IBackoffFactory<unknown> = { next: () => ({ duration: plannedDelayMs, next: backoff.next }) };
    const policy = retry(
      handleWhen((error) => {
        if (ctx.signal?.aborted) return false;
        // A timed-out call is retried only when a whole attempt fits in the share of the time left that one
        // attempt may use (attemptLimit), so a hung source costs a request one attempt. Other failures (a 5xx,
        // a 429 with Retry-After) answer fast: their retry only needs the wait to fit before the deadline.
        const remainingMs = deadlineAt - now();
        const timedOut = isUpstreamError(error) && error.kind === 'timeout';
        const plan = planRetry({ error, attempts: attempts.calls, ...policies.retries, remainingMs: timedOut ? remainingMs * ATTEMPT_SHARE_OF_REMAINING : remainingMs, attemptMs: options.timeoutMs, random: random() });
        // The budget is spent only when a retry will really happen (cockatiel asks once per failure).
        if (!plan.retry || !budget.tryRetry()) return false;
        plannedDelayMs = plan.delayMs;
        attempts.retries += 1;
        return true;
      }),
      { maxAttempts: policies.retries.maxAttempts - 1, backoff },
    );
    budget.recordCall();
    return policy.execute(async () => {
      attempts.calls += 1;
      const limitMs = attemptLimit(options.timeoutMs, deadlineAt - now());
      const attempt = deadlineSignal(ctx.signal, limitMs);
      countUpstreamRequests(attempt.signal, () => {
        attempts.httpRequests += 1;
        waits?.sent();
      });
      waits?.begin();
      let result: BatchResult<T>;
      try {
        result = await invoke(keys as readonly never[], { ...ctx, signal: attempt.signal });
      } finally {
        attempt.dispose();
        waits?.end();
      }
      const first = result[0];
      if (isUpstreamError(first) && result.every((slot) => isUpstreamError(slot) && slot.kind === first.kind)) throw first;
      return result;
    });
  }

  function guarded<T>(keys: readonly unknown[], ctx: CallContext, invoke: Invoke<T>, attempts: Attempts): Promise<BatchResult<T>> {
    const run = bulkheadPolicy.execute(() => breaker.execute(() => withRetries(keys, ctx, invoke, attempts)), ctx.signal);
    const signal = ctx.signal;
    if (!signal) return run;
    // A call waiting in the bulkhead queue must not outlive the deadline.
    return untilAborted(run, signal, () => new UpstreamError({ source, kind: 'timeout', message: 'request deadline passed while waiting for the source' }));
  }

  /**
   * Concurrent requests' reads by id, merged per turn and sent through the policies once: bulkhead, breaker,
   * retries and the attempt's time limit apply to what goes to the vendor. Each request keeps its own cache
   * reads, stale values, short-circuit and report (`call`).
   */
  const coalescer = options.coalesce ? createCoalescer(source, sendMerged, options.onCoalescedCall) : null;

  async function sendMerged(method: ByIdMethod, ids: readonly string[], want: RelatedWant | undefined, ctx: CallContext, tally: CallTally): Promise<BatchResult<unknown>> {
    const live = await guarded(ids, ctx, rawInvoke(method, want), tally);
    return keep(live, ids, method === 'fetchWithRelated' ? fusedRead(want!).plan : singlePlans[CACHED_KIND[method]], method) as BatchResult<unknown>;
  }

  /**
   * A live answer's values written to the record cache and stamped with one fetch time; failed slots as they are.
   */
  function keep<T>(live: BatchResult<T>, keys: readonly unknown[], plan: CachePlan<T> | null, operation: string): BatchResult<T> {
    const fetch: FetchInfo = { fetchedAt: new Date(now()).toISOString(), fromCache: false, stale: false, ageMs: 0 };
    const out = new Array<T | Error>(live.length);
    for (let index = 0; index < live.length; index += 1) {
      const slot = live[index];
      out[index] = slot as T | Error;
      if (slot === undefined || slot instanceof Error) continue;
      plan?.write(keys[index], slot);
      // Records found by search are the same records getByIds serves: keep them for stale-if-error too.
      if (operation === 'search' && Array.isArray(slot)) for (const found of slot as IdentityRecord[]) cache.set(`records:${found.ref.id}`, found);
      out[index] = plan ? plan.stamp(slot, fetch, freshValues) : (stamp(slot, fetch, freshValues) as T);
    }
    return out as BatchResult<T>;
  }

  /** A live answer's slot; a key the adapter left without one (`null` is an answer: no such record) is an error. */
  function slotOf<T>(live: BatchResult<T>, position: number): T | Error {
    const slot = live[position];
    return slot === undefined ? new UpstreamError({ source, kind: 'bad_response', message: 'adapter returned fewer results than keys' }) : slot;
  }

  function rawInvoke(method: ByIdMethod, want: RelatedWant | undefined): Invoke<unknown> {
    if (method === 'fetchWithRelated') return ((keys: readonly string[], ctx: CallContext) => adapter.fetchWithRelated!(keys, want!, ctx)) as Invoke<unknown>;
    const read = adapter[method] as (ids: readonly string[], ctx: CallContext) => Promise<BatchResult<unknown>>;
    return ((keys: readonly string[], ctx: CallContext) => read.call(adapter, keys, ctx)) as Invoke<unknown>;
  }

  /** One cached kind per key (`records:<id>`, `orders:<id>`, ...). */
  const singlePlan = (kind: Cacheable): CachePlan<unknown> => ({
    read: (key, which) => cache[which](`${kind}:${String(key)}`),
    write: (key, value) => {
      if (value !== null) cache.set(`${kind}:${String(key)}`, value as object);
    },
    stamp,
    partErrors: () => NO_ERRORS,
  });

  const singlePlans: Record<Cacheable, CachePlan<unknown>> = { records: singlePlan('records'), orders: singlePlan('orders'), tickets: singlePlan('tickets'), activities: singlePlan('activities') };

  /**
   * A fused read's value kept as its parts under the same keys getByIds and the lists use, so either path
   * serves what the other fetched (and erasure purges both). Served from the cache only when every part asked
   * for is there; its fetch time is the oldest part's.
   */
  const relatedPlan = (want: RelatedWant): CachePlan<RecordWithRelated> => {
    const lists = (['orders', 'tickets', 'activities'] as const).filter((kind) => want[kind]);
    // Orders fetched without line items are kept apart, so they never answer a read that needs line items;
    // such a read without them may use full orders.
    const headOnly = want.lineItems === false;
    const written = (kind: (typeof lists)[number]): string => (kind === 'orders' && headOnly ? 'orderHeads' : kind);
    const readable = (kind: (typeof lists)[number]): string[] => (kind === 'orders' && headOnly ? ['orderHeads', 'orders'] : [kind]);
    return {
      read(key, which) {
        const record = cache[which](`records:${String(key)}`);
        if (!record) return undefined;
        let fetchedAtMs = record.fetchedAtMs;
        const value: { -readonly [K in keyof RecordWithRelated]: RecordWithRelated[K] } = { record: record.value as RecordWithRelated['record'] };
        for (const kind of lists) {
          const part = readable(kind)
            .map((name) => cache[which](`${name}:${String(key)}`))
            .find((entry) => entry !== undefined);
          if (!part) return undefined;
          fetchedAtMs = Math.min(fetchedAtMs, part.fetchedAtMs);
          value[kind] = part.value as never;
        }
        // A cut read (ordersFirst) is answered from the whole cached list, cut the same way.
        const all = value.orders;
        if (want.ordersFirst !== undefined && Array.isArray(all)) Object.assign(value, { orders: all.slice(0, want.ordersFirst), ordersTotal: all.length });
        return { value, fetchedAtMs };
      },
      write(key, value) {
        if (value.record !== null) cache.set(`records:${String(key)}`, value.record);
        for (const kind of lists) {
          const part = value[kind];
          // Only whole lists are kept: a cut one (ordersTotal) must never answer a read that needs them all.
          if (kind === 'orders' && value.ordersTotal !== undefined) continue;
          if (Array.isArray(part)) cache.set(`${written(kind)}:${String(key)}`, part);
        }
      },
      stamp(value, fetch, owned) {
        const out: { -readonly [K in keyof RecordWithRelated]: RecordWithRelated[K] } = {
          record: stamp(value.record, fetch, owned) as RecordWithRelated['record'],
          ...(value.ordersTotal === undefined ? {} : { ordersTotal: value.ordersTotal }),
        };
        for (const kind of lists) {
          const part = value[kind];
          if (part !== undefined) out[kind] = (part instanceof Error ? part : stamp(part, fetch, owned)) as never;
        }
        return out;
      },
      partErrors(value) {
        let errors: Error[] | undefined;
        for (const kind of lists) {
          const part = value[kind];
          if (part instanceof Error) (errors ??= []).push(part);
        }
        return errors ?? NO_ERRORS;
      },
    };
  };

  /**
   * One request's call: fresh values from the cache, the rest live (through the policies, merged with other
   * requests' reads of `merge` when coalescing), stale values for what failed, and the request's report.
   */
  async function call<T>(operation: string, keys: readonly string[] | readonly unknown[], ctx: CallContext, invoke: Invoke<T>, plan: CachePlan<T> | null, merge?: Mergeable): Promise<BatchResult<T>> {
    const started = performance.now();
    let attempts: Attempts = { calls: 0, retries: 0, httpRequests: 0 };
    const results: Array<T | Error | undefined> = new Array<T | Error | undefined>(keys.length).fill(undefined);
    let cacheHits = 0;
    if (plan && policies.cache.ttlMs > 0) {
      keys.forEach((key, index) => {
        const hit = plan.read(key, 'fresh');
        if (!hit) return;
        results[index] = plan.stamp(hit.value, { fetchedAt: new Date(hit.fetchedAtMs).toISOString(), fromCache: true, stale: false, ageMs: now() - hit.fetchedAtMs }, false);
        cacheHits += 1;
      });
    }
    const missing: number[] = [];
    for (let index = 0; index < keys.length; index += 1) if (results[index] === undefined) missing.push(index);
    let failure: unknown;
    const earlier = ctx.observer ? failedInRequest.get(ctx.observer) : undefined;
    if (missing.length > 0 && earlier) {
      failure = new UpstreamError({ source, kind: earlier.kind, message: `not called again in this request: ${earlier.message}`, ...(earlier.status === undefined ? {} : { status: earlier.status }) });
      for (const index of missing) results[index] = failure as Error;
    } else if (missing.length > 0) {
      try {
        const asked = missing.length === keys.length ? keys : missing.map((index) => keys[index]);
        if (coalescer && merge) {
          const joined = coalescer.join(merge, asked as readonly string[], ctx);
          // The merged call's tally: what this request's answer cost (read when it is reported, so far if it ends first).
          attempts = joined.tally;
          // Its values are already cached and stamped, once for every request it served (sendMerged).
          const live = await joined.answer;
          for (let position = 0; position < missing.length; position += 1) results[missing[position]!] = slotOf(live as BatchResult<T>, position);
        } else {
          const live = await guarded(asked, ctx, invoke, attempts);
          const kept = keep(live, asked, plan, operation);
          for (let position = 0; position < missing.length; position += 1) results[missing[position]!] = slotOf(kept, position);
        }
      } catch (error) {
        failure = toResilienceError(source, error);
        const slotError = failure instanceof Error ? failure : new Error(String(failure));
        for (const index of missing) results[index] = slotError;
        if (ctx.observer && isUpstreamError(failure) && SHORT_CIRCUIT_KINDS.has(failure.kind)) failedInRequest.set(ctx.observer, failure);
      }
    }
    let status: SourceStatus = 'OK';
    let errorCode: string | undefined;
    let errorMessage: string | undefined;
    let staleAgeMs: number | undefined;
    results.forEach((slot, index) => {
      if (!(slot instanceof Error)) {
        for (const part of slot === undefined || !plan ? NO_ERRORS : plan.partErrors(slot)) {
          failure ??= part;
          errorCode ??= isUpstreamError(part) ? part.code : undefined;
          errorMessage ??= part.message;
          status = statusOf(part);
        }
        return;
      }
      failure ??= slot;
      errorCode ??= isUpstreamError(slot) ? slot.code : undefined;
      errorMessage ??= slot.message;
      const usable = plan && isUpstreamError(slot) && slot.kind !== 'rejected' ? plan.read(keys[index], 'usable') : undefined;
      if (!usable || !plan) {
        status = statusOf(slot);
        return;
      }
      const ageMs = now() - usable.fetchedAtMs;
      results[index] = plan.stamp(usable.value, { fetchedAt: new Date(usable.fetchedAtMs).toISOString(), fromCache: true, stale: true, ageMs }, false);
      cacheHits += 1;
      staleAgeMs = Math.max(staleAgeMs ?? 0, ageMs);
      if (status === 'OK') status = 'STALE';
    });
    const report: { -readonly [K in keyof SourceCallReport]: SourceCallReport[K] } = {
      source,
      operation,
      status,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      calls: countsHttp ? attempts.httpRequests : attempts.calls,
      retries: attempts.retries,
      cacheHits,
      keys: keys.length,
    };
    if (status !== 'OK') {
      report.errorCode = errorCode ?? (failure instanceof CircuitOpenError ? failure.code : undefined);
      report.errorMessage = errorMessage;
    }
    if (staleAgeMs !== undefined) report.staleAgeMs = staleAgeMs;
    // Observers must not break a call; they are told so in their contract.
    try {
      ctx.observer?.onCall(report);
    } catch {
      // (see above)
    }
    try {
      options.onReport?.(report);
    } catch {
      // (see above)
    }
    return results as BatchResult<T>;
  }

  const list = (operation: 'ordersByOwner' | 'ticketsByOwner' | 'activitiesByOwner', kind: Cacheable) => {
    const method = adapter[operation];
    if (!method) return {};
    const merge = mergeableRead(operation);
    const plan = singlePlans[kind];
    return { [operation]: (ids: readonly string[], ctx: CallContext) => call(operation, ids, ctx, method.bind(adapter) as Invoke<unknown>, plan, merge) };
  };
  const fused = adapter.fetchWithRelated?.bind(adapter);
  /** Each distinct want's cache plan and merge group, made once (bounded: lists × line items × a page size of 1–100). */
  const fusedReads = new Map<string, { readonly merge: Mergeable; readonly plan: CachePlan<RecordWithRelated> }>();
  const fusedRead = (want: RelatedWant): { readonly merge: Mergeable; readonly plan: CachePlan<RecordWithRelated> } => {
    const merge = mergeableRead('fetchWithRelated', want);
    let read = fusedReads.get(merge.key);
    if (read === undefined) {
      read = { merge, plan: relatedPlan(want) };
      fusedReads.set(merge.key, read);
    }
    return read;
  };

  return {
    name: adapter.name,
    kind: adapter.kind,
    capabilities: adapter.capabilities,
    search: (keys, ctx) => call('search', keys, ctx, adapter.search.bind(adapter) as Invoke<never>, null),
    getByIds: (ids, ctx) => call('getByIds', ids, ctx, adapter.getByIds.bind(adapter) as Invoke<never>, singlePlans.records as CachePlan<never>, BY_IDS),
    ...list('ordersByOwner', 'orders'),
    ...list('ticketsByOwner', 'tickets'),
    ...list('activitiesByOwner', 'activities'),
    ...(fused
      ? {
          fetchWithRelated: (ids: readonly string[], want: RelatedWant, ctx: CallContext) => {
            const read = fusedRead(want);
            return call('fetchWithRelated', ids, ctx, ((keys, c) => fused(keys, want, c)) as Invoke<RecordWithRelated>, read.plan, read.merge);
          },
        }
      : {}),
    breakerState: () => BREAKER_STATES[breaker.state],
    purge(ids) {
      for (const id of ids) for (const kind of ['records', 'orders', 'orderHeads', 'tickets', 'activities'] as const) cache.delete(`${kind}:${id}`);
    },
    cacheSize: () => cache.size,
    async close() {
      await adapter.close?.();
    },
  };
}

/**
 * A source value (record, or list of records) carrying `fetch`: the value itself when `owned` (nothing else
 * holds it: {@link SourceAdapter.freshValues}), else a copy, so that values other requests hold (cached ones,
 * a file source's) never change under them.
 */
function stamp<T>(value: T, fetch: FetchInfo, owned: boolean): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (!owned) return value.map((item: unknown) => (item !== null && typeof item === 'object' ? { ...item, fetch } : item)) as T;
    for (const item of value as unknown[]) if (item !== null && typeof item === 'object') (item as { fetch?: FetchInfo }).fetch = fetch;
    return value;
  }
  if (!owned) return { ...value, fetch };
  (value as { fetch?: FetchInfo }).fetch = fetch;
  return value;
}
