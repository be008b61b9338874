import { describe, expect, it } from 'vitest';
import type { RecordWithRelated, SourceCallReport } from '../../src/adapters/types.js';
import { UpstreamError } from '../../src/adapters/UpstreamError.js';
import { DEFAULT_SOURCE_POLICIES } from '../../src/config.js';
import { createResilientAdapter } from '../../src/resilience/index.js';
import { fusingSource } from '../support/fusingSource.js';

describe('createResilientAdapter: fetchWithRelated and the record cache', () => {
  it('keeps a fused answer as its parts: getByIds and ticketsByOwner read them, and a failed fused call is served stale', async () => {
    let failing = false;
    let clock = 1_000_000;
    const { adapter, log } = fusingSource(() => failing);
    const reports: SourceCallReport[] = [];
    const resilient = createResilientAdapter(adapter, {
      policies: { ...DEFAULT_SOURCE_POLICIES, retries: { ...DEFAULT_SOURCE_POLICIES.retries, maxAttempts: 1 }, cache: { ...DEFAULT_SOURCE_POLICIES.cache, ttlMs: 1_000, staleWindowMs: 60_000 } },
      timeoutMs: 1_000,
      now: () => clock,
      onReport: (r) => reports.push(r),
    });
    const want = { orders: false, tickets: true, activities: false };
    const [live] = await resilient.fetchWithRelated!(['a'], want, {});
    expect(live).toMatchObject({ record: { fetch: { fromCache: false } }, tickets: [{ fetch: { fromCache: false } }, {}] });
    // Fresh parts answer the single-kind methods without a call.
    const [[record], [tickets]] = [await resilient.getByIds(['a'], {}), await resilient.ticketsByOwner!(['a'], {})];
    expect(record).toMatchObject({ fetch: { fromCache: true, stale: false } });
    expect(tickets).toHaveLength(2);
    expect(log).toHaveLength(1);
    // Past freshness, a failing source: the parts are served stale, and the report says STALE.
    clock += 5_000;
    failing = true;
    const [stale] = await resilient.fetchWithRelated!(['a'], want, {});
    expect(stale).toMatchObject({ record: { fetch: { stale: true, ageMs: 5_000 } }, tickets: [{ fetch: { stale: true } }, {}] });
    expect(reports.at(-1)).toMatchObject({ operation: 'fetchWithRelated', status: 'STALE' });
    // Erasure purges the parts.
    resilient.purge(['a']);
    const [gone] = await resilient.fetchWithRelated!(['a'], want, {});
    expect(gone).toBeInstanceOf(UpstreamError);
  });

  it('reports a list that failed inside a fused answer', async () => {
    const { adapter } = fusingSource();
    const reports: SourceCallReport[] = [];
    const resilient = createResilientAdapter(adapter, { timeoutMs: 1_000, onReport: (r) => reports.push(r) });
    const [slot] = await resilient.fetchWithRelated!(['broken'], { orders: false, tickets: true, activities: false }, {});
    expect((slot as RecordWithRelated).tickets).toBeInstanceOf(UpstreamError);
    expect(reports[0]).toMatchObject({ operation: 'fetchWithRelated', status: 'ERROR', errorCode: expect.any(String) });
  });
});
