import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { SharedCrosswalk } from '../identity/SharedCrosswalk.js';
import type { RedisConnection } from './createRedisConnection.js';
import { decodeCrosswalkEntry, encodeCrosswalkEntry, refsOfEntry } from './crosswalkCodec.js';

/** Options of {@link createRedisCrosswalk}. */
export interface RedisCrosswalkOptions {
  /** Lock lifetime, ms (a crashed holder frees the key after this). */
  readonly lockMs: number;
  /** How long a replica waits for a held key, ms. */
  readonly lockWaitMs: number;
}

// Drops every entry listed in the given index sets, and the sets: one round trip for any number of refs.
const INVALIDATE = `local n = 0
for _, idx in ipairs(KEYS) do
  for _, key in ipairs(redis.call('SMEMBERS', idx)) do n = n + redis.call('DEL', key) end
  redis.call('DEL', idx)
end
return n`;
// Deletes a lock only if this replica still holds it.
const UNLOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * The crosswalk L2 in Redis ({@link SharedCrosswalk}). Keys under `<keyPrefix>xw:`:
 * - `xw:e:<sha256 of the cache key>`: one entry (JSON, crosswalkCodec), PX = the L1 lifetime (TTL + stale
 *   window). Hashed, because lookup keys are emails and phones: no PII in key names;
 * - `xw:i:<source/id>`: a set of the entry keys that mention that record (the invalidation index), PX the same;
 * - `xw:l:<hash>`: the resolution lock, `SET NX PX lockMs` holding this replica's id.
 * Writes are one pipeline; invalidation is one Lua script (SMEMBERS + DEL per ref). Any failure is logged at
 * debug level and read as a miss (the connection logs the outage itself).
 */
export function createRedisCrosswalk(connection: RedisConnection, options: RedisCrosswalkOptions, logger: Logger): SharedCrosswalk {
  const hash = (cacheKey: string): string => createHash('sha256').update(cacheKey).digest('base64url').slice(0, 32);
  const entryKey = (cacheKey: string): string => connection.key('xw', 'e', hash(cacheKey));
  const indexKey = (ref: string): string => connection.key('xw', 'i', ref);
  const lockKey = (cacheKey: string): string => connection.key('xw', 'l', hash(cacheKey));
  const quiet = (what: string) => (err: unknown) => {
    logger.debug({ err, what }, 'crosswalk L2: Redis call failed');
    return undefined;
  };
  return {
    lockWaitMs: options.lockWaitMs,
    async get(cacheKey) {
      const text = await connection.run('crosswalk get', (c) => c.get(entryKey(cacheKey))).catch(quiet('get'));
      return typeof text === 'string' ? decodeCrosswalkEntry(text) : undefined;
    },
    async set(entries, ttlMs) {
      if (entries.length === 0) return;
      const px = Math.max(1, Math.round(ttlMs));
      await connection
        .run('crosswalk set', (c) => {
          const multi = c.multi();
          for (const { cacheKey, entry } of entries) {
            const key = entryKey(cacheKey);
            multi.set(key, encodeCrosswalkEntry(entry), { expiration: { type: 'PX', value: px } });
            const refs = refsOfEntry(entry);
            if (cacheKey.startsWith('ref:')) refs.push(cacheKey.slice(4));
            for (const ref of new Set(refs)) {
              multi.sAdd(indexKey(ref), key);
              multi.pExpire(indexKey(ref), px);
            }
          }
          return multi.execAsPipeline();
        })
        .catch(quiet('set'));
    },
    async invalidate(refs) {
      if (refs.length === 0) return;
      await connection.run('crosswalk invalidate', (c) => c.eval(INVALIDATE, { keys: refs.map(indexKey) })).catch(quiet('invalidate'));
    },
    async lock(cacheKey) {
      try {
        const ok = await connection.run('crosswalk lock', (c) => c.set(lockKey(cacheKey), connection.replicaId, { condition: 'NX', expiration: { type: 'PX', value: options.lockMs } }));
        return ok === 'OK' ? 'acquired' : 'held';
      } catch (err) {
        quiet('lock')(err);
        return 'unavailable';
      }
    },
    async unlock(cacheKey) {
      await connection.run('crosswalk unlock', (c) => c.eval(UNLOCK, { keys: [lockKey(cacheKey)], arguments: [connection.replicaId] })).catch(quiet('unlock'));
    },
  };
}
