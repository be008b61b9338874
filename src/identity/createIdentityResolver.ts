import type { CountryCode } from 'libphonenumber-js';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { BlockingKey } from '../adapters/types.js';
import { formatRef, type IdentityRecord, type SourceRef } from '../domain/index.js';
import { buildClusters, type BuildClustersOptions } from './buildClusters.js';
import type { Cluster, KeyMatch, Resolution } from './Cluster.js';
import { createMatcher } from './createMatcher.js';
import { crosswalkKeyHash, lookupKeyHash } from './crosswalkKeyHash.js';
import type { MatchModel } from './comparisons/MatchModel.js';
import { expandCandidates, type ExpandOptions, type Expansion } from './expandCandidates.js';
import { defaultIdentityTuning, type IdentityTuning } from './identityConfigSchema.js';
import type { IdentitySourceAccess, ResolutionFailure } from './IdentitySourceAccess.js';
import { keyOf } from './keyOf.js';
import { EMPTY_OVERRIDES, type OverrideState } from './OverrideState.js';
import type { SharedCrosswalk, SharedCrosswalkEntry } from './SharedCrosswalk.js';

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
  /** How long a complete resolution is fresh, in ms. Default 300 000 (5 min). */
  readonly cacheTtlMs?: number;
  /** How long a resolution made while a source failed is reused, in ms. Default 5 000. */
  readonly incompleteTtlMs?: number;
  /** Matching, blocking, stale window and override settings; {@link defaultIdentityTuning} when absent. */
  readonly tuning?: IdentityTuning;
  /** Weights and term frequencies (a trained model file, see loadMatchModel); the built-in model when absent. */
  readonly model?: MatchModel;
  /** Current overrides, read on every resolution. Default none. */
  readonly overrides?: () => OverrideState;
  /** Receives a crosswalk stats line every `tuning.statsLogIntervalMs` and debug lines per resolution. */
  readonly logger?: Logger;
  /** Clock, for tests. Default `Date.now`. */
  readonly now?: () => number;
  /**
   * The crosswalk's second level, shared by replicas (src/state, Redis). On an L1 miss the resolver reads it
   * before resolving live, takes its lock so one replica resolves a key while the others wait for the answer
   * (at most `lockWaitMs`, then they resolve themselves), and writes every complete resolution it caches.
   * Invalidation drops its entries too. Absent = L1 only.
   */
  readonly shared?: SharedCrosswalk;
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
  /** Lookups answered from the crosswalk (fresh or stale). */
  readonly hits: number;
  /** Lookups that resolved live (concurrent misses for one key count once). */
  readonly misses: number;
  /** L1 misses answered from the shared L2 (another replica's resolution), without upstream calls. */
  readonly sharedHits: number;
  /** Of the hits, those served stale while a background refresh ran. */
  readonly staleHits: number;
  /** hits / (hits + sharedHits + misses): the L1 hit ratio; 0 before any lookup. */
  readonly hitRatio: number;
  /** Entries dropped by overrides and erasure. */
  readonly invalidations: number;
  readonly max: number;
}

/** Resolves lookup keys and source refs to clusters, through the crosswalk cache. One per gateway. */
export interface IdentityResolver {
  /** The people a normalised email/phone belongs to: matched (one), ambiguous (several) or unmatched. */
  resolveKey(key: Extract<BlockingKey, { kind: 'email' | 'phone' }>, access: IdentitySourceAccess): Promise<Resolved<Resolution>>;
  /** The cluster containing a source record, or `null` when the record does not exist (or is suppressed). */
  resolveRef(ref: SourceRef, access: IdentitySourceAccess): Promise<Resolved<Cluster | null>>;
  /**
   * What `resolveRef` would answer from this replica's crosswalk without waiting: the cluster (or null: no such
   * record) while a fresh entry is held, undefined otherwise. Counts no lookup, refreshes nothing, calls no
   * source (for starting a query's source calls before it executes; see src/resolvers/createCallPlans.ts).
   */
  peekRef(ref: SourceRef): Cluster | null | undefined;
  /**
   * Drops at once every crosswalk entry that mentions one of these refs (as member or candidate), and
   * makes resolutions in flight not cache their answer. `keys` (`keyOf` form: `email:…`, `phone:…`, values a
   * changed record holds now) also drop their own entries and every entry of the clusters those resolved to;
   * `keyHashes` do the same for lookup keys another replica named by hash only (`lookupKeyHash`). With a
   * shared L2, its entries go too (by ref, and by key hash with their clusters). Returns how many L1 entries
   * were dropped.
   */
  invalidate(refs: readonly SourceRef[], keys?: readonly string[], keyHashes?: readonly string[]): number;
  stats(): CrosswalkStats;
  /** Drops every cached resolution. */
  clear(): void;
  /** Stops the periodic stats log. */
  close(): void;
}

interface Entry {
  readonly resolution?: Resolution;
  readonly cluster?: Cluster | null;
  readonly failures: readonly ResolutionFailure[];
  /** ms since the epoch after which the entry is stale (served while refreshed). */
  readonly freshUntil: number;
}

/** An entry to write to the shared L2 once the resolution that made it is known complete. */
interface SharedWrite {
  readonly cacheKey: string;
  readonly entry: SharedCrosswalkEntry;
}

/** How often a replica waiting for another's resolution re-reads L2, ms. */
const SHARED_POLL_MS = 25;

interface FetchContext {
  readonly access: IdentitySourceAccess;
}

/** The part of an entry L2 keeps (failures are always empty: only complete resolutions are shared). */
function sharedEntry(entry: Entry): SharedCrosswalkEntry {
  return { ...(entry.resolution ? { resolution: entry.resolution } : {}), ...(entry.cluster !== undefined ? { cluster: entry.cluster } : {}), freshUntil: entry.freshUntil };
}

/**
 * Creates the identity resolver with its crosswalk (DESIGN.md §5): a bounded LRU (lru-cache, `cacheMax`)
 * keyed by lookup key (`key:email:…`) and by member ref (`ref:source/id`). An entry is fresh for
 * `cacheTtlMs`, then served stale for `cacheStaleMs` more while one background refresh runs, then gone.
 * Concurrent misses for one key share one resolution (`fetch()` coalescing). A resolution made while a
 * source failed is cached only briefly (`incompleteTtlMs`). Overrides are read on every resolution;
 * {@link IdentityResolver.invalidate} drops affected entries at once.
 */
export function createIdentityResolver(options: IdentityResolverOptions): IdentityResolver {
  const defaultRegion = options.defaultRegion ?? 'US';
  const now = options.now ?? Date.now;
  const tuning = options.tuning ?? defaultIdentityTuning();
  const matcher = createMatcher(tuning, options.model);
  const readOverrides = options.overrides ?? (() => EMPTY_OVERRIDES);
  const ttl = options.cacheTtlMs ?? 300_000;
  const staleMs = tuning.cacheStaleMs;
  const incompleteTtl = options.incompleteTtlMs ?? 5_000;
  const cacheMax = options.cacheMax ?? 10_000;
  const clusterOptions = (): Omit<BuildClustersOptions, 'now' | 'genericKeys'> => ({
    defaultRegion,
    stripPlusTags: tuning.normalize.stripPlusTags,
    matcher,
    sourcePriority: options.sourcePriority,
    genericMaxPeople: tuning.genericMaxPeople,
    maxMembersPerSource: tuning.maxMembersPerSource,
    overrides: readOverrides(),
  });
  const expandOptions = (): ExpandOptions => ({
    ...clusterOptions(),
    maxHops: options.maxHops ?? 2,
    maxRecordsPerKey: options.maxRecordsPerKey ?? 20,
    maxKeysPerRound: tuning.maxKeysPerRound,
    maxKeysPerResolution: tuning.maxKeysPerResolution,
    maxSearchesPerResolution: tuning.maxSearchesPerResolution,
    maxRecordsPerResolution: tuning.maxRecordsPerResolution,
  });
  let hits = 0;
  let misses = 0;
  let sharedHits = 0;
  const shared = options.shared;
  let staleHits = 0;
  let invalidations = 0;
  // Bumped by invalidate(): a resolution that started before keeps its answer for its caller but caches nothing.
  let generation = 0;
  const refreshing = new Set<string>();
  // Keys being resolved: setting one of them would cancel its fetch (lru-cache rejects it as "replaced").
  const inFlight = new Set<string>();

  const cache: LRUCache<string, Entry, FetchContext> = new LRUCache<string, Entry, FetchContext>({
    max: cacheMax,
    ttl: ttl + staleMs,
    fetchMethod: async (cacheKey, stale, { context, options: setOptions }) => {
      const started = generation;
      inFlight.add(cacheKey);
      let entry: Entry & { readonly fromShared?: boolean };
      const live = resolveThroughShared(cacheKey, context.access, started, stale !== undefined);
      running.set(cacheKey, live);
      try {
        entry = await live;
      } finally {
        inFlight.delete(cacheKey);
        running.delete(cacheKey);
      }
      if (entry.fromShared) {
        sharedHits += 1;
        // Another replica's entry keeps its own age: fresh and stale windows end when they end there.
        setOptions.ttl = Math.max(1, entry.freshUntil + staleMs - now());
      } else misses += 1;
      if (entry.failures.length > 0) setOptions.ttl = incompleteTtl;
      if (generation !== started) setOptions.ttl = 1;
      completed.set(cacheKey, entry);
      return entry;
    },
  });
  /**
   * The last few finished resolutions. A small crosswalk can evict an entry while it is being fetched (one
   * resolution stores every member ref); lru-cache then drops that fetch's result, and waiters read it here.
   */
  const completed = new LRUCache<string, Entry>({ max: 256 });
  /** Resolutions under way, so a waiter whose fetch was aborted by an eviction can still await the answer. */
  const running = new Map<string, Promise<Entry>>();

  /**
   * An L1 miss: the shared L2 first (a stale entry only when L1 has nothing at all, never for a refresh),
   * then the resolution lock; a replica that finds the key locked waits for the holder's answer in L2
   * (polling every {@link SHARED_POLL_MS}) up to `lockWaitMs`, then resolves itself. Complete resolutions are
   * written to L2 before the lock is released, so waiters find them.
   */
  async function resolveThroughShared(cacheKey: string, access: IdentitySourceAccess, started: number, refreshing: boolean): Promise<Entry & { readonly fromShared?: boolean }> {
    const writes: SharedWrite[] = [];
    const resolveLive = (): Promise<Entry> =>
      cacheKey.startsWith('key:') ? resolveKeyLive(cacheKey.slice(4), access, started, writes) : resolveRefLive(cacheKey.slice(4), access, started, writes);
    if (!shared) return resolveLive();
    const usable = (found: SharedCrosswalkEntry | undefined): found is SharedCrosswalkEntry =>
      found !== undefined && generation === started && (refreshing ? found.freshUntil > now() : found.freshUntil + staleMs > now());
    const fromShared = (found: SharedCrosswalkEntry): Entry & { fromShared: true } => ({ ...found, failures: [], fromShared: true });
    const first = await shared.get(cacheKey);
    if (usable(first)) return fromShared(first);
    const lock = await shared.lock(cacheKey);
    try {
      if (lock === 'held') {
        const waitUntil = now() + shared.lockWaitMs;
        while (now() < waitUntil && generation === started) {
          await new Promise((resolve) => setTimeout(resolve, SHARED_POLL_MS));
          const found = await shared.get(cacheKey);
          if (usable(found)) return fromShared(found);
        }
      }
      const entry = await resolveLive();
      if (entry.failures.length === 0 && generation === started) {
        writes.push({ cacheKey, entry: sharedEntry(entry) });
        await shared.set(writes, ttl + staleMs);
      }
      return entry;
    } finally {
      if (lock === 'acquired') void shared.unlock(cacheKey);
    }
  }

  async function resolveKeyLive(text: string, access: IdentitySourceAccess, started: number, writes: SharedWrite[]): Promise<Entry> {
    // keyOf() of an email/phone key is `kind:value`, so the key can be read back from the cache key.
    const colon = text.indexOf(':');
    const key = { kind: text.slice(0, colon), value: text.slice(colon + 1) } as Extract<BlockingKey, { kind: 'email' | 'phone' }>;
    const expandWith = expandOptions();
    const expansion = await expandCandidates([key], [], access, expandWith);
    const set = await buildClusters(expansion.records, { ...expandWith, genericKeys: expansion.genericKeys, now: now() });
    const holders = [...set.profiles.values()].filter((p) => (key.kind === 'email' ? p.emails : p.phones).includes(key.value));
    const byCluster = new Map<Cluster, SourceRef[]>();
    for (const profile of holders) {
      const cluster = set.clusterOf.get(profile.refText)!;
      byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), profile.record.ref]);
    }
    // Most matching records first, then by id, so candidate order is stable.
    const matches: KeyMatch[] = [...byCluster]
      .map(([cluster, matchedRefs]) => ({ cluster, matchedRefs }))
      .sort((a, b) => b.matchedRefs.length - a.matchedRefs.length || (a.cluster.customerId < b.cluster.customerId ? -1 : 1));
    if (started === generation) rememberMembers(matches.map((m) => m.cluster), expansion, `key:${text}`, writes);
    log(text, expansion.records.length, expansion.droppedKeys, set.clusters.length);
    const resolution: Resolution =
      matches.length === 0 ? { status: 'unmatched' } : matches.length === 1 ? { status: 'matched', match: matches[0]! } : { status: 'ambiguous', matches };
    return { resolution, failures: expansion.failures, freshUntil: now() + ttl };
  }

  async function resolveRefLive(text: string, access: IdentitySourceAccess, started: number, writes: SharedWrite[]): Promise<Entry> {
    const slash = text.indexOf('/');
    const ref: SourceRef = { source: text.slice(0, slash), id: text.slice(slash + 1) };
    const expandWith = expandOptions();
    if (expandWith.overrides?.suppressed.has(text)) return { cluster: null, failures: [], freshUntil: now() + ttl };
    // A failure here rejects: without the seed record there is nothing to resolve from.
    const seed: IdentityRecord | null = await access.getById(ref.source, ref.id);
    if (!seed) return { cluster: null, failures: [], freshUntil: now() + ttl };
    const expansion = await expandCandidates([], [seed], access, expandWith);
    const set = await buildClusters(expansion.records, { ...expandWith, genericKeys: expansion.genericKeys, now: now() });
    const cluster = set.clusterOf.get(text) ?? null;
    if (started === generation && cluster) rememberMembers([cluster], expansion, `ref:${text}`, writes);
    log(text, expansion.records.length, expansion.droppedKeys, set.clusters.length);
    return { cluster, failures: expansion.failures, freshUntil: now() + ttl };
  }

  function log(what: string, records: number, droppedKeys: number, clusters: number): void {
    options.logger?.debug({ crosswalk: { resolved: what.startsWith('email:') || what.startsWith('phone:') ? what.split(':')[0] : 'ref', records, clusters, droppedKeys } }, 'identity resolved');
  }

  /**
   * Caches a resolved cluster under the refs of its members whose own keys this resolution searched, and only
   * when the resolution was complete (no source failed, no budget cut anything). Resolving such a member
   * afresh searches the same keys and finds the same records, so the cache gives the answer that member
   * would get asked first: the crosswalk never depends on query order. Other records found on the way
   * (other people, members never expanded) are not cached: they resolve on their own when asked.
   */
  function rememberMembers(clusters: readonly Cluster[], expansion: Expansion, fetching: string, writes: SharedWrite[]): void {
    if (!expansion.complete) return;
    for (const cluster of clusters) {
      for (const link of cluster.links) {
        const refText = formatRef(link.ref);
        if (!expansion.expanded.has(refText)) continue;
        const cacheKey = `ref:${refText}`;
        // A key being fetched is stored by its fetch() itself; setting it here would cancel that fetch.
        if (cacheKey === fetching || inFlight.has(cacheKey)) continue;
        const entry: Entry = { cluster, failures: [], freshUntil: now() + ttl };
        cache.set(cacheKey, entry);
        writes.push({ cacheKey, entry: sharedEntry(entry) });
      }
    }
  }

  async function lookup(cacheKey: string, access: IdentitySourceAccess): Promise<Entry & { fromCache: boolean }> {
    const cached = cache.get(cacheKey);
    if (cached) {
      hits += 1;
      if (cached.freshUntil <= now() && !refreshing.has(cacheKey)) {
        staleHits += 1;
        refreshing.add(cacheKey);
        // Background refresh: the stale answer is served now; a failed refresh keeps it until it expires.
        cache
          .fetch(cacheKey, { context: { access }, forceRefresh: true })
          .catch((error: unknown) => options.logger?.warn({ err: error, cacheKey: cacheKey.split(':')[0] }, 'crosswalk background refresh failed'))
          .finally(() => refreshing.delete(cacheKey));
      }
      return { ...cached, fromCache: true };
    }
    let entry: Entry | undefined;
    try {
      entry = await cache.fetch(cacheKey, { context: { access } });
    } catch (error) {
      // An eviction aborts the fetch while the resolution goes on; a source failure is a real error.
      const pending = running.get(cacheKey);
      entry = pending ? await pending : completed.get(cacheKey);
      if (!entry) throw error;
    }
    entry ??= completed.get(cacheKey);
    if (!entry) throw new Error(`identity: resolution of ${cacheKey.split(':')[0]} produced nothing`);
    return { ...entry, fromCache: false };
  }

  const stats = (): CrosswalkStats => {
    const lookups = hits + sharedHits + misses;
    return { size: cache.size, hits, misses, sharedHits, staleHits, hitRatio: lookups === 0 ? 0 : Math.round((hits / lookups) * 1000) / 1000, invalidations, max: cacheMax };
  };
  const timer =
    options.logger && tuning.statsLogIntervalMs > 0 ? setInterval(() => options.logger?.info({ crosswalk: stats() }, 'crosswalk stats'), tuning.statsLogIntervalMs) : null;
  timer?.unref();

  return {
    async resolveKey(key, access) {
      const entry = await lookup(`key:${keyOf(key)}`, access);
      return { value: entry.resolution ?? { status: 'unmatched' }, failures: entry.failures, fromCache: entry.fromCache };
    },
    async resolveRef(ref, access) {
      const entry = await lookup(`ref:${formatRef(ref)}`, access);
      return { value: entry.cluster ?? null, failures: entry.failures, fromCache: entry.fromCache };
    },
    peekRef(ref) {
      const entry = cache.peek(`ref:${formatRef(ref)}`);
      return entry && entry.freshUntil > now() ? (entry.cluster ?? null) : undefined;
    },
    invalidate(refs, keys = [], keyHashes = []) {
      generation += 1;
      const targets = new Set(refs.map(formatRef));
      // A record that took a new email or phone may now join the people cached under it: their clusters go too.
      const keyTargets = new Set(keys.map((key) => `key:${key}`));
      // Another replica's change names its lookup keys by hash only: find ours by hashing our lookup-key entries.
      if (keyHashes.length > 0) {
        const wanted = new Set(keyHashes);
        for (const cacheKey of cache.keys()) if (cacheKey.startsWith('key:') && wanted.has(crosswalkKeyHash(cacheKey))) keyTargets.add(cacheKey);
      }
      for (const cacheKey of keyTargets) {
        const resolution = cache.peek(cacheKey)?.resolution;
        const clusters = resolution?.status === 'matched' ? [resolution.match.cluster] : resolution?.status === 'ambiguous' ? resolution.matches.map((m) => m.cluster) : [];
        for (const cluster of clusters) for (const link of cluster.links) targets.add(formatRef(link.ref));
      }
      const mentions = (cluster: Cluster | null | undefined): boolean =>
        !!cluster && (cluster.links.some((l) => targets.has(formatRef(l.ref))) || (cluster.candidates ?? []).some((c) => targets.has(formatRef(c.ref))));
      const doomed: string[] = [];
      for (const [cacheKey, entry] of cache.entries()) {
        const resolution = entry.resolution;
        const clusters = resolution?.status === 'matched' ? [resolution.match.cluster] : resolution?.status === 'ambiguous' ? resolution.matches.map((m) => m.cluster) : [];
        if (keyTargets.has(cacheKey) || targets.has(cacheKey.slice(4)) || mentions(entry.cluster) || clusters.some(mentions)) doomed.push(cacheKey);
      }
      // Every member of an affected cluster goes too: its cached cluster may now be wrong.
      for (const cacheKey of doomed) cache.delete(cacheKey);
      invalidations += doomed.length;
      // L2 finds its entries through its own ref index (every ref an entry mentions), so no scan is needed.
      // Lookup keys go to L2 as the hashes it names its entries by; it drops their clusters' entries itself.
      const l2KeyHashes = [...new Set([...keys.map(lookupKeyHash), ...keyHashes])];
      if (shared && (targets.size > 0 || l2KeyHashes.length > 0)) void shared.invalidate([...targets], l2KeyHashes);
      options.logger?.info({ crosswalk: { invalidated: doomed.length } }, 'crosswalk entries invalidated');
      return doomed.length;
    },
    stats,
    clear: () => cache.clear(),
    close: () => {
      if (timer) clearInterval(timer);
    },
  };
}
