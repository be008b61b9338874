import { LRUCache } from 'lru-cache';

/** A cached value and when it was fetched from the source (ms since the epoch). */
export interface CachedValue<V> {
  readonly value: V;
  readonly fetchedAtMs: number;
}

/** Options of {@link createRecordCache}. */
export interface RecordCacheOptions {
  /** Entries kept (least recently used dropped first). */
  readonly max: number;
  /** How long a value counts as fresh (served without calling the source), ms. 0: never. */
  readonly ttlMs: number;
  /** How long after freshness a value may still be served when the source fails, ms. 0: never. */
  readonly staleWindowMs: number;
  /** Clock, ms since the epoch. Default `Date.now`. */
  readonly now?: () => number;
}

/** One source's record cache for stale-if-error; keys are `<kind>:<id>`. */
export interface RecordCache<V> {
  set(key: string, value: V): void;
  /** A value still fresh (age < ttlMs), or undefined. */
  fresh(key: string): CachedValue<V> | undefined;
  /** A value inside freshness + stale window, or undefined. */
  usable(key: string): CachedValue<V> | undefined;
  delete(key: string): void;
  readonly size: number;
  /** False when neither freshness nor a stale window is configured: nothing is stored. */
  readonly enabled: boolean;
}

/**
 * A bounded cache (lru-cache, TTL = freshness + stale window) of the last good value per key. Entries
 * expire on their own; {@link RecordCache.delete} purges at once (erasure). Setting the value a key already
 * holds (the same object) changes nothing: its fetch time stays that of the first write.
 */
export function createRecordCache<V extends object | null>(options: RecordCacheOptions): RecordCache<V> {
  const now = options.now ?? Date.now;
  const lifetimeMs = options.ttlMs + options.staleWindowMs;
  const enabled = lifetimeMs > 0;
  const cache = new LRUCache<string, CachedValue<V>>({ max: options.max, ttl: Math.max(1, lifetimeMs), ttlAutopurge: false });
  const read = (key: string, withinMs: number): CachedValue<V> | undefined => {
    if (!enabled) return undefined;
    const hit = cache.get(key);
    return hit && now() - hit.fetchedAtMs < withinMs ? hit : undefined;
  };
  return {
    set(key, value) {
      if (!enabled) return;
      // The requests a merged call served (createCoalescer) each write the same value objects: written once.
      if (cache.peek(key)?.value === value) return;
      cache.set(key, { value, fetchedAtMs: now() });
    },
    fresh: (key) => read(key, options.ttlMs),
    usable: (key) => read(key, lifetimeMs),
    delete(key) {
      cache.delete(key);
    },
    get size() {
      return cache.size;
    },
    enabled,
  };
}
