import type { Cluster, Resolution } from './Cluster.js';

/** One complete resolution as the crosswalk shares it between replicas (refs and explanations only, no PII). */
export interface SharedCrosswalkEntry {
  readonly resolution?: Resolution;
  readonly cluster?: Cluster | null;
  /** ms since the epoch after which the entry is stale. */
  readonly freshUntil: number;
}

/** Outcome of asking for the right to resolve one key (STYLE.md rule 10). */
export type SharedLock = 'acquired' | 'held' | 'unavailable';

/**
 * The crosswalk's second level, shared by replicas (src/state: Redis). The resolver keeps its in-process L1
 * and asks this on an L1 miss. Every method is bounded in time and never rejects: a failure reads as a miss
 * (`get`), is dropped (`set`, `invalidate`, `unlock`) or is `unavailable` (`lock`), so a broken L2 only costs
 * upstream calls.
 */
export interface SharedCrosswalk {
  /** The entry of a crosswalk key (`key:email:…`, `ref:source/id`), or undefined. One round trip. */
  get(cacheKey: string): Promise<SharedCrosswalkEntry | undefined>;
  /**
   * Stores entries, each indexed under every ref it mentions (so {@link invalidate} finds it), alive for
   * `ttlMs`. One round trip for all of them.
   */
  set(entries: ReadonlyArray<{ readonly cacheKey: string; readonly entry: SharedCrosswalkEntry }>, ttlMs: number): Promise<void>;
  /**
   * Drops every entry that mentions one of the refs (`source/id`); and, for each lookup-key hash
   * (`lookupKeyHash` in crosswalkKeyHash.ts), that key's entry and every entry of the clusters it resolved to.
   * One round trip, so a read sent after it on the same connection never sees what it dropped.
   */
  invalidate(refs: readonly string[], keyHashes?: readonly string[]): Promise<void>;
  /** Takes the short lock on resolving a key: `acquired` (resolve it), `held` (another replica is), `unavailable`. */
  lock(cacheKey: string): Promise<SharedLock>;
  /** Releases a lock this replica holds (never another's). */
  unlock(cacheKey: string): Promise<void>;
  /** How long a replica waits for a `held` key before resolving it itself, ms. */
  readonly lockWaitMs: number;
}
