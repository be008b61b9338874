import { describe, expect, it } from 'vitest';
import type { RecordWithRelated, SourceCallReport } from '../../src/adapters/types.js';
import { UpstreamError } from '../../src/adapters/UpstreamError.js';
import { DEFAULT_SOURCE_POLICIES } from '../../src/config.js';
import { createResilientAdapter } from '../../src/resilience/index.js';
import { fusingSource } from '../support/fusingSource.js';
import { identityRecord } from '../support/identityRecord.js';

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

describe('createResilientAdapter: fetchWithRelated with ordersFirst', () => {
  it('never keeps a cut order list, and answers a cut read from a whole cached list', async () => {
    const log: string[] = [];
    const order = (id: string, n: number) => ({ ref: { source: 'shop', id: `${id}-${n}` }, ownerRef: { source: 'shop', id }, number: `#${n}`, createdAt: `2026-01-0${n}T00:00:00Z`, updatedAt: null, cancelledAt: null, financialStatus: null, fulfillmentStatus: null, total: { amount: '1.00', currencyCode: 'USD' }, lineItems: [] });
    const adapter = {
      name: 'shop',
      kind: 'shopify',
      capabilities: { search: false, searchKeys: [], orders: true, tickets: false, activities: false },
      search: async (keys: readonly unknown[]) => keys.map(() => []),
      getByIds: async (ids: readonly string[]) => ids.map(() => null),
      fetchWithRelated: async (ids: readonly string[], want: { ordersFirst?: number }) => {
        log.push(`fetch ${want.ordersFirst ?? 'all'}`);
        const all = [3, 2, 1].map((n) => order(ids[0]!, n));
        return ids.map((id) => ({ record: identityRecord('shop', id), orders: want.ordersFirst === undefined ? all : all.slice(0, want.ordersFirst), ...(want.ordersFirst === undefined ? {} : { ordersTotal: 3 }) }));
      },
    };
    const resilient = createResilientAdapter(adapter as never, { policies: { ...DEFAULT_SOURCE_POLICIES, cache: { ...DEFAULT_SOURCE_POLICIES.cache, ttlMs: 60_000 } }, timeoutMs: 1_000 });
    const cutWant = { orders: true, tickets: false, activities: false, ordersFirst: 1 };
    await resilient.fetchWithRelated!(['c1'], cutWant, {});
    // The cut list was not kept: a whole read calls again.
    const [whole] = await resilient.fetchWithRelated!(['c1'], { orders: true, tickets: false, activities: false }, {});
    expect((whole as RecordWithRelated).orders).toHaveLength(3);
    expect(log).toEqual(['fetch 1', 'fetch all']);
    // Now the whole list is cached: a cut read is answered from it, cut, with its total.
    const [cut] = await resilient.fetchWithRelated!(['c1'], cutWant, {});
    expect(log).toHaveLength(2);
    expect(cut).toMatchObject({ orders: [{ number: '#3' }], ordersTotal: 3 });
  });
});
