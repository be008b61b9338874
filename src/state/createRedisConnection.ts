import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import { GatewayErrorCode, gatewayError } from '../errors.js';
import type { RedisStateConfig } from './stateConfigSchema.js';

/** A node-redis client (commands or subscriber). */
export type RedisClient = ReturnType<typeof createClient>;

/** Redis round trips since start, for metrics and the bench. */
export interface RedisCounters {
  /** Commands and pipelines sent (one pipeline = one round trip). */
  readonly roundTrips: number;
  /** Of those, the ones that failed or timed out. */
  readonly failures: number;
}

/**
 * The gateway's two connections to Redis: one for commands, one for pub/sub (a connection in subscribe mode
 * cannot send other commands). Every command goes through {@link RedisConnection.run}, bounded by
 * `commandTimeoutMs`, and fails at once (no offline queue) while Redis is unreachable; node-redis keeps
 * reconnecting in the background (back-off 50 ms doubling, at most 2 s between attempts). A Redis that hangs
 * with its socket open is treated as down for 1 s after 3 timeouts in a row, then probed again.
 */
export interface RedisConnection {
  /** This process's random id (`<hex>`): marks the messages it publishes. */
  readonly replicaId: string;
  /** `keyPrefix` + parts joined with `:`. */
  key(...parts: string[]): string;
  /** True while the command connection is ready. */
  isUp(): boolean;
  /**
   * Runs one command or pipeline on the command connection, counted as one round trip. Rejects with a
   * `STATE_UNAVAILABLE` GraphQLError when Redis is unreachable, times out or fails.
   */
  run<T>(what: string, command: (client: RedisClient) => Promise<T>): Promise<T>;
  /** Subscribes `listener` to a channel (full name) on the subscriber connection; re-subscribed after reconnects by node-redis. */
  subscribe(channel: string, listener: (message: string) => void): Promise<void>;
  /** Called each time the command connection is ready again after having been down (not on a first connect within `connect()`). */
  onReconnect(listener: () => void): void;
  /** Starts connecting; resolves when both connections are ready or after `connectTimeoutMs` (then degraded, still retrying). */
  connect(): Promise<boolean>;
  counters(): RedisCounters;
  close(): Promise<void>;
}

/** Timeouts in a row after which Redis counts as down without waiting for its socket to drop. */
const SUSPECT_AFTER_TIMEOUTS = 3;
/** How long a Redis that stopped answering is skipped before one call probes it again, ms. */
const SUSPECT_FOR_MS = 1_000;

/** Opens the connections described by `state.redis` (see {@link RedisConnection}). Logs up/down transitions once each. */
export function createRedisConnection(config: RedisStateConfig, logger: Logger): RedisConnection {
  const replicaId = randomBytes(8).toString('hex');
  const options = {
    url: config.url,
    // Commands while disconnected fail at once instead of queueing behind a dead socket.
    disableOfflineQueue: true,
    socket: { connectTimeout: config.connectTimeoutMs, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000) },
  };
  const client: RedisClient = createClient(options);
  // The subscriber queues its SUBSCRIBE while disconnected (it is never on a query's path), so a gateway that
  // starts while Redis is down subscribes as soon as Redis is there.
  const subscriber: RedisClient = createClient({ ...options, disableOfflineQueue: false });
  let up = false;
  let everUp = false;
  let degradedAtStart = false;
  let roundTrips = 0;
  let failures = 0;
  // A Redis that stops answering keeps its socket open: after a few timeouts in a row, calls fail at once for
  // a while (then one is let through to probe), so a hung Redis costs queries nothing at all.
  let timeoutsInARow = 0;
  let suspectUntil = 0;
  const reconnectListeners: Array<() => void> = [];
  const log = logger.child({ component: 'state' });
  client.on('ready', () => {
    up = true;
    log.info({ redis: redactUrl(config.url) }, everUp ? 'redis: reconnected' : 'redis: connected');
    if (everUp || degradedAtStart) for (const listener of reconnectListeners) listener();
    everUp = true;
  });
  // node-redis emits 'error' on every failed reconnect attempt: log the transition only.
  const down = (err?: unknown): void => {
    if (up || !everUp) {
      if (up) log.warn({ err, redis: redactUrl(config.url) }, 'redis: connection lost; answering from process caches and sources, refusing overrides');
      up = false;
    }
  };
  client.on('error', down);
  client.on('end', () => down());
  client.on('reconnecting', () => down());
  subscriber.on('error', () => undefined);
  let closed = false;

  return {
    replicaId,
    key: (...parts) => `${config.keyPrefix}${parts.join(':')}`,
    isUp: () => up && Date.now() >= suspectUntil,
    async run(what, command) {
      roundTrips += 1;
      if (!up || Date.now() < suspectUntil) {
        failures += 1;
        throw unavailable(what, up ? 'not answering' : 'not connected');
      }
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${config.commandTimeoutMs} ms`)), config.commandTimeoutMs);
      });
      try {
        const result = await Promise.race([command(client), timeout]);
        timeoutsInARow = 0;
        return result;
      } catch (error) {
        failures += 1;
        if (error instanceof Error && error.message.startsWith('no answer within')) {
          timeoutsInARow += 1;
          if (timeoutsInARow >= SUSPECT_AFTER_TIMEOUTS) {
            if (Date.now() >= suspectUntil) log.warn({ redis: redactUrl(config.url), timeoutsInARow }, 'redis: not answering; treating it as down for a while');
            suspectUntil = Date.now() + SUSPECT_FOR_MS;
          }
        }
        throw unavailable(what, error instanceof Error ? error.message : String(error));
      } finally {
        clearTimeout(timer);
      }
    },
    async subscribe(channel, listener) {
      await subscriber.subscribe(channel, (message: string) => listener(message));
    },
    onReconnect: (listener) => void reconnectListeners.push(listener),
    async connect() {
      const both = Promise.all([client.connect(), subscriber.connect()]);
      both.catch((err: unknown) => log.warn({ err }, 'redis: connect failed'));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), config.connectTimeoutMs);
      });
      const ok = await Promise.race([both.then(() => true, () => false), timeout]);
      clearTimeout(timer);
      degradedAtStart = !ok && !up;
      if (!ok) log.warn({ redis: redactUrl(config.url), afterMs: config.connectTimeoutMs }, 'redis: not reachable at start; starting degraded, still retrying');
      return ok;
    },
    counters: () => ({ roundTrips, failures }),
    async close() {
      if (closed) return;
      closed = true;
      up = false;
      // destroy(): no QUIT round trip that could hang on a dead Redis.
      for (const c of [client, subscriber]) {
        if (c.isOpen) c.destroy();
      }
    },
  };
}

function unavailable(what: string, why: string) {
  return gatewayError(GatewayErrorCode.StateUnavailable, `shared state (Redis) is unavailable: ${what} failed (${why}); nothing was changed, retry later`);
}

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
