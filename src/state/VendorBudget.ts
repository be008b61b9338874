import type { Logger } from 'pino';
import type { RedisConnection } from './createRedisConnection.js';

/** A vendor limit as a token bucket: `capacity` units, refilled at `refillPerSecond`. */
export interface BudgetLimit {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

/**
 * One token bucket per source, shared by every replica that uses the same budget (Redis) or per process
 * (local). Units are what the vendor counts: requests (Salesforce, Zendesk) or cost points (Shopify).
 * No method rejects: with Redis unreachable the Redis budget falls back to a per-process bucket.
 */
export interface VendorBudget {
  /** Takes `units` if the bucket holds them and resolves 0; otherwise takes nothing and resolves the ms until it will. */
  take(source: string, units: number, limit: BudgetLimit): Promise<number>;
  /** Charges (`units` > 0) or refunds (< 0) after the fact: the vendor's actual cost differed from the estimate. May go below 0. */
  adjust(source: string, units: number, limit: BudgetLimit): Promise<void>;
  /** Lowers the bucket to at most `available` units: the vendor reported its own bucket (Shopify `throttleStatus`). */
  cap(source: string, available: number, limit: BudgetLimit): Promise<void>;
}

/** A per-process bucket per source (one replica, or the fallback while Redis is down). */
export function createLocalVendorBudget(now: () => number = Date.now): VendorBudget {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (source: string, limit: BudgetLimit): { tokens: number; at: number } => {
    const at = now();
    const bucket = buckets.get(source) ?? { tokens: limit.capacity, at };
    bucket.tokens = Math.min(limit.capacity, bucket.tokens + ((at - bucket.at) / 1000) * limit.refillPerSecond);
    bucket.at = at;
    buckets.set(source, bucket);
    return bucket;
  };
  return {
    async take(source, units, limit) {
      const bucket = refill(source, limit);
      if (bucket.tokens >= units) {
        bucket.tokens -= units;
        return 0;
      }
      return Math.ceil(((units - bucket.tokens) * 1000) / limit.refillPerSecond);
    },
    async adjust(source, units, limit) {
      const bucket = refill(source, limit);
      bucket.tokens = Math.min(limit.capacity, bucket.tokens - units);
    },
    async cap(source, available, limit) {
      const bucket = refill(source, limit);
      bucket.tokens = Math.min(bucket.tokens, available);
    },
  };
}

// One bucket per key (hash tokens + ts), refilled from Redis's own clock (no skew between replicas).
// ARGV: capacity, refill per second, units, mode (take | adjust | cap). Returns the ms to wait (take) or 0.
const BUCKET = `local cap = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local units = tonumber(ARGV[3])
local mode = ARGV[4]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local s = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(s[1]) or cap
local ts = tonumber(s[2]) or now
tokens = math.min(cap, tokens + math.max(0, now - ts) * rate / 1000)
local wait = 0
if mode == 'take' then
  if tokens >= units then tokens = tokens - units else wait = math.ceil((units - tokens) * 1000 / rate) end
elseif mode == 'adjust' then
  tokens = math.min(cap, tokens - units)
else
  tokens = math.min(tokens, units)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(cap * 1000 / rate) + 60000)
return wait`;

/**
 * The budget shared by replicas: one Redis hash per source (`<keyPrefix>budget:<source>`) updated by one Lua
 * script (atomic, one round trip per call). While Redis is unreachable each replica uses its own
 * {@link createLocalVendorBudget} with the same limit (N replicas may then spend up to N buckets; the vendors'
 * throttling answers are still honoured by the adapters' retries).
 */
export function createRedisVendorBudget(connection: RedisConnection, logger: Logger): VendorBudget {
  const fallback = createLocalVendorBudget();
  const run = async (source: string, units: number, limit: BudgetLimit, mode: 'take' | 'adjust' | 'cap'): Promise<number | null> => {
    try {
      const wait = await connection.run('vendor budget', (c) =>
        c.eval(BUCKET, { keys: [connection.key('budget', source)], arguments: [String(limit.capacity), String(limit.refillPerSecond), String(units), mode] }),
      );
      return Number(wait);
    } catch (err) {
      logger.debug({ err, source }, 'vendor budget: Redis unavailable, using the process budget');
      return null;
    }
  };
  return {
    async take(source, units, limit) {
      return (await run(source, units, limit, 'take')) ?? fallback.take(source, units, limit);
    },
    async adjust(source, units, limit) {
      if ((await run(source, units, limit, 'adjust')) === null) await fallback.adjust(source, units, limit);
    },
    async cap(source, available, limit) {
      if ((await run(source, available, limit, 'cap')) === null) await fallback.cap(source, available, limit);
    },
  };
}
