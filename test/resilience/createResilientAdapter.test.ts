import { describe, expect, it } from 'vitest';
import type { BatchResult, SourceAdapter, SourceCallReport } from '../../src/adapters/types.js';
import { UpstreamError } from '../../src/adapters/UpstreamError.js';
import { noteUpstreamRequest } from '../../src/adapters/countUpstreamRequests.js';
import { DEFAULT_SOURCE_POLICIES, type SourcePolicies } from '../../src/config.js';
import type { IdentityRecord } from '../../src/domain/index.js';
import { createResilientAdapter } from '../../src/resilience/index.js';
import { identityRecord } from '../support/identityRecord.js';

const record = (id: string): IdentityRecord => identityRecord('crm', id);
const down = () => new UpstreamError({ source: 'crm', kind: 'unavailable', message: 'HTTP 503' });

/** A fake source whose getByIds answers from `behaviour`; counts its calls. */
function fakeSource(behaviour: (ids: readonly string[]) => Promise<BatchResult<IdentityRecord | null>>) {
  const counter = { calls: 0 };
  const adapter: SourceAdapter = {
    name: 'crm',
    kind: 'salesforce',
    capabilities: { search: true, searchKeys: ['email', 'phone', 'name', 'identifier'], orders: false, tickets: false, activities: false },
    search: async (keys) => keys.map(() => []),
    getByIds: async (ids) => {
      counter.calls += 1;
      return behaviour(ids);
    },
  };
  return { adapter, counter };
}

const policies = (overrides: Partial<{ [K in keyof SourcePolicies]: Partial<SourcePolicies[K]> }>): SourcePolicies => ({
  retries: { ...DEFAULT_SOURCE_POLICIES.retries, baseDelayMs: 0, maxDelayMs: 0, ...overrides.retries },
  breaker: { ...DEFAULT_SOURCE_POLICIES.breaker, minCalls: 100_000, ...overrides.breaker },
  bulkhead: { ...DEFAULT_SOURCE_POLICIES.bulkhead, ...overrides.bulkhead },
  cache: { ...DEFAULT_SOURCE_POLICIES.cache, ...overrides.cache },
});

describe('createResilientAdapter: retries', () => {
  it('keeps upstream calls within 1.1x the requests when the source fails every time', async () => {
    const { adapter, counter } = fakeSource(async () => {
      throw down();
    });
    const resilient = createResilientAdapter(adapter, { policies: policies({ retries: { maxAttempts: 3, budgetRatio: 0.1 } }), timeoutMs: 1_000 });
    for (let i = 0; i < 100; i += 1) {
      const [slot] = await resilient.getByIds(['a'], {});
      expect(slot).toBeInstanceOf(UpstreamError);
    }
    expect(counter.calls).toBeLessThanOrEqual(111);
    expect(counter.calls).toBeGreaterThan(100);
  });

  it('does not retry per-key errors and passes them through in their slots', async () => {
    const { adapter, counter } = fakeSource(async (ids) => ids.map((id) => (id === 'bad' ? new UpstreamError({ source: 'crm', kind: 'rejected', message: 'invalid id' }) : record(id))));
    const resilient = createResilientAdapter(adapter, { policies: policies({}), timeoutMs: 1_000 });
    const result = await resilient.getByIds(['a', 'bad'], {});
    expect((result[0] as IdentityRecord).ref.id).toBe('a');
    expect(result[1]).toBeInstanceOf(UpstreamError);
    expect(counter.calls).toBe(1);
  });
});

describe('createResilientAdapter: one failure per request', () => {
  it('does not call a source again in the same request after it timed out, but does in the next request', async () => {
    const { adapter, counter } = fakeSource(async () => {
      throw new UpstreamError({ source: 'crm', kind: 'timeout', message: 'no answer within 1000 ms' });
    });
    const resilient = createResilientAdapter(adapter, { policies: policies({ retries: { maxAttempts: 1 } }), timeoutMs: 1_000 });
    const request = { observer: { onCall: () => undefined } };
    const [first] = await resilient.getByIds(['a'], request);
    const [second] = await resilient.search([{ kind: 'email', value: 'a@example.com' }], request);
    expect(first).toMatchObject({ kind: 'timeout' });
    expect(second).toMatchObject({ kind: 'timeout', message: expect.stringContaining('not called again in this request') });
    expect(counter.calls).toBe(1);
    await resilient.getByIds(['a'], { observer: { onCall: () => undefined } });
    expect(counter.calls).toBe(2);
  });

  it('keeps calling a source after a per-key or bad-response failure', async () => {
    const { adapter, counter } = fakeSource(async () => {
      throw new UpstreamError({ source: 'crm', kind: 'bad_response', message: 'malformed JSON' });
    });
    const resilient = createResilientAdapter(adapter, { policies: policies({ retries: { maxAttempts: 1 } }), timeoutMs: 1_000 });
    const request = { observer: { onCall: () => undefined } };
    await resilient.getByIds(['a'], request);
    await resilient.getByIds(['b'], request);
    expect(counter.calls).toBe(2);
  });
});

describe('createResilientAdapter: stale-if-error and erasure', () => {
  it('stamps live values, serves stale ones when the source fails, and forgets purged ids at once', async () => {
    let failing = false;
    let clock = 1_000_000;
    const { adapter } = fakeSource(async (ids) => {
      if (failing) throw down();
      return ids.map(record);
    });
    const reports: SourceCallReport[] = [];
    const resilient = createResilientAdapter(adapter, { policies: policies({ retries: { maxAttempts: 1 }, cache: { staleWindowMs: 10_000 } }), timeoutMs: 1_000, now: () => clock, onReport: (r) => reports.push(r) });
    const live = await resilient.getByIds(['a', 'b'], {});
    expect((live[0] as IdentityRecord).fetch).toEqual({ fetchedAt: new Date(1_000_000).toISOString(), fromCache: false, stale: false, ageMs: 0 });

    failing = true;
    clock += 4_000;
    const stale = await resilient.getByIds(['a', 'c'], {});
    expect((stale[0] as IdentityRecord).fetch).toEqual({ fetchedAt: new Date(1_000_000).toISOString(), fromCache: true, stale: true, ageMs: 4_000 });
    expect(stale[1]).toBeInstanceOf(UpstreamError);
    expect(reports.at(-1)).toMatchObject({ status: 'ERROR', cacheHits: 1, staleAgeMs: 4_000, errorCode: 'SOURCE_UNAVAILABLE' });

    const onlyStale = await resilient.getByIds(['b'], {});
    expect((onlyStale[0] as IdentityRecord).fetch?.stale).toBe(true);
    expect(reports.at(-1)?.status).toBe('STALE');

    resilient.purge(['a']);
    expect((await resilient.getByIds(['a'], {}))[0]).toBeInstanceOf(UpstreamError);

    clock += 7_000;
    expect((await resilient.getByIds(['b'], {}))[0]).toBeInstanceOf(UpstreamError);
  });
});

describe('createResilientAdapter: provenance', () => {
  it("stamps a fresh-values adapter's live records in place, and copies what it serves from the cache", async () => {
    let failing = false;
    let clock = 2_000_000;
    const built: IdentityRecord[] = [];
    const { adapter } = fakeSource(async (ids) => {
      if (failing) throw down();
      return ids.map((id) => {
        const r = record(id);
        built.push(r);
        return r;
      });
    });
    const resilient = createResilientAdapter({ ...adapter, freshValues: true }, { policies: policies({ retries: { maxAttempts: 1 }, cache: { staleWindowMs: 10_000 } }), timeoutMs: 1_000, now: () => clock });
    const [live] = await resilient.getByIds(['a'], {});
    expect(live).toBe(built[0]);
    const liveFetch = { fetchedAt: new Date(2_000_000).toISOString(), fromCache: false, stale: false, ageMs: 0 };
    expect((live as IdentityRecord).fetch).toEqual(liveFetch);

    failing = true;
    clock += 3_000;
    const [stale] = await resilient.getByIds(['a'], {});
    expect(stale).not.toBe(built[0]);
    expect((stale as IdentityRecord).fetch).toMatchObject({ fromCache: true, stale: true, ageMs: 3_000 });
    // The value the first request holds keeps its own provenance.
    expect((live as IdentityRecord).fetch).toEqual(liveFetch);
  });

  it('stamps copies when the adapter serves records it keeps, leaving its own untouched', async () => {
    const kept = record('a');
    const { adapter } = fakeSource(async (ids) => ids.map(() => kept));
    const resilient = createResilientAdapter(adapter, { policies: policies({}), timeoutMs: 1_000 });
    const [first] = await resilient.getByIds(['a'], {});
    expect(first).not.toBe(kept);
    expect((first as IdentityRecord).fetch?.fromCache).toBe(false);
    expect('fetch' in kept).toBe(false);
  });
});

describe('createResilientAdapter: bulkhead and breaker', () => {
  it('refuses calls beyond max concurrent + queue with SOURCE_UNAVAILABLE', async () => {
    const { adapter, counter } = fakeSource(() => new Promise((resolve) => setTimeout(() => resolve([record('a')]), 100)));
    const resilient = createResilientAdapter(adapter, { policies: policies({ bulkhead: { maxConcurrent: 1, maxQueue: 1 } }), timeoutMs: 1_000 });
    const results = await Promise.all([1, 2, 3].map(() => resilient.getByIds(['a'], {})));
    expect(counter.calls).toBe(2);
    const refused = results.map((r) => r[0]).filter((slot) => slot instanceof UpstreamError);
    expect(refused).toHaveLength(1);
    expect((refused[0] as UpstreamError).code).toBe('SOURCE_UNAVAILABLE');
  });

  it('opens after minCalls failures and refuses with SOURCE_CIRCUIT_OPEN without calling', async () => {
    const { adapter, counter } = fakeSource(async () => {
      throw down();
    });
    const resilient = createResilientAdapter(adapter, { policies: policies({ retries: { maxAttempts: 1 }, breaker: { minCalls: 4, failureRatio: 0.5, windowMs: 10_000, halfOpenAfterMs: 60_000 } }), timeoutMs: 1_000 });
    for (let i = 0; i < 5; i += 1) await resilient.getByIds(['a'], {});
    expect(resilient.breakerState()).toBe('OPEN');
    const calls = counter.calls;
    const [slot] = await resilient.getByIds(['a'], {});
    expect((slot as UpstreamError).code).toBe('SOURCE_CIRCUIT_OPEN');
    expect(counter.calls).toBe(calls);
  });
});

describe('createResilientAdapter: a hung source costs a request one share of its deadline', () => {
  it('does not retry a timed-out attempt when a whole attempt does not fit in half the time left (default 3 s deadline, 1 s attempts)', async () => {
    const clock = 1_000_000;
    const { adapter, counter } = fakeSource(async () => {
      throw new UpstreamError({ source: 'crm', kind: 'timeout', message: 'no answer within 1000 ms' });
    });
    // As after a first 1 s attempt (plus the backoff) of a 3 s request: < 2 s left, a retry would leave the others < 1 s.
    const resilient = createResilientAdapter(adapter, { policies: policies({ retries: { maxAttempts: 3, budgetRatio: 1 } }), timeoutMs: 1_000, now: () => clock });
    const [slot] = await resilient.getByIds(['a'], { deadlineAt: clock + 1_900, observer: { onCall: () => undefined } });
    expect(slot).toMatchObject({ kind: 'timeout' });
    expect(counter.calls).toBe(1);
    // With time to spare, a timeout is still retried.
    const [again] = await resilient.getByIds(['a'], { deadlineAt: clock + 10_000, observer: { onCall: () => undefined } });
    expect(again).toMatchObject({ kind: 'timeout' });
    expect(counter.calls).toBe(1 + 3);
  });

  it('gives one attempt at most half the time the request has left', async () => {
    let aborted: number | null = null;
    const started = Date.now();
    const { adapter } = fakeSource(async () => {
      throw new UpstreamError({ source: 'crm', kind: 'timeout', message: 'never answers' });
    });
    adapter.getByIds = (_ids, ctx) =>
      new Promise((resolve) => {
        ctx.signal?.addEventListener('abort', () => {
          aborted = Date.now() - started;
          resolve([new UpstreamError({ source: 'crm', kind: 'timeout', message: 'cut' })]);
        });
      });
    const resilient = createResilientAdapter(adapter, { policies: policies({ retries: { maxAttempts: 1 } }), timeoutMs: 5_000 });
    const [slot] = await resilient.getByIds(['a'], { deadlineAt: Date.now() + 400, signal: AbortSignal.timeout(400) });
    expect(slot).toMatchObject({ kind: 'timeout' });
    // Cut by the attempt limit (~200 ms), not by the request's 400 ms deadline.
    expect(aborted).not.toBeNull();
    expect(aborted!).toBeLessThan(400);
  });
});

describe('createResilientAdapter: upstream waits (idle-time collection)', () => {
  /** Logs what the resilience layer tells its UpstreamWaits, in order. */
  const waitLog = () => {
    const events: string[] = [];
    return { events, waits: { begin: () => events.push('begin'), sent: () => events.push('sent'), end: () => events.push('end') } };
  };

  it('tells when each attempt begins, sends each HTTP request, and settles (retries included)', async () => {
    let calls = 0;
    const { adapter } = fakeSource(async (ids) => ids.map((id) => record(id)));
    adapter.getByIds = async (ids, ctx) => {
      calls += 1;
      // Two pages, as an HTTP client reports them on the call's signal.
      noteUpstreamRequest(ctx.signal);
      noteUpstreamRequest(ctx.signal);
      if (calls === 1) throw down();
      return ids.map((id) => record(id));
    };
    const { events, waits } = waitLog();
    const resilient = createResilientAdapter(adapter, { policies: policies({ retries: { maxAttempts: 2, budgetRatio: 1 } }), timeoutMs: 1_000, upstreamWaits: waits });
    const [slot] = await resilient.getByIds(['a'], {});
    expect(slot).toMatchObject({ ref: { id: 'a' } });
    expect(events).toEqual(['begin', 'sent', 'sent', 'end', 'begin', 'sent', 'sent', 'end']);
  });

  it('tells nothing about a file source (it answers from memory) or a read the cache answers', async () => {
    const { adapter } = fakeSource(async (ids) => ids.map((id) => record(id)));
    const { events, waits } = waitLog();
    const file = createResilientAdapter({ ...adapter, kind: 'file' }, { policies: policies({}), timeoutMs: 1_000, upstreamWaits: waits });
    await file.getByIds(['a'], {});
    expect(events).toEqual([]);
    const http = createResilientAdapter(adapter, { policies: policies({ cache: { ttlMs: 60_000 } }), timeoutMs: 1_000, upstreamWaits: waits });
    await http.getByIds(['a'], {});
    await http.getByIds(['a'], {});
    expect(events).toEqual(['begin', 'end']);
  });
});
