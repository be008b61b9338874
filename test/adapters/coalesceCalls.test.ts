import { describe, expect, it } from 'vitest';
import { coalesceCalls, type CoalescedCall } from '../../src/adapters/coalesceCalls.js';
import { countUpstreamRequests, noteUpstreamRequest } from '../../src/adapters/countUpstreamRequests.js';
import type { CallContext, RelatedWant, SourceAdapter } from '../../src/adapters/types.js';
import { UpstreamError } from '../../src/adapters/UpstreamError.js';
import { DEFAULT_SOURCE_POLICIES } from '../../src/config.js';
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

describe('coalesceCalls: concurrent reads by id share one call', () => {
  it('merges the same method asked in one turn into one call with the union of ids, and answers each caller its own ids', async () => {
    const { adapter, seen } = loggingSource();
    const calls: CoalescedCall[] = [];
    const merged = coalesceCalls(adapter, (c) => calls.push(c));
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
    const merged = coalesceCalls(adapter);
    const waiting = merged.getByIds(['1'], {});
    const other = merged.ticketsByOwner!(['9'], {});
    const urgent = merged.getByIds(['2'], { urgent: true });
    // Sent before this turn ends: no setImmediate in between.
    expect(seen.map((s) => `${s.method} ${s.ids.join(',')}`)).toEqual(['getByIds 1,2']);
    expect(idsOf(await urgent)).toEqual(['2']);
    expect(idsOf(await waiting)).toEqual(['1']);
    await other;
    expect(seen.map((s) => s.method)).toEqual(['getByIds', 'ticketsByOwner']);
  });

  it('keeps different methods and different wants apart, and never merges searches', async () => {
    const { adapter, seen } = loggingSource();
    const merged = coalesceCalls(adapter);
    const tickets: RelatedWant = { orders: false, tickets: true, activities: false };
    const withFirst: RelatedWant = { orders: false, tickets: true, activities: false, ordersFirst: 10 };
    await Promise.all([
      merged.getByIds(['1'], {}),
      merged.ticketsByOwner!(['1'], {}),
      merged.fetchWithRelated!(['1'], tickets, {}),
      merged.fetchWithRelated!(['2'], { ...tickets }, {}),
      merged.fetchWithRelated!(['3'], withFirst, {}),
      merged.search([{ kind: 'email', value: 'a@example.com' }], {}),
      merged.search([{ kind: 'email', value: 'b@example.com' }], {}),
    ]);
    const byMethod = (m: string) => seen.filter((s) => s.method === m).map((s) => s.ids);
    expect(byMethod('getByIds')).toEqual([['1']]);
    expect(byMethod('ticketsByOwner')).toEqual([['1']]);
    expect(byMethod('fetchWithRelated')).toEqual([['1', '2'], ['3']]);
    expect(byMethod('search')).toEqual([['a@example.com'], ['b@example.com']]);
    expect(seen.find((s) => s.ids.includes('3'))?.want).toEqual(withFirst);
  });

  it("ends a caller's wait at its own deadline while the call goes on for the others, and aborts it only when every caller has gone", async () => {
    const { adapter, seen, release } = loggingSource({ hold: true });
    const merged = coalesceCalls(adapter);
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

  it('counts the merged call\'s HTTP requests for every caller, and fails every caller when the call fails', async () => {
    const { adapter } = loggingSource({ fail: true });
    const merged = coalesceCalls(adapter);
    const a = new AbortController();
    const b = new AbortController();
    const counted = { a: 0, b: 0 };
    countUpstreamRequests(a.signal, () => (counted.a += 1));
    countUpstreamRequests(b.signal, () => (counted.b += 1));
    const results = await Promise.allSettled([merged.getByIds(['1'], { signal: a.signal }), merged.getByIds(['2'], { signal: b.signal })]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(results.map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.objectContaining({ kind: 'unavailable' }), expect.objectContaining({ kind: 'unavailable' })]);
    expect(counted).toEqual({ a: 1, b: 1 });
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
});
