import DataLoader from 'dataloader';
import type { BlockingKey, CallContext, SourceAdapter } from '../adapters/types.js';
import type { Activity, IdentityRecord, Order, SourceRef, Ticket } from '../domain/index.js';
import type { IdentitySourceAccess } from '../identity/index.js';
import { keyOf } from '../identity/index.js';
import { canFuse, createFusedBatcher, type FusedBatcher, type FusedKind } from './createFusedBatcher.js';

/** The DataLoaders of one source for one request. A list loader is absent when the source lacks it. */
export interface SourceLoaders {
  readonly adapter: SourceAdapter;
  readonly records: DataLoader<string, IdentityRecord | null>;
  readonly search: DataLoader<BlockingKey, IdentityRecord[], string>;
  readonly orders: DataLoader<string, Order[]> | null;
  readonly tickets: DataLoader<string, Ticket[]> | null;
  readonly activities: DataLoader<string, Activity[]> | null;
  /**
   * How many orders the customer `id` has, when its `orders` load gave only the newest (see
   * `Loaders.noteOrdersLimit`); undefined when the load gave them all.
   */
  ordersTotal(id: string): number | undefined;
}

/** Which of a person's record kinds an operation reads (see `Loaders.startNow`). */
export interface RecordKinds {
  readonly records: boolean;
  readonly orders: boolean;
  readonly tickets: boolean;
  readonly activities: boolean;
}

/** All loaders of one request. */
export interface Loaders {
  /** Loaders of a configured source, or undefined for an unknown name. */
  source(name: string): SourceLoaders | undefined;
  /** Source names in priority order. */
  readonly sourceNames: readonly string[];
  /** The identity layer's view of the sources, through these loaders. */
  readonly identityAccess: IdentitySourceAccess;
  /**
   * Tells the loaders whether the operation reads order line items (resolvers call it before loading orders;
   * it is a property of the whole operation). Until told, line items are fetched.
   */
  noteLineItems(read: boolean): void;
  /**
   * Tells the loaders how many newest orders per customer the operation can show (null: it needs all of them).
   * A property of the whole operation; null from any caller wins. Until told, all orders are fetched.
   */
  noteOrdersLimit(limit: number | null): void;
  /**
   * Loads `kinds` of every ref **now**: the batches go out before this returns (through the fused call where a
   * source has one, each source once), marked `urgent` so nothing holds them for a turn (see
   * `CallContext.urgent`), instead of after the turn in which the resolvers ask. The loads stay in the
   * loaders' caches, so the resolvers that ask later share them; a failure is reported by whichever resolver
   * reads it. Call `noteLineItems` / `noteOrdersLimit` first, as the resolvers would. Does nothing with
   * batching off. Returns how many keys it sent for (loads already in the loaders' caches are not counted).
   */
  startNow(refs: readonly SourceRef[], kinds: RecordKinds): number;
}

/**
 * Creates the per-request DataLoaders (DESIGN.md §2): one per (source, record kind), so that every field
 * of every customer in one operation that needs, say, Shopify orders shares one batched upstream call.
 * Create a new instance per request (as DataLoader's own rule says); the loaders cache for that request only.
 * Search results prime the record loader, so a record found while resolving is not fetched again.
 *
 * `options.maxSearchResults`: records per search key past which the identity layer calls a key generic;
 * handed to the adapters so they stop paging there (see CallContext.maxSearchResults).
 * `options.batch` (default true): false makes every load its own upstream call (the bench's "batching off"
 * ablation, `performance.batching: false`); per-request caching stays on either way.
 *
 * Call fusion (issue 17): for a source that implements `fetchWithRelated`, the record and list loads its
 * loaders dispatch in the same turn go out as one upstream call (see createFusedBatcher), and the records it
 * brings prime the record loader. Line items are left out of fused reads once `noteLineItems(false)` says
 * the operation reads none (and nothing said true).
 */
export function createLoaders(
  adapters: readonly SourceAdapter[],
  ctx: CallContext,
  options: { readonly batch?: boolean; readonly maxSearchResults?: number } = {},
): Loaders {
  const batch = options.batch ?? true;
  const searchCtx: CallContext = options.maxSearchResults === undefined ? ctx : { ...ctx, maxSearchResults: options.maxSearchResults };
  const urgentCtx: CallContext = { ...ctx, urgent: true };
  const byName = new Map(adapters.map((adapter) => [adapter.name, adapter]));
  const built = new Map<string, SourceLoaders>();
  const fusedBySource = new Map<string, FusedBatcher>();
  let lineItems: boolean | null = null;
  let ordersLimit: number | null | undefined;
  // DataLoader's own schedule (after the promise jobs of this turn), except inside `startNow`, which collects
  // the dispatches and runs them itself; `urgent` is true while it does.
  let collecting: Array<() => void> | null = null;
  let urgent = false;
  /** Keys the batches sent by `startNow` asked (cache hits dispatch no batch of their own). */
  let urgentKeys = 0;
  const schedule = (dispatch: () => void): void => {
    if (collecting) collecting.push(dispatch);
    else void resolved.then(() => process.nextTick(dispatch));
  };
  /** The context of a batch being dispatched now (urgent inside `startNow`, which counts its keys). */
  const callCtx = (keys: number): CallContext => {
    if (!urgent) return ctx;
    urgentKeys += keys;
    return urgentCtx;
  };

  function source(name: string): SourceLoaders | undefined {
    const existing = built.get(name);
    if (existing) return existing;
    const adapter = byName.get(name);
    if (!adapter) return undefined;
    // Fusion needs batching: with batching off (the ablation) every load stays its own call.
    const totals = new Map<string, number>();
    const fused =
      batch && canFuse(adapter)
        ? createFusedBatcher(adapter, ctx, {
            lineItems: () => lineItems ?? true,
            ordersFirst: () => ordersLimit ?? null,
            primeRecord: (id, record) => records.prime(id, record),
            noteOrdersTotal: (id, total) => totals.set(id, total),
          })
        : null;
    if (fused) fusedBySource.set(name, fused);
    const loadRecords = (ids: readonly string[]): Promise<Array<IdentityRecord | null | Error>> => {
      const c = callCtx(ids.length);
      return fused ? fused.load('records', ids) : adapter.getByIds(ids, c);
    };
    const records = new DataLoader<string, IdentityRecord | null>(loadRecords, { batch, batchScheduleFn: schedule });
    const search = new DataLoader<BlockingKey, IdentityRecord[], string>(
      async (keys) => {
        const results = await adapter.search(keys, searchCtx);
        for (const result of results) {
          if (Array.isArray(result)) for (const record of result) records.prime(record.ref.id, record);
        }
        return results;
      },
      { cacheKeyFn: keyOf, batch },
    );
    const list = <T>(kind: Exclude<FusedKind, 'records'>, fn: ((ids: readonly string[], c: CallContext) => Promise<Array<T[] | Error>>) | undefined): DataLoader<string, T[]> | null => {
      if (!fn || !adapter.capabilities[kind]) return null;
      const load = (ids: readonly string[]): Promise<Array<T[] | Error>> => {
        const c = callCtx(ids.length);
        return fused ? (fused.load(kind, ids) as Promise<Array<T[] | Error>>) : fn.call(adapter, ids, c);
      };
      return new DataLoader<string, T[]>(load, { batch, batchScheduleFn: schedule });
    };
    const loaders: SourceLoaders = {
      adapter,
      records,
      search,
      orders: list('orders', adapter.ordersByOwner),
      tickets: list('tickets', adapter.ticketsByOwner),
      activities: list('activities', adapter.activitiesByOwner),
      ordersTotal: (id) => totals.get(id),
    };
    built.set(name, loaders);
    return loaders;
  }

  const identityAccess: IdentitySourceAccess = {
    searchableSources: adapters.filter((a) => a.capabilities.search).map((a) => a.name),
    sourcesFor: (kind) => adapters.filter((a) => a.capabilities.search && a.capabilities.searchKeys.includes(kind)).map((a) => a.name),
    search: (name, key) => requireSource(name).search.load(key),
    getById: (name, id) => requireSource(name).records.load(id),
  };

  function requireSource(name: string): SourceLoaders {
    const loaders = source(name);
    if (!loaders) throw new Error(`no source named ${JSON.stringify(name)}`);
    return loaders;
  }

  return {
    source,
    sourceNames: adapters.map((a) => a.name),
    identityAccess,
    noteLineItems(read) {
      lineItems = (lineItems ?? false) || read;
    },
    noteOrdersLimit(limit) {
      if (ordersLimit === null) return;
      ordersLimit = limit === null ? null : Math.max(ordersLimit ?? 0, limit);
    },
    startNow(refs, kinds) {
      if (!batch) return 0;
      const started: Array<Promise<unknown>> = [];
      const dispatches: Array<() => void> = [];
      urgentKeys = 0;
      collecting = dispatches;
      try {
        for (const ref of refs) {
          const loaders = source(ref.source);
          if (!loaders) continue;
          const wanted = [kinds.records ? loaders.records : null, kinds.orders ? loaders.orders : null, kinds.tickets ? loaders.tickets : null, kinds.activities ? loaders.activities : null];
          for (const loader of wanted) if (loader) started.push(loader.load(ref.id));
        }
      } finally {
        collecting = null;
      }
      urgent = true;
      try {
        for (const dispatch of dispatches) dispatch();
        for (const fused of fusedBySource.values()) fused.flush(urgentCtx);
      } finally {
        urgent = false;
      }
      // The resolvers that read these report their failures; one nobody reads must not go unhandled.
      for (const promise of started) promise.catch(() => undefined);
      return urgentKeys;
    },
  };
}

const resolved = Promise.resolve();
