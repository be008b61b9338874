import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { RedisConnection } from './createRedisConnection.js';

/**
 * Apollo Server's `cache` (automatic persisted queries: hash -> query text) in Redis, so a query registered
 * through one replica is known to all (`<keyPrefix>apq:<key>`). Apollo's `ttl` is in seconds (none = no
 * expiry). Never rejects: with Redis unreachable `get` misses (the client resends the query text, as APQ
 * foresees) and `set`/`delete` are dropped.
 */
export function createRedisKeyValueCache(connection: RedisConnection): KeyValueCache<string> {
  const redisKey = (key: string): string => connection.key('apq', key);
  return {
    async get(key) {
      const value = await connection.run('apq get', (c) => c.get(redisKey(key))).catch(() => null);
      return typeof value === 'string' ? value : undefined;
    },
    async set(key, value, options?: KeyValueCacheSetOptions) {
      const ttl = options?.ttl;
      await connection
        .run('apq set', (c) => (typeof ttl === 'number' && ttl > 0 ? c.set(redisKey(key), value, { expiration: { type: 'PX', value: Math.round(ttl * 1000) } }) : c.set(redisKey(key), value)))
        .catch(() => undefined);
    },
    async delete(key) {
      const n = await connection.run('apq delete', (c) => c.del(redisKey(key))).catch(() => 0);
      return n > 0;
    },
  };
}
