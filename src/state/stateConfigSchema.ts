import { z } from 'zod';

/**
 * `state:` config: where the state replicas must share lives. Absent `redis` = one process (in-memory
 * crosswalk, file overrides, local change feed, per-process APQ cache and vendor budgets), the default.
 * With `redis`, every part switches to Redis (see README "Running several replicas").
 */
export const stateConfigSchema = z
  .object({
    redis: z
      .object({
        /** `redis://[user:password@]host:port[/db]` or `rediss://` (TLS). */
        url: z
          .string()
          .min(1)
          .refine((url) => /^rediss?:\/\/[^/\s]/.test(url), 'must be a redis:// or rediss:// URL'),
        /** Prefix of every key and channel, so several gateways (or tests) can share one Redis. Default `c360:`. */
        keyPrefix: z.string().min(1).max(100).regex(/^[\w:.-]+$/, 'letters, digits, _ : . - only').default('c360:'),
        /** Upper bound of one Redis command, ms: a hung Redis never stalls a query longer. Default 250. */
        commandTimeoutMs: z.number().int().min(10).max(10_000).default(250),
        /** How long start waits for the first connection, ms (then the gateway starts degraded). Default 2 000. */
        connectTimeoutMs: z.number().int().min(100).max(60_000).default(2_000),
        /** Lifetime of a crosswalk resolution lock (one replica resolves a key, the others wait), ms. Default 3 000. */
        lockMs: z.number().int().min(100).max(60_000).default(3_000),
        /** How long a replica waits for another replica's resolution of the same key before resolving itself, ms. Default 1 500. */
        lockWaitMs: z.number().int().min(0).max(60_000).default(1_500),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Validated `state:` config. */
export type StateConfig = z.infer<typeof stateConfigSchema>;
/** Validated `state.redis:` config. */
export type RedisStateConfig = NonNullable<StateConfig['redis']>;
