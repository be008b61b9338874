import DataLoader from 'dataloader';
import type { BlockingKey, CallContext, SourceAdapter } from '../adapters/types.js';
import type { Activity, IdentityRecord, Order, Ticket } from '../domain/index.js';
import type { IdentitySourceAccess } from '../identity/index.js';
import { keyOf } from '../identity/index.js';

/** The DataLoaders of one source for one request. A list loader is absent when the source lacks it. */
export interface SourceLoaders {
  readonly adapter: SourceAdapter;
  readonly records: DataLoader<string, IdentityRecord | null>;
  readonly search: DataLoader<BlockingKey, IdentityRecord[], string>;
  readonly orders: DataLoader<string, Order[]> | null;
  readonly tickets: DataLoader<string, Ticket[]> | null;
  readonly activities: DataLoader<string, Activity[]> | null;
}

/** All loaders of one request. */
export interface Loaders {
  /** Loaders of a configured source, or undefined for an unknown name. */
  source(name: string): SourceLoaders | undefined;
  /** Source names in priority order. */
  readonly sourceNames: readonly string[];
  /** The identity layer's view of the sources, through these loaders. */
  readonly identityAccess: IdentitySourceAccess;
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
 */
export function createLoaders(adapters: readonly SourceAdapter[], ctx: CallContext, options: { readonly batch?: boolean; readonly maxSearchResults?: number } = {}): Loaders {
  const batch = options.batch ?? true;
  const searchCtx: CallContext = options.maxSearchResults === undefined ? ctx : { ...ctx, maxSearchResults: options.maxSearchResults };
  const byName = new Map(adapters.map((adapter) => [adapter.name, adapter]));
  const built = new Map<string, SourceLoaders>();

  function source(name: string): SourceLoaders | undefined {
    const existing = built.get(name);
    if (existing) return existing;
    const adapter = byName.get(name);
    if (!adapter) return undefined;
    const records = new DataLoader<string, IdentityRecord | null>((ids) => adapter.getByIds(ids, ctx), { batch });
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
    const list = <T>(fn: ((ids: readonly string[], c: CallContext) => Promise<Array<T[] | Error>>) | undefined, enabled: boolean): DataLoader<string, T[]> | null =>
      fn && enabled ? new DataLoader<string, T[]>((ids) => fn.call(adapter, ids, ctx), { batch }) : null;
    const loaders: SourceLoaders = {
      adapter,
      records,
      search,
      orders: list(adapter.ordersByOwner, adapter.capabilities.orders),
      tickets: list(adapter.ticketsByOwner, adapter.capabilities.tickets),
      activities: list(adapter.activitiesByOwner, adapter.capabilities.activities),
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

  return { source, sourceNames: adapters.map((a) => a.name), identityAccess };
}
