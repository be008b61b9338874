import { LRUCache } from 'lru-cache';

/**
 * Remembers delivery ids so a delivery received twice is refused the second time. `claim` resolves true the
 * first time an id is seen within the guard's memory, false after; `release` forgets an id whose processing
 * failed, so the vendor's retry is accepted. A shared (multi-replica) guard implements the same contract, e.g.
 * with Redis `SET key 1 NX EX <seconds>`.
 */
export interface ReplayGuard {
  claim(id: string): Promise<boolean>;
  release(id: string): void;
}

/** Options of {@link createReplayGuard}. */
export interface ReplayGuardOptions {
  /** Ids remembered at most (least recently claimed dropped first). */
  readonly max: number;
  /** How long an id is remembered, ms: at least the timestamp tolerance, since older deliveries are refused anyway. */
  readonly ttlMs: number;
}

/** The in-process guard: a bounded LRU with TTL (lru-cache). One per gateway. */
export function createReplayGuard(options: ReplayGuardOptions): ReplayGuard {
  const seen = new LRUCache<string, true>({ max: options.max, ttl: options.ttlMs, ttlAutopurge: false });
  return {
    async claim(id) {
      if (seen.has(id)) return false;
      seen.set(id, true);
      return true;
    },
    release(id) {
      seen.delete(id);
    },
  };
}
