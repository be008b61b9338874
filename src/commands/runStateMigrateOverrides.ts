import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config.js';
import { createFileOverrideStore } from '../identity/index.js';
import { createRedisConnection } from '../state/createRedisConnection.js';
import { createRedisOverrideStore } from '../state/createRedisOverrideStore.js';

/** Options of {@link runStateMigrateOverrides}. */
export interface RunStateMigrateOverridesOptions {
  readonly configPath: string;
}

/**
 * `c360 state migrate-overrides`: copies the overrides file (`identity.overrides.file`) into the Redis store
 * of `state.redis`, keeping each change's id, actor and time, in file order. Idempotent: changes whose id is
 * already in Redis are skipped, so it can run again after a partial copy. Run it before the replicas switch to
 * Redis (changes made through a gateway meanwhile would interleave). Throws ConfigError without `state.redis`,
 * and an Error when the file cannot be read or Redis is unreachable.
 */
export async function runStateMigrateOverrides(options: RunStateMigrateOverridesOptions, print: (line: string) => void): Promise<void> {
  const config = loadConfig(options.configPath);
  const redis = config.state?.redis;
  if (!redis) throw new ConfigError(`${options.configPath}: state.redis is not set: there is no Redis to migrate the overrides into`);
  const file = createFileOverrideStore(config.identity.overrides.file);
  const changes = await file.load();
  const connection = createRedisConnection(redis, pino({ level: 'silent' }));
  try {
    if (!(await connection.connect())) throw new Error(`Redis at state.redis.url is not reachable within ${redis.connectTimeoutMs} ms`);
    const store = createRedisOverrideStore(connection);
    const present = new Set((await store.load()).map((change) => change.id));
    let copied = 0;
    for (const change of changes) {
      if (present.has(change.id)) continue;
      await store.append(change);
      copied += 1;
    }
    print(`overrides: ${changes.length} in ${file.description}; ${copied} copied to ${store.description}, ${changes.length - copied} already there`);
  } finally {
    await connection.close();
  }
}
