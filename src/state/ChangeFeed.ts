import type { SourceRef } from '../domain/index.js';

/** Why cached answers about some source records became wrong. */
export type ChangeReason = 'override' | 'suppression' | 'erasure' | 'webhook' | 'purge';

/**
 * One change that makes cached answers about some source records wrong: every crosswalk entry that
 * mentions one of `refs` is dropped and, with `purgeRecords`, the sources' cached records of them too.
 */
export interface Change {
  readonly reason: ChangeReason;
  readonly refs: readonly SourceRef[];
  /** Also drop the cached source records of `refs` (stale-if-error caches): the source's data changed. */
  readonly purgeRecords?: boolean;
  /**
   * Lookup keys the changed records hold now, in `keyOf` form (`email:jane@example.com`, `phone:+15551234567`):
   * their crosswalk entries are dropped too, with every cluster they resolved to, because a record that took a
   * new email or phone may now belong with the people already cached under it. These are personal data: a
   * shared (multi-replica) feed never sends them in clear; it sends {@link Change.keyHashes} instead.
   */
  readonly keys?: readonly string[];
  /**
   * Lookup keys as pseudonyms (`lookupKeyHash` in src/identity/crosswalkKeyHash.ts, the hash the Redis L2
   * names its entries by), as changes from other replicas carry them; they drop the same entries as `keys`.
   */
  readonly keyHashes?: readonly string[];
}

/**
 * Where changes are announced. In one process the feed calls its listeners at once; with shared state
 * (several replicas) an implementation also delivers each change to every other replica's listeners.
 * `publish` resolves once the local listeners ran (and, when shared, once the change was handed on).
 */
export interface ChangeFeed {
  publish(change: Change): Promise<void>;
  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: (change: Change) => void): () => void;
  close?(): Promise<void>;
}

/** The single-process feed: listeners run synchronously inside `publish`. */
export function createLocalChangeFeed(): ChangeFeed {
  const listeners = new Set<(change: Change) => void>();
  return {
    async publish(change) {
      for (const listener of listeners) listener(change);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
