import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Logger } from 'pino';
import type { OverrideStore, SharedCrosswalk } from '../identity/index.js';
import type { ReplayGuard } from '../webhooks/createReplayGuard.js';
import { createLocalChangeFeed, type ChangeFeed } from './ChangeFeed.js';
import { createRedisChangeFeed } from './createRedisChangeFeed.js';
import { createRedisConnection, type RedisCounters } from './createRedisConnection.js';
import { createRedisCrosswalk } from './createRedisCrosswalk.js';
import { createRedisKeyValueCache } from './createRedisKeyValueCache.js';
import { createRedisOverrideStore } from './createRedisOverrideStore.js';
import { createRedisReplayGuard } from './createRedisReplayGuard.js';
import { createLocalVendorBudget, createRedisVendorBudget, type VendorBudget } from './VendorBudget.js';
import type { StateConfig } from './stateConfigSchema.js';

/** What `/readyz` and `/metrics` report about shared state. */
export type SharedStateStatus = { readonly mode: 'local' } | { readonly mode: 'redis'; readonly redis: 'up' | 'down'; readonly counters: RedisCounters };

/**
 * Everything replicas share, built in one place from `state:` config ({@link createSharedState}). In `local`
 * mode every part is per process (today's single-replica behaviour); in `redis` mode every part is in Redis.
 */
export interface SharedState {
  readonly mode: 'local' | 'redis';
  /** Where changes that invalidate cached answers are announced (local, or Redis pub/sub). */
  readonly changes: ChangeFeed;
  /** Crosswalk L2 (redis mode only). */
  readonly crosswalk?: SharedCrosswalk;
  /** Overrides store replacing the file (redis mode only). */
  readonly overrideStore?: OverrideStore;
  /** Apollo Server's `cache` (APQ) (redis mode only; Apollo's in-memory default otherwise). */
  readonly apqCache?: KeyValueCache<string>;
  /** Vendor request/cost budgets, one per source across replicas (redis) or per process (local). */
  readonly budget: VendorBudget;
  /**
   * The webhooks' replay guard: `local` itself in local mode; in redis mode one shared by every replica
   * (`SET NX PX ttlMs`) that falls back to `local` while Redis is unreachable.
   */
  replayGuard(local: ReplayGuard, ttlMs: number): ReplayGuard;
  /** Connects (redis: waits at most `connectTimeoutMs`, then runs degraded while reconnecting). */
  start(): Promise<void>;
  status(): SharedStateStatus;
  /** Called when Redis is back after an outage: changes may have been missed, so process caches must go. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

/** Builds the shared state `config` describes (absent or without `redis` = local). */
export function createSharedState(config: StateConfig | undefined, logger: Logger): SharedState {
  const redis = config?.redis;
  if (!redis) {
    return {
      mode: 'local',
      changes: createLocalChangeFeed(),
      budget: createLocalVendorBudget(),
      replayGuard: (local) => local,
      start: async () => undefined,
      status: () => ({ mode: 'local' }),
      onReconnect: () => undefined,
      close: async () => undefined,
    };
  }
  const connection = createRedisConnection(redis, logger);
  const changes = createRedisChangeFeed(connection, logger);
  return {
    mode: 'redis',
    changes,
    crosswalk: createRedisCrosswalk(connection, { lockMs: redis.lockMs, lockWaitMs: redis.lockWaitMs }, logger),
    overrideStore: createRedisOverrideStore(connection),
    apqCache: createRedisKeyValueCache(connection),
    budget: createRedisVendorBudget(connection, logger),
    replayGuard: (local, ttlMs) => createRedisReplayGuard(connection, local, ttlMs, logger),
    async start() {
      await connection.connect();
      // Subscribing waits for the subscriber connection; a Redis down at start subscribes once it is back.
      const subscribed = changes.start();
      subscribed.catch((err: unknown) => logger.error({ err }, 'change feed: subscribe failed'));
      if (connection.isUp()) await subscribed.catch(() => undefined);
    },
    status: () => ({ mode: 'redis', redis: connection.isUp() ? 'up' : 'down', counters: connection.counters() }),
    onReconnect: (listener) => connection.onReconnect(listener),
    close: () => connection.close(),
  };
}
