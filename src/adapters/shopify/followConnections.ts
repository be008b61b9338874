import { UpstreamError } from '../UpstreamError.js';

/** A page of a connection as the adapter reads it. */
export interface ConnectionPage<N> {
  readonly nodes: readonly N[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

/** A connection to read: its key, the cursor to continue after (null: from the start), pages already read. */
export interface PendingConnection<K> {
  readonly key: K;
  readonly after: string | null;
  readonly pagesRead: number;
}

/** What {@link followConnections} needs. */
export interface FollowConnectionsOptions<K, N> {
  readonly source: string;
  readonly pending: ReadonlyArray<PendingConnection<K>>;
  /** Connections continued per call (aliases in one query), given how many are pending this round; at least 1. */
  readonly perCall: number | ((pending: number) => number);
  /** Most pages per connection, counting those already read. */
  readonly maxPages: number;
  /** One call for a batch: the next page per entry, or null when the record is gone (end of list). */
  fetchBatch(batch: ReadonlyArray<PendingConnection<K>>): Promise<ReadonlyArray<ConnectionPage<N> | null>>;
  onNodes(key: K, nodes: readonly N[]): void;
  /** The connection failed (its call failed, or its cursor repeated); no more calls for it. */
  onError(key: K, error: Error): void;
  /** More pages exist past `maxPages`; the list is cut off. */
  onTruncated(key: K, pagesRead: number): void;
  /**
   * Asked when a connection has a next page: true ends it there (the caller has read enough, e.g. a search
   * past its result cap). Absent: every connection is read to its end or `maxPages`.
   */
  stopEarly?(key: K): boolean;
}

/**
 * Follows many connections to their ends in rounds: each round continues every unfinished connection,
 * `perCall` per call (calls in sequence, to spare the shop's cost bucket; `fetchBatch` may size its page
 * by the batch length), unless `stopEarly` ends one. Guards: `maxPages` per
 * connection, and a loop guard (a cursor seen before for the same connection, or a missing cursor while
 * `hasNextPage`) that ends that connection with a `bad_response` error. A failed call fails only its batch.
 */
export async function followConnections<K, N>(options: FollowConnectionsOptions<K, N>): Promise<void> {
  const seen = new Map<K, Set<string>>(options.pending.map((p) => [p.key, new Set(p.after === null ? [] : [p.after])]));
  let pending = options.pending.filter((p) => {
    if (p.pagesRead < options.maxPages) return true;
    options.onTruncated(p.key, p.pagesRead);
    return false;
  });
  while (pending.length > 0) {
    const next: Array<PendingConnection<K>> = [];
    const perCall = Math.max(1, typeof options.perCall === 'function' ? options.perCall(pending.length) : options.perCall);
    for (let start = 0; start < pending.length; start += perCall) {
      const batch = pending.slice(start, start + perCall);
      let pages: ReadonlyArray<ConnectionPage<N> | null>;
      try {
        pages = await options.fetchBatch(batch);
      } catch (error) {
        for (const entry of batch) options.onError(entry.key, error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      batch.forEach((entry, i) => {
        const page = pages[i];
        if (!page) return;
        options.onNodes(entry.key, page.nodes);
        if (!page.pageInfo.hasNextPage || options.stopEarly?.(entry.key) === true) return;
        const cursor = page.pageInfo.endCursor;
        const cursors = seen.get(entry.key) ?? new Set<string>();
        if (cursor === null || cursors.has(cursor)) {
          options.onError(entry.key, loopError(options.source, cursor));
          return;
        }
        cursors.add(cursor);
        seen.set(entry.key, cursors);
        const pagesRead = entry.pagesRead + 1;
        if (pagesRead >= options.maxPages) options.onTruncated(entry.key, pagesRead);
        else next.push({ key: entry.key, after: cursor, pagesRead });
      });
    }
    pending = next;
  }
}

/** The loop guard's error: Shopify said there is a next page but gave no new cursor. */
export function loopError(source: string, cursor: string | null): UpstreamError {
  return new UpstreamError({
    source,
    kind: 'bad_response',
    message: cursor === null ? 'Shopify reported a next page without an endCursor' : 'Shopify returned the same page cursor twice; stopped paging',
  });
}
