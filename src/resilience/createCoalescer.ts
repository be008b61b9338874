import type { BatchResult, CallContext, RelatedWant } from '../adapters/types.js';
import { CallSignal } from '../adapters/callSignal.js';
import { UpstreamError } from '../adapters/UpstreamError.js';

/** The batch methods that read by id and can be merged across requests. */
export type ByIdMethod = 'getByIds' | 'ordersByOwner' | 'ticketsByOwner' | 'activitiesByOwner' | 'fetchWithRelated';

/** What one call cost, as its attempts go: attempts made, retries among them, upstream HTTP requests sent. */
export interface CallTally {
  calls: number;
  retries: number;
  /** Upstream HTTP requests the attempts sent (pages and chunks included). */
  httpRequests: number;
}

/** One caller's part of a merged call. */
interface Member {
  readonly ids: readonly string[];
  readonly signal: AbortSignal | undefined;
  readonly deadlineAt: number | undefined;
  resolve(values: BatchResult<unknown>): void;
  reject(reason: unknown): void;
}

/** Calls of one read (a method and, for `fetchWithRelated`, one `RelatedWant`) waiting for the next turn. */
interface Group {
  readonly read: Mergeable;
  readonly members: Member[];
  /** The merged call's tally, shared by every member's report (filled while the call runs). */
  readonly tally: CallTally;
  /** Members whose signal has not aborted yet. */
  waiting: number;
  /** A member has no signal: the merged call is never aborted. */
  unbounded: boolean;
  /** The merged call's signal, once it runs: aborted when `waiting` reaches 0 (never when `unbounded`). */
  shared: CallSignal | null;
}

/** What {@link createCoalescer} reports per merged call (metrics, tests). */
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
 * Sends one merged call: the union of the members' ids, under a context whose signal aborts once every member's
 * has, and whose deadline is the latest member's. Fills `tally` as its attempts go.
 */
export type SendMerged = (method: ByIdMethod, ids: readonly string[], want: RelatedWant | undefined, ctx: CallContext, tally: CallTally) => Promise<BatchResult<unknown>>;

/** A caller's place in a merged call. */
export interface Joined {
  /** The caller's own ids' slots, in its order; rejected at its own deadline or when the merged call fails. */
  readonly answer: Promise<BatchResult<unknown>>;
  /** The merged call's tally: what the caller's answer cost, read when it is reported. */
  readonly tally: CallTally;
}

/** A read by id that concurrent requests may share: its method, for `fetchWithRelated` what it fetches, and its group. */
export interface Mergeable {
  readonly method: ByIdMethod;
  readonly want?: RelatedWant | undefined;
  /** Reads with the same key are merged: the method, and for `fetchWithRelated` its want ({@link mergeableRead}). */
  readonly key: string;
}

/** The {@link Mergeable} of a read of `method` (with `want` for `fetchWithRelated`). */
export function mergeableRead(method: ByIdMethod, want?: RelatedWant): Mergeable {
  return want === undefined ? { method, key: method } : { method, want, key: `${method} ${wantKey(want)}` };
}

/** See {@link createCoalescer}. */
export interface Coalescer {
  join(read: Mergeable, ids: readonly string[], ctx: CallContext): Joined;
}

/**
 * Merges a source's by-id reads that different requests make in the same turn of the event loop into one call
 * (issue 17: cross-request batching). DataLoader batches within a request; this batches across the requests a
 * busy gateway runs at once, so under load a warm 360 costs a fraction of an upstream call per source instead of
 * one each (the adapters already chunk ids to each vendor's limits). The resilience layer sends each merged call
 * through its policies once (`send`): bulkhead, breaker, retries and the attempt's time limit apply to what goes
 * to the vendor, not to each request that shares it.
 *
 * - Only reads by id are merged (`getByIds`, the `…ByOwner` lists, `fetchWithRelated` with an equal `want`).
 * - Each caller keeps its own deadline: it is answered `timeout` when its signal aborts, while the merged call
 *   goes on for the others. The merged call is aborted only when every caller's signal has aborted.
 * - Every caller sees the merged call's tally (HTTP requests, attempts, retries), so a request's source status
 *   and call counts still show the calls its answer needed; `onCall` gets each call once (metrics: what the
 *   vendor saw).
 * - A failed call fails every caller it served; per-id errors go to the callers that asked for that id.
 *
 * Calls are collected until `setImmediate`: a request alone waits one turn of the event loop (microseconds).
 * A call marked `urgent` (a request alone whose calls started early, see `CallContext.urgent`) is sent at once.
 */
export function createCoalescer(source: string, send: SendMerged, onCall?: (call: CoalescedCall) => void): Coalescer {
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
    const { members, read, tally } = group;
    const ids = distinctIds(members);
    // A CallSignal, not an AbortController: see its doc (young-generation survival).
    const signal = new CallSignal();
    group.shared = signal;
    if (!group.unbounded && group.waiting === 0) signal.abort();
    try {
      let deadlineAt: number | undefined = -Infinity;
      for (const m of members) deadlineAt = m.deadlineAt === undefined || deadlineAt === undefined ? undefined : Math.max(deadlineAt, m.deadlineAt);
      const ctx: CallContext = deadlineAt === undefined ? { signal } : { signal, deadlineAt };
      const results = await send(read.method, ids, read.want, ctx, tally);
      if (ids === members[0]!.ids) {
        // One caller without repeated ids: its answer is the call's.
        members[0]!.resolve(results);
        return;
      }
      const byId = new Map<string, unknown>();
      ids.forEach((id, i) => byId.set(id, results[i]));
      for (const member of members) member.resolve(member.ids.map((id) => (byId.has(id) ? byId.get(id) : new Error(`no answer for ${id}`))) as BatchResult<unknown>);
    } catch (error) {
      for (const member of members) member.reject(error);
    } finally {
      onCall?.({ source, method: read.method, members: members.length, ids: ids.length, httpRequests: tally.httpRequests });
    }
  }

  /**
   * A member whose signal aborts: it is answered `timeout` at once, and the merged call's signal aborts once no
   * member waits. One listener per member does both; it is removed when the member is answered.
   */
  function enter(group: Group, ids: readonly string[], signal: AbortSignal | undefined, deadlineAt: number | undefined): Promise<BatchResult<unknown>> {
    return new Promise<BatchResult<unknown>>((resolve, reject) => {
      if (signal === undefined) {
        group.unbounded = true;
        group.members.push({ ids, signal, deadlineAt, resolve, reject });
        return;
      }
      group.waiting += 1;
      const onAbort = (): void => {
        reject(deadlinePassed(source));
        group.waiting -= 1;
        if (group.waiting === 0 && !group.unbounded) group.shared?.abort();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      group.members.push({
        ids,
        signal,
        deadlineAt,
        resolve(values) {
          signal.removeEventListener('abort', onAbort);
          resolve(values);
        },
        reject(reason) {
          signal.removeEventListener('abort', onAbort);
          reject(reason);
        },
      });
    });
  }

  return {
    join(read, ids, ctx) {
      const signal = ctx.signal;
      if (signal?.aborted) return { answer: Promise.reject(deadlinePassed(source)), tally: { calls: 0, retries: 0, httpRequests: 0 } };
      let group = groups.get(read.key);
      if (!group) {
        group = { read, members: [], tally: { calls: 0, retries: 0, httpRequests: 0 }, waiting: 0, unbounded: false, shared: null };
        groups.set(read.key, group);
      }
      // This caller's deadline ends its wait (enter), not the merged call.
      const answer = enter(group, ids, signal, ctx.deadlineAt);
      if (ctx.urgent) {
        // Sent now, with whatever of this turn already waits in its group; other groups keep their turn.
        groups.delete(read.key);
        void run(group);
      } else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
      return { answer, tally: group.tally };
    },
  };
}

/** The members' ids, each once: the only member's own array when it repeats none. */
function distinctIds(members: readonly Member[]): readonly string[] {
  const only = members[0]!.ids;
  if (members.length === 1 && (only.length < 2 || new Set(only).size === only.length)) return only;
  const ids = new Set<string>();
  for (const member of members) for (const id of member.ids) ids.add(id);
  return [...ids];
}

function wantKey(want: RelatedWant): string {
  return `${want.orders ? 'o' : ''}${want.tickets ? 't' : ''}${want.activities ? 'a' : ''}${want.lineItems === false ? '-l' : want.lineItems ? '+l' : ''}${want.ordersFirst === undefined ? '' : `:${want.ordersFirst}`}`;
}

function deadlinePassed(source: string): UpstreamError {
  return new UpstreamError({ source, kind: 'timeout', message: 'no complete answer within the deadline' });
}
