import type { Logger } from 'pino';
import type { SourceRef } from '../domain/index.js';
import { lookupKeyHash } from '../identity/crosswalkKeyHash.js';
import type { Change, ChangeFeed, ChangeReason } from './ChangeFeed.js';
import type { RedisConnection } from './createRedisConnection.js';

/** A lookup key's hash as lookupKeyHash makes it (32 base64url characters). */
const KEY_HASH = /^[A-Za-z0-9_-]{32}$/;
const REASONS: ReadonlySet<string> = new Set<ChangeReason>(['override', 'suppression', 'erasure', 'webhook', 'purge']);

/** What travels on the channel: the change and the replica that published it. */
interface ChangeMessage {
  readonly v: 1;
  readonly origin: string;
  readonly change: Change;
}

/**
 * A {@link ChangeFeed} shared by every replica through Redis pub/sub (channel `<keyPrefix>changes`, on the
 * connection's dedicated subscriber). `publish` runs this replica's listeners at once, then PUBLISHes the
 * change; it rejects (`STATE_UNAVAILABLE`) when Redis cannot take it, after the local listeners ran. Other
 * replicas run their listeners when the message arrives (milliseconds); a replica ignores its own messages.
 * Pub/sub is at-most-once: a replica disconnected while a change was published misses it, so on reconnect
 * the shared state drops every process cache (see createSharedState). Malformed messages are logged and dropped.
 * A change's `keys` (emails, phones) never go on the channel in clear: they are sent as `keyHashes`.
 */
export function createRedisChangeFeed(connection: RedisConnection, logger: Logger): ChangeFeed & { start(): Promise<void> } {
  const channel = connection.key('changes');
  const listeners = new Set<(change: Change) => void>();
  const deliver = (change: Change): void => {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (err) {
        logger.error({ err, reason: change.reason }, 'change feed: a listener failed');
      }
    }
  };
  return {
    async start() {
      await connection.subscribe(channel, (text) => {
        const message = parseMessage(text);
        if (!message) return void logger.warn({ channel }, 'change feed: malformed message dropped');
        if (message.origin === connection.replicaId) return;
        deliver(message.change);
      });
    },
    async publish(change) {
      deliver(change);
      // Lookup keys are emails and phones: they travel as the hashes the L2 already names its entries by.
      const keyHashes = [...new Set([...(change.keyHashes ?? []), ...(change.keys ?? []).map(lookupKeyHash)])];
      const message: ChangeMessage = {
        v: 1,
        origin: connection.replicaId,
        change: {
          reason: change.reason,
          refs: change.refs.map((r) => ({ source: r.source, id: r.id })),
          ...(change.purgeRecords ? { purgeRecords: true } : {}),
          ...(keyHashes.length > 0 ? { keyHashes } : {}),
        },
      };
      await connection.run('publish change', (client) => client.publish(channel, JSON.stringify(message)));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function parseMessage(text: string): ChangeMessage | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const m = raw as Partial<ChangeMessage> | null;
  const change = m?.change as Partial<Change> | undefined;
  if (m?.v !== 1 || typeof m.origin !== 'string' || !change || typeof change.reason !== 'string' || !REASONS.has(change.reason) || !Array.isArray(change.refs)) return null;
  const refs: SourceRef[] = [];
  for (const ref of change.refs as unknown[]) {
    const r = ref as Partial<SourceRef> | null;
    if (typeof r?.source !== 'string' || typeof r.id !== 'string') return null;
    refs.push({ source: r.source, id: r.id });
  }
  const keyHashes = change.keyHashes ?? [];
  if (!Array.isArray(keyHashes) || !keyHashes.every((h) => typeof h === 'string' && KEY_HASH.test(h))) return null;
  return {
    v: 1,
    origin: m.origin,
    change: { reason: change.reason as ChangeReason, refs, ...(change.purgeRecords === true ? { purgeRecords: true } : {}), ...(keyHashes.length > 0 ? { keyHashes } : {}) },
  };
}
