import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SourceCallReport } from '../adapters/types.js';
import { createTalliedCounter } from './createTalliedCounter.js';

/** What the gateway feeds into metrics; see {@link createMetrics}. */
export interface GatewayMetrics {
  readonly registry: Registry;
  /** One finished GraphQL request: its operation type outcome and the codes of its errors. */
  recordRequest(durationMs: number, outcome: 'ok' | 'partial' | 'error', errorCodes: readonly string[]): void;
  /** One adapter call (all attempts) as the resilience layer reports it. */
  recordSourceCall(report: SourceCallReport): void;
  /** One call of a source made by cross-request coalescing (createCoalescer): callers served and HTTP requests sent. */
  recordCoalescedCall(call: { readonly source: string; readonly members: number; readonly httpRequests: number }): void;
  /** One change webhook delivery by vendor, the source it maps to, and outcome (`accepted`, `ignored`, or the refusal). */
  recordWebhook(vendor: string, source: string, outcome: string): void;
  /** Prometheus text exposition of everything. */
  render(): Promise<string>;
  readonly contentType: string;
}

/** Live values read at scrape time. */
export interface MetricsProbes {
  /** Breaker state per source: 0 closed, 1 half-open, 2 open, 3 isolated. */
  breakerStates(): ReadonlyArray<{ readonly source: string; readonly state: number }>;
  /** Identity crosswalk counters (`sharedHits`: L1 misses answered from the Redis L2). */
  crosswalk(): { readonly size: number; readonly hits: number; readonly misses: number; readonly sharedHits?: number };
  /** Record cache entries per source. */
  recordCacheSizes(): ReadonlyArray<{ readonly source: string; readonly size: number }>;
  /** Young-generation collections run while the gateway waited for sources (`src/runtime`), since start. */
  idleScavenges?(): number;
  /** Requests whose source calls started before execution (repeated operations at light load), since start. */
  earlyCallStarts?(): number;
  /** Shared state (src/state), read once at creation (absent or `local` = no Redis gauges) and at scrape time. */
  sharedState?(): { readonly mode: 'local' } | { readonly mode: 'redis'; readonly redis: 'up' | 'down'; readonly counters: { readonly roundTrips: number; readonly failures: number } };
}

const LATENCY_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];

/**
 * Prometheus metrics for one gateway (prom-client, own {@link Registry}, so several gateways in one process
 * never share counters). Labels are source names, operations, statuses and error codes: never PII.
 * Cache hit ratio = `c360_record_cache_hits_total / c360_record_cache_lookups_total` (per source) and
 * `c360_crosswalk_hits / (hits + misses)`.
 */
export function createMetrics(probes: MetricsProbes): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'c360_process_' });
  const requests = createTalliedCounter({ name: 'c360_requests_total', help: 'GraphQL requests by outcome (ok, partial = data with errors, error = no data)', labelNames: ['outcome'], registry });
  const requestSeconds = new Histogram({ name: 'c360_request_duration_seconds', help: 'GraphQL request latency', buckets: LATENCY_BUCKETS_S, registers: [registry] });
  const errors = createTalliedCounter({ name: 'c360_errors_total', help: 'Errors returned to clients by extensions.code', labelNames: ['code'], registry });
  const sourceSeconds = new Histogram({ name: 'c360_source_call_duration_seconds', help: 'Adapter call latency (all attempts and waits) by source, operation and status', labelNames: ['source', 'operation', 'status'], buckets: LATENCY_BUCKETS_S, registers: [registry] });
  const upstreamCalls = createTalliedCounter({ name: 'c360_source_upstream_calls_total', help: 'Upstream HTTP requests by source as requests report them (retries included; a call shared by concurrent requests counts once per request it served: see c360_source_vendor_requests_total)', labelNames: ['source'], registry });
  const vendorRequests = createTalliedCounter({ name: 'c360_source_vendor_requests_total', help: 'Upstream HTTP requests of reads by id as the vendor saw them, after concurrent requests shared calls (sources with coalescing on)', labelNames: ['source'], registry });
  const sharedCalls = createTalliedCounter({ name: 'c360_source_shared_calls_total', help: 'Reads by id answered by a call another request made in the same turn (calls saved by coalescing)', labelNames: ['source'], registry });
  const retries = createTalliedCounter({ name: 'c360_source_retries_total', help: 'Retries by source', labelNames: ['source'], registry });
  const sourceErrors = createTalliedCounter({ name: 'c360_source_errors_total', help: 'Failed adapter calls by source and code (served stale or not)', labelNames: ['source', 'code'], registry });
  const cacheLookups = createTalliedCounter({ name: 'c360_record_cache_lookups_total', help: 'Keys asked of cached adapter methods by source', labelNames: ['source'], registry });
  const webhooks = new Counter({ name: 'c360_webhooks_total', help: 'Change webhook deliveries by vendor, source and outcome (accepted, ignored, signature_invalid, timestamp_invalid, replayed, malformed, too_large, failed)', labelNames: ['vendor', 'source', 'outcome'], registers: [registry] });
  const cacheHits = createTalliedCounter({ name: 'c360_record_cache_hits_total', help: 'Keys answered from the record cache (fresh or stale) by source', labelNames: ['source'], registry });
  new Gauge({
    name: 'c360_source_breaker_state',
    help: 'Circuit breaker state by source: 0 closed, 1 half-open, 2 open, 3 isolated',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      for (const { source, state } of probes.breakerStates()) this.set({ source }, state);
    },
  });
  new Gauge({
    name: 'c360_record_cache_entries',
    help: 'Record cache entries by source',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      for (const { source, size } of probes.recordCacheSizes()) this.set({ source }, size);
    },
  });
  const crosswalk = (name: string, help: string, pick: (s: ReturnType<MetricsProbes['crosswalk']>) => number): void => {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(pick(probes.crosswalk()));
      },
    });
  };
  crosswalk('c360_crosswalk_entries', 'Identity crosswalk entries', (s) => s.size);
  crosswalk('c360_crosswalk_hits', 'Identity crosswalk hits since start', (s) => s.hits);
  crosswalk('c360_crosswalk_misses', 'Identity crosswalk misses since start', (s) => s.misses);
  crosswalk('c360_crosswalk_shared_hits', 'Identity crosswalk L1 misses answered from the shared L2 (Redis) since start', (s) => s.sharedHits ?? 0);
  /** A gauge read from an optional probe at scrape time; no series at all when the probe is absent (feature off). */
  const optionalGauge = (name: string, help: string, probe: (() => number) | undefined): void => {
    if (!probe) return;
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(probe());
      },
    });
  };
  optionalGauge('c360_idle_scavenges', 'Young-generation collections the gateway ran while it waited for sources at light load, since start (performance.idleScavenge)', probes.idleScavenges);
  optionalGauge(
    'c360_early_call_starts',
    'Requests whose source calls started before GraphQL execution (a repeated customer or customerBySource operation at light load), since start (performance.earlyCalls)',
    probes.earlyCallStarts,
  );
  const redisState = (name: string, help: string, pick: (s: Extract<ReturnType<NonNullable<MetricsProbes['sharedState']>>, { mode: 'redis' }>) => number): void => {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const status = probes.sharedState?.();
        if (status?.mode === 'redis') this.set(pick(status));
      },
    });
  };
  // Only with state.redis: a gauge that was never set would read 0, i.e. "Redis down", on a one-process gateway.
  if (probes.sharedState?.().mode === 'redis') {
    redisState('c360_state_redis_up', 'Shared state (Redis) reachable: 1 up, 0 down', (s) => (s.redis === 'up' ? 1 : 0));
    redisState('c360_state_redis_round_trips', 'Redis round trips (commands and pipelines) since start', (s) => s.counters.roundTrips);
    redisState('c360_state_redis_failures', 'Redis round trips that failed or timed out since start', (s) => s.counters.failures);
  }

  return {
    registry,
    contentType: registry.contentType,
    recordRequest(durationMs, outcome, errorCodes) {
      requests.inc({ outcome });
      requestSeconds.observe(durationMs / 1000);
      for (const code of errorCodes) errors.inc({ code });
    },
    recordSourceCall(report) {
      sourceSeconds.observe({ source: report.source, operation: report.operation, status: report.status }, report.latencyMs / 1000);
      upstreamCalls.inc({ source: report.source }, report.calls);
      retries.inc({ source: report.source }, report.retries);
      if (report.errorCode) sourceErrors.inc({ source: report.source, code: report.errorCode });
      if (report.operation !== 'search') {
        cacheLookups.inc({ source: report.source }, report.keys);
        cacheHits.inc({ source: report.source }, report.cacheHits);
      }
    },
    recordCoalescedCall(call) {
      vendorRequests.inc({ source: call.source }, call.httpRequests);
      sharedCalls.inc({ source: call.source }, call.members - 1);
    },
    recordWebhook(vendor, source, outcome) {
      webhooks.inc({ vendor, source, outcome });
    },
    render: () => registry.metrics(),
  };
}
