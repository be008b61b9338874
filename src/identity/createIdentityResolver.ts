import type { CountryCode } from 'libphonenumber-js';
import { LRUCache } from 'lru-cache';
import type { BlockingKey } from '../adapters/types.js';
import { formatRef, type IdentityRecord, type SourceRef } from '../domain/index.js';
import { buildClusters } from './buildClusters.js';
import type { Cluster, KeyMatch, Resolution } from './Cluster.js';
import { expandCandidates } from './expandCandidates.js';
import type { IdentitySourceAccess, ResolutionFailure } from './IdentitySourceAccess.js';
import { keyOf } from './keyOf.js';
import { recordKeys } from './recordKeys.js';

/** Options of {@link createIdentityResolver}. */
export interface IdentityResolverOptions {
  /** Region for national phone formats (ISO 3166-1 alpha-2). Default `US`. */
  readonly defaultRegion?: CountryCode;
  /** Source names, highest priority first; decides each cluster's anchor and so its customer id. */
  readonly sourcePriority: readonly string[];
  /** Closure depth: search rounds after the first. Default 2. */
  readonly maxHops?: number;
  /** Records per key and source above which a key is generic. Default 20. */
  readonly maxRecordsPerKey?: number;
  /** Crosswalk entries kept (keys and refs together). Default 10 000. */
  readonly cacheMax?: number;
  /** How long a complete resolution is reused, in ms. Default 300 000 (5 min). */
  readonly cacheTtlMs?: number;
  /** How long a resolution made while a source failed is reused, in ms. Default 5 000. */
  readonly incompleteTtlMs?: number;
  /** Clock, for tests. Default `Date.now`. */
  readonly now?: () => number;
}

/** A resolution plus the sources that failed while making it (empty when complete). */
export interface Resolved<T> {
  readonly value: T;
  readonly failures: readonly ResolutionFailure[];
  readonly fromCache: boolean;
}

/** Crosswalk counters, for logs and metrics. */
export interface CrosswalkStats {
  readonly size: number;
  readonly hits: number;
  readonly misses: number;
}

/** Resolves lookup keys and source refs to clusters, through the crosswalk cache. One per gateway. */
export interface IdentityResolver {
  /** The people a normalised email/phone belongs to: matched (one), ambiguous (several) or unmatched. */
  resolveKey(key: Extract<BlockingKey, { kind: 'email' | 'phone' }>, access: IdentitySourceAccess): Promise<Resolved<Resolution>>;
  /** The cluster containing a source record, or `null` when the record does not exist. */
  resolveRef(ref: SourceRef, access: IdentitySourceAccess): Promise<Resolved<Cluster | null>>;
  stats(): CrosswalkStats;
  /** Drops every cached resolution. */
  clear(): void;
}

interface Entry {
  readonly resolution?: Resolution;
  readonly cluster?: Cluster | null;
  readonly failures: readonly ResolutionFailure[];
}

interface FetchContext {
  readonly access: IdentitySourceAccess;
}

/**
 * Creates the identity resolver with its crosswalk: a bounded LRU (lru-cache) keyed by lookup key
 * (`key:email:…`) and by member ref (`ref:source/id`). Concurrent misses for one key share one resolution
 * (`fetch()` coalescing). A resolution made while a source failed is cached only briefly
 * (`incompleteTtlMs`) so the next request retries the source.
 */
export function createIdentityResolver(options: IdentityResolverOptions): IdentityResolver {
  const defaultRegion = options.defaultRegion ?? 'US';
  const now = options.now ?? Date.now;
  const expand = { defaultRegion, maxHops: options.maxHops ?? 2, maxRecordsPerKey: options.maxRecordsPerKey ?? 20 };
  const ttl = options.cacheTtlMs ?? 300_000;
  const incompleteTtl = options.incompleteTtlMs ?? 5_000;
  let hits = 0;
  let misses = 0;

  const cache: LRUCache<string, Entry, FetchContext> = new LRUCache<string, Entry, FetchContext>({
    max: options.cacheMax ?? 10_000,
    ttl,
    fetchMethod: async (cacheKey, _stale, { context, options: setOptions }) => {
      misses += 1;
      const entry = cacheKey.startsWith('key:') ? await resolveKeyLive(cacheKey.slice(4), context.access) : await resolveRefLive(cacheKey.slice(4), context.access);
      if (entry.failures.length > 0) setOptions.ttl = incompleteTtl;
      return entry;
    },
  });

  async function resolveKeyLive(text: string, access: IdentitySourceAccess): Promise<Entry> {
    // keyOf() of an email/phone key is `kind:value`, so the key can be read back from the cache key.
    const colon = text.indexOf(':');
    const key = { kind: text.slice(0, colon), value: text.slice(colon + 1) } as Extract<BlockingKey, { kind: 'email' | 'phone' }>;
    const expansion = await expandCandidates([key], [], access, expand);
    const set = buildClusters(expansion.records, { defaultRegion, sourcePriority: options.sourcePriority, genericKeys: expansion.genericKeys, now: now() });
    const holders = expansion.records.filter((record) => recordKeys(record, defaultRegion).some((k) => keyOf(k) === text));
    const byCluster = new Map<Cluster, SourceRef[]>();
    for (const record of holders) {
      const cluster = set.clusterOf.get(formatRef(record.ref))!;
      byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), record.ref]);
    }
    // Most matching records first, then by id, so candidate order is stable.
    const matches: KeyMatch[] = [...byCluster]
      .map(([cluster, matchedRefs]) => ({ cluster, matchedRefs }))
      .sort((a, b) => b.matchedRefs.length - a.matchedRefs.length || (a.cluster.customerId < b.cluster.customerId ? -1 : 1));
    rememberClusters(set.clusters, expansion.failures, `key:${text}`);
    const resolution: Resolution =
      matches.length === 0 ? { status: 'unmatched' } : matches.length === 1 ? { status: 'matched', match: matches[0]! } : { status: 'ambiguous', matches };
    return { resolution, failures: expansion.failures };
  }

  async function resolveRefLive(text: string, access: IdentitySourceAccess): Promise<Entry> {
    const slash = text.indexOf('/');
    const ref: SourceRef = { source: text.slice(0, slash), id: text.slice(slash + 1) };
    // A failure here rejects: without the seed record there is nothing to resolve from.
    const seed: IdentityRecord | null = await access.getById(ref.source, ref.id);
    if (!seed) return { cluster: null, failures: [] };
    const expansion = await expandCandidates(recordKeys(seed, defaultRegion), [seed], access, expand);
    const set = buildClusters(expansion.records, { defaultRegion, sourcePriority: options.sourcePriority, genericKeys: expansion.genericKeys, now: now() });
    rememberClusters(set.clusters, expansion.failures, `ref:${text}`);
    return { cluster: set.clusterOf.get(text) ?? null, failures: expansion.failures };
  }

  /** Caches every cluster a resolution built under each member ref, so any member resolves without calls. */
  function rememberClusters(clusters: readonly Cluster[], failures: readonly ResolutionFailure[], fetching: string): void {
    const entryTtl = failures.length > 0 ? incompleteTtl : ttl;
    for (const cluster of clusters) {
      for (const link of cluster.links) {
        const cacheKey = `ref:${formatRef(link.ref)}`;
        // The key being fetched is stored by fetch() itself; setting it here would cancel that fetch.
        if (cacheKey !== fetching) cache.set(cacheKey, { cluster, failures }, { ttl: entryTtl });
      }
    }
  }

  async function lookup(cacheKey: string, access: IdentitySourceAccess): Promise<Entry & { fromCache: boolean }> {
    const cached = cache.get(cacheKey);
    if (cached) {
      hits += 1;
      return { ...cached, fromCache: true };
    }
    const entry = await cache.fetch(cacheKey, { context: { access } });
    if (!entry) throw new Error(`identity: resolution of ${cacheKey} produced nothing`);
    return { ...entry, fromCache: false };
  }

  return {
    async resolveKey(key, access) {
      const entry = await lookup(`key:${keyOf(key)}`, access);
      return { value: entry.resolution ?? { status: 'unmatched' }, failures: entry.failures, fromCache: entry.fromCache };
    },
    async resolveRef(ref, access) {
      const entry = await lookup(`ref:${formatRef(ref)}`, access);
      return { value: entry.cluster ?? null, failures: entry.failures, fromCache: entry.fromCache };
    },
    stats: () => ({ size: cache.size, hits, misses }),
    clear: () => cache.clear(),
  };
}
