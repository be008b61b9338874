import type { Logger } from 'pino';
import { crosswalkKeyHash } from '../identity/crosswalkKeyHash.js';
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

// Drops the entries of the first ARGV[2] KEYS (index sets) and the sets; the remaining KEYS are entries of
// lookup keys: each is read, the refs of the clusters it resolved to are added to the index sets to drop
// (ARGV[1] is the index key prefix), and it is deleted. One round trip for any number of refs and keys.
const INVALIDATE = `local n = 0
local indexes = {}
local refCount = tonumber(ARGV[2])
for i = 1, refCount do indexes[#indexes + 1] = KEYS[i] end
local function addRefs(list)
  if type(list) ~= 'table' then return end
  for _, item in ipairs(list) do
    if type(item) == 'table' and type(item.ref) == 'table' then
      indexes[#indexes + 1] = ARGV[1] .. tostring(item.ref.source) .. '/' .. tostring(item.ref.id)
    end
  end
end
local function addCluster(cluster)
  if type(cluster) ~= 'table' then return end
  addRefs(cluster.links)
  addRefs(cluster.candidates)
end
for i = refCount + 1, #KEYS do
  local text = redis.call('GET', KEYS[i])
  if text then
    local ok, doc = pcall(cjson.decode, text)
    if ok and type(doc) == 'table' and type(doc.e) == 'table' then
      local r = doc.e.resolution
      if type(r) == 'table' then
        if type(r.match) == 'table' then addCluster(r.match.cluster) end
        if type(r.matches) == 'table' then
          for _, m in ipairs(r.matches) do if type(m) == 'table' then addCluster(m.cluster) end end
        end
      end
    end
    n = n + redis.call('DEL', KEYS[i])
  end
end
for _, idx in ipairs(indexes) do
  for _, key in ipairs(redis.call('SMEMBERS', idx)) do n = n + redis.call('DEL', key) end
  redis.call('DEL', idx)
end
return n`;
// Deletes a lock only if this replica still holds it.
const UNLOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * The crosswalk L2 in Redis ({@link SharedCrosswalk}). Keys under `<keyPrefix>xw:`:
 * - `xw:e:<crosswalkKeyHash of the cache key>`: one entry (JSON, crosswalkCodec), PX = the L1 lifetime (TTL +
 *   stale window). Hashed, because lookup keys are emails and phones: no PII in key names;
 * - `xw:i:<source/id>`: a set of the entry keys that mention that record (the invalidation index), PX the same;
 * - `xw:l:<hash>`: the resolution lock, `SET NX PX lockMs` holding this replica's id.
 * Writes are one pipeline; invalidation is one Lua script (SMEMBERS + DEL per ref; per lookup-key hash, the
 * entry's clusters read with cjson and their refs dropped the same way). Any failure is logged at
 * debug level and read as a miss (the connection logs the outage itself).
 */
export function createRedisCrosswalk(connection: RedisConnection, options: RedisCrosswalkOptions, logger: Logger): SharedCrosswalk {
  const hash = crosswalkKeyHash;
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
    async invalidate(refs, keyHashes = []) {
      if (refs.length === 0 && keyHashes.length === 0) return;
      const keys = [...refs.map(indexKey), ...keyHashes.map((h) => connection.key('xw', 'e', h))];
      await connection
        .run('crosswalk invalidate', (c) => c.eval(INVALIDATE, { keys, arguments: [indexKey(''), String(refs.length)] }))
        .catch(quiet('invalidate'));
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
