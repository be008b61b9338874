import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { countUpstreamRequests, noteUpstreamRequest } from '../../src/adapters/countUpstreamRequests.js';
import type { CallContext, RelatedWant, SourceAdapter } from '../../src/adapters/types.js';
import { UpstreamError } from '../../src/adapters/UpstreamError.js';
import { DEFAULT_SOURCE_POLICIES } from '../../src/config.js';
import { createCoalescer, mergeableRead, type ByIdMethod, type CoalescedCall } from '../../src/resilience/createCoalescer.js';
import { createResilienceLayer } from '../../src/resilience/index.js';
import { identityRecord } from '../support/identityRecord.js';

interface Seen {
  readonly method: string;
  readonly ids: readonly string[];
  readonly want?: RelatedWant;
  readonly ctx: CallContext;
}

/** A source whose calls are logged and answered when `release()` is called (or at once when not held). */
function loggingSource(options: { hold?: boolean; fail?: boolean } = {}) {
  const seen: Seen[] = [];
  const waiting: Array<() => void> = [];
  const answer = async <T>(entry: Seen, value: (id: string) => T): Promise<Array<T | Error>> => {
    seen.push(entry);
    // Each call sends one HTTP request with its signal, as the HTTP client reports it.
    noteUpstreamRequest(entry.ctx.signal);
    if (options.hold) await new Promise<void>((resolve) => waiting.push(resolve));
    if (options.fail) throw new UpstreamError({ source: 'crm', kind: 'unavailable', message: 'down' });
    return entry.ids.map((id) => (id === 'bad' ? new UpstreamError({ source: 'crm', kind: 'bad_response', message: 'no such record shape' }) : value(id)));
  };
  const adapter: SourceAdapter = {
    name: 'crm',
    kind: 'salesforce',
    capabilities: { search: true, searchKeys: ['email'], orders: false, tickets: true, activities: false },
    search: async (keys, ctx) => {
      seen.push({ method: 'search', ids: keys.map((k) => ('value' in k ? k.value : k.kind)), ctx });
      return keys.map(() => []);
    },
    getByIds: (ids, ctx) => answer({ method: 'getByIds', ids, ctx }, (id) => identityRecord('crm', id)),
    ticketsByOwner: (ids, ctx) => answer({ method: 'ticketsByOwner', ids, ctx }, () => []),
    fetchWithRelated: (ids, want, ctx) => answer({ method: 'fetchWithRelated', ids, want, ctx }, (id) => ({ record: identityRecord('crm', id), tickets: [] })),
  };
  return { adapter, seen, release: () => waiting.splice(0).forEach((go) => go()) };
}

const idsOf = (slots: ReadonlyArray<unknown>): unknown[] => slots.map((slot) => (slot instanceof Error ? slot.constructor.name : (slot as { ref: { id: string } }).ref.id));

/**
 * The engine over a source's own methods, as the resilience layer uses it (without its policies): `send` counts
 * the HTTP requests the source notes on the merged call's signal and one attempt per call.
 */
function merging(adapter: SourceAdapter, onCall?: (call: CoalescedCall) => void) {
  const coalescer = createCoalescer(
    adapter.name,
    (method, ids, want, ctx, tally) => {
      tally.calls += 1;
      countUpstreamRequests(ctx.signal!, () => (tally.httpRequests += 1));
      if (method === 'fetchWithRelated') return adapter.fetchWithRelated!(ids, want!, ctx);
      return (adapter[method] as (ids: readonly string[], ctx: CallContext) => Promise<unknown[]>).call(adapter, ids, ctx) as never;
    },
    onCall,
  );
  const read = (method: ByIdMethod) => (ids: readonly string[], ctx: CallContext) => coalescer.join(mergeableRead(method), ids, ctx).answer;
  return {
    coalescer,
    getByIds: read('getByIds'),
    ticketsByOwner: read('ticketsByOwner'),
    fetchWithRelated: (ids: readonly string[], want: RelatedWant, ctx: CallContext) => coalescer.join(mergeableRead('fetchWithRelated', want), ids, ctx).answer,
  };
}

describe('createCoalescer: concurrent reads by id share one call', () => {
  it('merges the same method asked in one turn into one call with the union of ids, and answers each caller its own ids', async () => {
    const { adapter, seen } = loggingSource();
    const calls: CoalescedCall[] = [];
    const merged = merging(adapter, (c) => calls.push(c));
    const [a, b, c] = await Promise.all([merged.getByIds(['1', '2'], {}), merged.getByIds(['2', '3'], {}), merged.getByIds(['bad', '1'], {})]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'getByIds', ids: ['1', '2', '3', 'bad'] });
    expect(idsOf(a)).toEqual(['1', '2']);
    expect(idsOf(b)).toEqual(['2', '3']);
    expect(idsOf(c)).toEqual(['UpstreamError', '1']);
    expect(calls).toEqual([{ source: 'crm', method: 'getByIds', members: 3, ids: 4, httpRequests: 1 }]);
    // The next turn is a new call.
    await merged.getByIds(['4'], {});
    expect(seen).toHaveLength(2);
  });

  it('sends an urgent call at once, with what already waits in its group, and leaves the other groups their turn', async () => {
    const { adapter, seen } = loggingSource();
    const merged = merging(adapter);
    const waiting = merged.getByIds(['1'], {});
    const other = merged.ticketsByOwner(['9'], {});
    const urgent = merged.getByIds(['2'], { urgent: true });
    // Sent before this turn ends: no setImmediate in between.
    expect(seen.map((s) => `${s.method} ${s.ids.join(',')}`)).toEqual(['getByIds 1,2']);
    expect(idsOf(await urgent)).toEqual(['2']);
    expect(idsOf(await waiting)).toEqual(['1']);
    await other;
    expect(seen.map((s) => s.method)).toEqual(['getByIds', 'ticketsByOwner']);
  });

  it('keeps different methods and different wants apart', async () => {
    const { adapter, seen } = loggingSource();
    const merged = merging(adapter);
    const tickets: RelatedWant = { orders: false, tickets: true, activities: false };
    const withFirst: RelatedWant = { orders: false, tickets: true, activities: false, ordersFirst: 10 };
    await Promise.all([
      merged.getByIds(['1'], {}),
      merged.ticketsByOwner(['1'], {}),
      merged.fetchWithRelated(['1'], tickets, {}),
      merged.fetchWithRelated(['2'], { ...tickets }, {}),
      merged.fetchWithRelated(['3'], withFirst, {}),
    ]);
    const byMethod = (m: string) => seen.filter((s) => s.method === m).map((s) => s.ids);
    expect(byMethod('getByIds')).toEqual([['1']]);
    expect(byMethod('ticketsByOwner')).toEqual([['1']]);
    expect(byMethod('fetchWithRelated')).toEqual([['1', '2'], ['3']]);
    expect(seen.find((s) => s.ids.includes('3'))?.want).toEqual(withFirst);
  });

  it("ends a caller's wait at its own deadline while the call goes on for the others, and aborts it only when every caller has gone", async () => {
    const { adapter, seen, release } = loggingSource({ hold: true });
    const merged = merging(adapter);
    /** Two callers with their own deadlines in one turn; resolves once the merged call has gone out. */
    const twoCallers = async (ids: [string, string]) => {
      const controllers = [new AbortController(), new AbortController()] as const;
      const answers = ids.map((id, i) => merged.getByIds([id], { signal: controllers[i]!.signal }));
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      return { controllers, answers, shared: seen.at(-1)!.ctx.signal! };
    };
    const { controllers: [short], answers: [first, second], shared } = await twoCallers(['1', '2']);
    expect(seen).toHaveLength(1);
    short.abort();
    await expect(first).rejects.toMatchObject({ kind: 'timeout' });
    expect(shared.aborted).toBe(false);
    release();
    expect(idsOf((await second)!)).toEqual(['2']);

    // Both gone: the shared call is aborted.
    const { controllers: [x, y], answers: [third, fourth], shared: sharedAgain } = await twoCallers(['3', '4']);
    expect(seen).toHaveLength(2);
    x.abort();
    y.abort();
    expect(sharedAgain.aborted).toBe(true);
    await expect(Promise.all([third, fourth])).rejects.toMatchObject({ kind: 'timeout' });
    release();
  });

  it("leaves no listener on a caller's signal once it is answered, and never aborts a call a caller without a signal shares", async () => {
    const { adapter, seen, release } = loggingSource({ hold: true });
    const merged = merging(adapter);
    const controllers = [new AbortController(), new AbortController()];
    const answers = [merged.getByIds(['1'], { signal: controllers[0]!.signal }), merged.getByIds(['2'], { signal: controllers[1]!.signal }), merged.getByIds(['3'], {})];
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toHaveLength(1);
    expect(controllers.map((c) => getEventListeners(c.signal, 'abort').length)).toEqual([1, 1]);
    controllers[0]!.abort();
    controllers[1]!.abort();
    await expect(answers[0]).rejects.toMatchObject({ kind: 'timeout' });
    await expect(answers[1]).rejects.toMatchObject({ kind: 'timeout' });
    expect(seen[0]!.ctx.signal!.aborted).toBe(false);
    release();
    expect(idsOf((await answers[2])!)).toEqual(['3']);

    const signal = new AbortController().signal;
    const answered = merged.getByIds(['4'], { signal });
    await new Promise((resolve) => setImmediate(resolve));
    release();
    expect(idsOf((await answered)!)).toEqual(['4']);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it("shows every caller the merged call's tally, and fails every caller when the call fails", async () => {
    const { adapter } = loggingSource({ fail: true });
    const { coalescer } = merging(adapter);
    const [a, b] = [coalescer.join(mergeableRead('getByIds'), ['1'], {}), coalescer.join(mergeableRead('getByIds'), ['2'], {})];
    expect(a.tally).toBe(b.tally);
    const results = await Promise.allSettled([a.answer, b.answer]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(results.map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.objectContaining({ kind: 'unavailable' }), expect.objectContaining({ kind: 'unavailable' })]);
    expect(a.tally).toEqual({ calls: 1, retries: 0, httpRequests: 1 });
    // A caller whose deadline has already passed is refused at once and shares nothing.
    const gone = new AbortController();
    gone.abort();
    const late = coalescer.join(mergeableRead('getByIds'), ['3'], { signal: gone.signal });
    await expect(late.answer).rejects.toMatchObject({ kind: 'timeout' });
    expect(late.tally).toEqual({ calls: 0, retries: 0, httpRequests: 0 });
  });

  it('is on by default in the resilience layer: two requests reading in one turn make one call; coalesce: false keeps them apart', async () => {
    for (const coalesce of [undefined, false]) {
      const { adapter, seen } = loggingSource();
      const layer = createResilienceLayer([adapter], { sources: [{ name: 'crm', kind: 'salesforce', baseUrl: 'http://127.0.0.1:1', policies: { ...DEFAULT_SOURCE_POLICIES, ...(coalesce === false ? { coalesce } : {}) } } as never], deadlineMs: 5_000 });
      const [crm] = layer.adapters;
      const one = layer.forRequest(undefined, new AbortController().signal);
      const two = layer.forRequest(undefined, new AbortController().signal);
      const [a, b] = await Promise.all([crm!.getByIds(['1'], one.callContext), crm!.getByIds(['2'], two.callContext)]);
      expect(idsOf(a)).toEqual(['1']);
      expect(idsOf(b)).toEqual(['2']);
      expect(seen.map((s) => s.ids)).toEqual(coalesce === false ? [['1'], ['2']] : [['1', '2']]);
    }
  });

  /** One source behind the resilience layer with these policies, and `n` requests' call contexts. */
  function layerOf(adapter: SourceAdapter, policies: Partial<typeof DEFAULT_SOURCE_POLICIES>, n = 2) {
    const layer = createResilienceLayer([adapter], { sources: [{ name: adapter.name, kind: 'salesforce', baseUrl: 'http://127.0.0.1:1', policies: { ...DEFAULT_SOURCE_POLICIES, ...policies } } as never], deadlineMs: 5_000 });
    const requests = Array.from({ length: n }, () => layer.forRequest(undefined, new AbortController().signal));
    return { source: layer.adapters[0]!, requests };
  }

  it('sends a shared call through the policies once: one retry for both requests, both told the call and the retry', async () => {
    const seen: string[][] = [];
    const { adapter } = loggingSource();
    // The first attempt fails as a 503 would; the retry answers.
    adapter.getByIds = async (ids, ctx) => {
      seen.push([...ids]);
      noteUpstreamRequest(ctx.signal);
      if (seen.length === 1) throw new UpstreamError({ source: 'crm', kind: 'unavailable', message: 'down', status: 503 });
      return ids.map((id) => identityRecord('crm', id));
    };
    const { source, requests } = layerOf(adapter, { retries: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, budgetRatio: 0.1 } });
    const [a, b] = await Promise.all(requests.map((r, i) => source.getByIds([String(i + 1)], r.callContext)));
    expect(idsOf(a!)).toEqual(['1']);
    expect(idsOf(b!)).toEqual(['2']);
    // Per request, its own answer would have cost a retry each: the vendor saw one failed call and one retry.
    expect(seen).toEqual([['1', '2'], ['1', '2']]);
    for (const r of requests) expect(r.recorder.snapshot()).toEqual([expect.objectContaining({ name: 'crm', status: 'OK', calls: 2, retries: 1 })]);
  });

  it('answers a record the source does not have as null, not as an error, to each request that shared the call', async () => {
    const { adapter } = loggingSource();
    adapter.getByIds = async (ids) => ids.map((id) => (id === 'gone' ? null : identityRecord('crm', id)));
    const { source, requests } = layerOf(adapter, {});
    const [a, b] = await Promise.all([source.getByIds(['gone', '1'], requests[0]!.callContext), source.getByIds(['gone'], requests[1]!.callContext)]);
    expect(a).toEqual([null, expect.objectContaining({ ref: { source: 'crm', id: '1' }, fetch: expect.objectContaining({ fromCache: false }) })]);
    expect(b).toEqual([null]);
    for (const r of requests) expect(r.recorder.snapshot()).toEqual([expect.objectContaining({ name: 'crm', status: 'OK' })]);
  });

  it('takes one bulkhead slot for a shared call, so requests sharing it are not refused by a full bulkhead', async () => {
    const { adapter, seen, release } = loggingSource({ hold: true });
    const { source, requests } = layerOf(adapter, { bulkhead: { maxConcurrent: 1, maxQueue: 0 } }, 3);
    const both = Promise.all(requests.slice(0, 2).map((r, i) => source.getByIds([String(i + 1)], r.callContext)));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toHaveLength(1);
    // A third request in a later turn finds the one slot taken and no queue: refused at once.
    const [third] = await source.getByIds(['3'], requests[2]!.callContext);
    expect(third).toBeInstanceOf(Error);
    expect(seen).toHaveLength(1);
    release();
    const [a, b] = await both;
    expect(idsOf(a!)).toEqual(['1']);
    expect(idsOf(b!)).toEqual(['2']);
  });
});
