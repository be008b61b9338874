import type { BatchResult, CallContext, RelatedWant, SourceAdapter } from './types.js';
import { countUpstreamRequests, noteUpstreamRequest } from './countUpstreamRequests.js';
import { CallSignal } from './callSignal.js';
import { untilAborted } from './untilAborted.js';
import { UpstreamError } from './UpstreamError.js';

/** The batch methods that read by id and can be merged across requests. */
type ByIdMethod = 'getByIds' | 'ordersByOwner' | 'ticketsByOwner' | 'activitiesByOwner' | 'fetchWithRelated';

/** One caller's part of a merged call. */
interface Member {
  readonly ids: readonly string[];
  readonly signal: AbortSignal | undefined;
  readonly deadlineAt: number | undefined;
  resolve(values: BatchResult<unknown>): void;
  reject(reason: unknown): void;
}

/** Calls of one method (and, for `fetchWithRelated`, one `RelatedWant`) waiting for the next turn. */
interface Group {
  readonly method: ByIdMethod;
  readonly want: RelatedWant | undefined;
  readonly members: Member[];
}

/** What {@link coalesceCalls} reports per merged call (metrics, tests). */
export interface CoalescedCall {
  readonly source: string;
  readonly method: ByIdMethod;
  /** Calls merged into this one (1: nothing to merge with). */
  readonly members: number;
  /** Distinct ids asked. */
  readonly ids: number;
  /** HTTP requests the call sent (pages and chunks included): what the vendor saw, once. */
  readonly httpRequests: number;
}

/**
 * Merges a source's by-id reads that different requests make in the same turn of the event loop into one
 * adapter call (issue 17: cross-request batching). DataLoader batches within a request; this batches across
 * the requests a busy gateway runs at once, so under load a warm 360 costs a fraction of an upstream call per
 * source instead of one each (the adapters already chunk ids to each vendor's limits).
 *
 * - Only reads by id are merged (`getByIds`, the `…ByOwner` lists, `fetchWithRelated` with an equal `want`);
 *   searches, writes and samples go straight through. Sources without HTTP (files, in-memory) are not wrapped.
 * - Each caller keeps its own deadline: it is answered `timeout` when its signal aborts, while the merged call
 *   goes on for the others. The merged call is aborted only when every caller's signal has aborted.
 * - Every HTTP request the merged call sends is counted for each caller (`countUpstreamRequests`), so a
 *   request's source status and call counts still show the calls its answer needed; `onCall` gets each call
 *   once with its real HTTP request count (metrics: what the vendor saw).
 * - A failed call fails every caller it served; per-id errors go to the callers that asked for that id.
 *
 * Calls are collected until `setImmediate`: a request alone waits one turn of the event loop (microseconds).
 * A call marked `urgent` (a request alone whose calls started early, see `CallContext.urgent`) is sent at once.
 */
export function coalesceCalls(adapter: SourceAdapter, onCall?: (call: CoalescedCall) => void): SourceAdapter {
  // A new map each turn, never `clear()`: V8 clears a map by giving it a new table and leaving the old one,
  // entries and all, where it was. Once the map has been promoted to the old generation, every cleared table
  // stays there until the next full collection and keeps the calls it held, and every request they served,
  // alive through each young-generation collection in between (measured: BENCHMARKS.md, issue 17, GC).
  let groups = new Map<string, Group>();
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const ready = groups;
    groups = new Map();
    for (const group of ready.values()) void run(group);
  }

  async function run(group: Group): Promise<void> {
    const { members, method } = group;
    const ids = [...new Set(members.flatMap((m) => m.ids))];
    const counted = { httpRequests: 0 };
    const { signal, dispose } = sharedSignal(members, counted);
    try {
      const deadlines = members.map((m) => m.deadlineAt);
      const deadlineAt = deadlines.every((d) => d !== undefined) ? Math.max(...(deadlines as number[])) : undefined;
      const ctx: CallContext = { signal, ...(deadlineAt === undefined ? {} : { deadlineAt }) };
      const results = await invoke(method, ids, group.want, ctx);
      const byId = new Map<string, unknown>();
      ids.forEach((id, i) => byId.set(id, results[i]));
      for (const member of members) member.resolve(member.ids.map((id) => (byId.has(id) ? byId.get(id) : new Error(`no answer for ${id}`))) as BatchResult<unknown>);
    } catch (error) {
      for (const member of members) member.reject(error);
    } finally {
      dispose();
      onCall?.({ source: adapter.name, method, members: members.length, ids: ids.length, httpRequests: counted.httpRequests });
    }
  }

  function invoke(method: ByIdMethod, ids: readonly string[], want: RelatedWant | undefined, ctx: CallContext): Promise<BatchResult<unknown>> {
    if (method === 'fetchWithRelated') return adapter.fetchWithRelated!(ids, want!, ctx);
    return (adapter[method] as (ids: readonly string[], ctx: CallContext) => Promise<BatchResult<unknown>>).call(adapter, ids, ctx);
  }

  /**
   * The merged call's signal: aborted once every member's is (never while a member has none). Each HTTP request
   * sent with it is counted for every member and once for the call itself (`httpRequests`).
   */
  function sharedSignal(members: readonly Member[], counted: { httpRequests: number }): { signal: AbortSignal; dispose(): void } {
    const signals = members.map((m) => m.signal);
    // A CallSignal, not an AbortController: see its doc (young-generation survival).
    const shared = new CallSignal();
    countUpstreamRequests(shared, () => {
      counted.httpRequests += 1;
      for (const s of signals) noteUpstreamRequest(s);
    });
    if (signals.some((s) => s === undefined)) return { signal: shared, dispose: () => undefined };
    let open = signals.length;
    const onAbort = (): void => {
      open -= 1;
      if (open === 0) shared.abort();
    };
    for (const s of signals) {
      if (s!.aborted) onAbort();
      else s!.addEventListener('abort', onAbort, { once: true });
    }
    return { signal: shared, dispose: () => signals.forEach((s) => s!.removeEventListener('abort', onAbort)) };
  }

  function enqueue(method: ByIdMethod, ids: readonly string[], want: RelatedWant | undefined, ctx: CallContext): Promise<BatchResult<unknown>> {
    const signal = ctx.signal;
    if (signal?.aborted) return Promise.reject(deadlinePassed(adapter.name));
    const key = want === undefined ? method : `${method} ${wantKey(want)}`;
    let group = groups.get(key);
    if (!group) {
      group = { method, want, members: [] };
      groups.set(key, group);
    }
    const members = group.members;
    const answer = new Promise<BatchResult<unknown>>((resolve, reject) => members.push({ ids, signal, deadlineAt: ctx.deadlineAt, resolve, reject }));
    if (ctx.urgent) {
      // Sent now, with whatever of this turn already waits in its group; other groups keep their turn.
      groups.delete(key);
      void run(group);
    } else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
    // This caller's deadline ends its wait, not the merged call.
    return signal ? untilAborted(answer, signal, () => deadlinePassed(adapter.name)) : answer;
  }

  const wrapped: SourceAdapter = Object.create(adapter) as SourceAdapter;
  const byId = (method: Exclude<ByIdMethod, 'fetchWithRelated'>) =>
    function (this: unknown, ids: readonly string[], ctx: CallContext) {
      return enqueue(method, ids, undefined, ctx);
    };
  Object.assign(wrapped, {
    getByIds: byId('getByIds'),
    ...(adapter.ordersByOwner ? { ordersByOwner: byId('ordersByOwner') } : {}),
    ...(adapter.ticketsByOwner ? { ticketsByOwner: byId('ticketsByOwner') } : {}),
    ...(adapter.activitiesByOwner ? { activitiesByOwner: byId('activitiesByOwner') } : {}),
    ...(adapter.fetchWithRelated ? { fetchWithRelated: (ids: readonly string[], want: RelatedWant, ctx: CallContext) => enqueue('fetchWithRelated', ids, want, ctx) } : {}),
    search: adapter.search.bind(adapter),
    ...(adapter.sample ? { sample: adapter.sample.bind(adapter) } : {}),
    ...(adapter.close ? { close: adapter.close.bind(adapter) } : {}),
  });
  return wrapped;
}

function wantKey(want: RelatedWant): string {
  return `${want.orders ? 'o' : ''}${want.tickets ? 't' : ''}${want.activities ? 'a' : ''}${want.lineItems === false ? '-l' : want.lineItems ? '+l' : ''}${want.ordersFirst === undefined ? '' : `:${want.ordersFirst}`}`;
}

function deadlinePassed(source: string): UpstreamError {
  return new UpstreamError({ source, kind: 'timeout', message: 'no complete answer within the deadline' });
}
