import type { OverrideStore } from '../identity/index.js';
import { overrideChangeSchema, type OverrideChange } from '../identity/index.js';
import type { RedisConnection } from './createRedisConnection.js';

/**
 * An {@link OverrideStore} in Redis, shared by every replica: the list `<keyPrefix>overrides`, one JSON
 * change (with its actor and time) per element, oldest first. `append` is one RPUSH (atomic: concurrent
 * stewards on different replicas are ordered by Redis, none lost); `load` one LRANGE. While Redis is
 * unreachable or slower than `commandTimeoutMs`, `append` rejects with `STATE_UNAVAILABLE` (so a change is never
 * applied on one replica only) and `load` with an Error naming the list (a gateway then refuses to start). An element that is not a valid change rejects `load` with its index.
 * Durability is Redis's: run it with AOF (`appendonly yes`) where overrides matter.
 */
export function createRedisOverrideStore(connection: RedisConnection): OverrideStore {
  const key = connection.key('overrides');
  return {
    description: `redis:${key}`,
    async load() {
      const items = await connection.run('load overrides', (c) => c.lRange(key, 0, -1)).catch((error: unknown) => {
        throw new Error(`overrides redis:${key}: cannot read: ${error instanceof Error ? error.message : String(error)}`);
      });
      return items.map((text, index) => parseChange(text, `${key}[${index}]`));
    },
    async append(change) {
      await connection.run('store override', (c) => c.rPush(key, JSON.stringify(change)));
    },
  };
}

function parseChange(text: string, where: string): OverrideChange {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`overrides ${where}: not valid JSON`);
  }
  const parsed = overrideChangeSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`overrides ${where}: ${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
