import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { ReplayGuard } from '../webhooks/createReplayGuard.js';
import type { RedisConnection } from './createRedisConnection.js';

/**
 * The webhooks' {@link ReplayGuard} shared by every replica: a delivery id is claimed with `SET <keyPrefix>wh:<hash
 * of the id> 1 NX PX ttlMs`, so a vendor's retry that the load balancer sends to another replica is refused there
 * too. Each claim is also kept in `local` (the in-process guard): a replay this replica saw itself is refused
 * without a round trip, and while Redis is unreachable or slow the local guard decides alone. A replay that then
 * reaches another replica is accepted once more, which is harmless: a webhook only drops caches. `release`
 * forgets the id in both (the Redis delete is not awaited; if it fails, the vendor's retry on another replica is
 * refused until the key expires, as it would be for a delivery that was applied).
 */
export function createRedisReplayGuard(connection: RedisConnection, local: ReplayGuard, ttlMs: number, logger: Logger): ReplayGuard {
  const key = (id: string): string => connection.key('wh', createHash('sha256').update(id).digest('base64url').slice(0, 32));
  const px = Math.max(1, Math.round(ttlMs));
  return {
    async claim(id) {
      if (!(await local.claim(id))) return false;
      try {
        const set = await connection.run('webhook replay claim', (c) => c.set(key(id), '1', { condition: 'NX', expiration: { type: 'PX', value: px } }));
        // Another replica holds it: this one keeps only ids it claimed itself, so a release there frees it here.
        if (set !== 'OK') local.release(id);
        return set === 'OK';
      } catch (err) {
        logger.debug({ err }, 'webhook replay guard: Redis unavailable, this replica decides alone');
        return true;
      }
    },
    release(id) {
      local.release(id);
      void connection.run('webhook replay release', (c) => c.del(key(id))).catch((err: unknown) => logger.debug({ err }, 'webhook replay guard: release in Redis failed'));
    },
  };
}
