import type { SfWireRecord } from './renderRecord.js';

/** A query's full result kept for `nextRecordsUrl` paging. */
export interface QueryCursor {
  readonly records: readonly SfWireRecord[];
  /** Records per page, fixed by the request that opened the cursor. */
  readonly batchSize: number;
}

/** Open query locators, bounded: opening one past `max` forgets the oldest (its locator then answers 400). */
export interface QueryLocatorStore {
  /** Keeps `cursor` and returns its locator (`01g…`, 18 characters). */
  open(cursor: QueryCursor): string;
  /** The cursor of `locator`, or undefined when unknown or evicted. */
  get(locator: string): QueryCursor | undefined;
}

/** Creates a {@link QueryLocatorStore} holding at most `max` cursors (Salesforce keeps few open per user). */
export function createQueryLocatorStore(max: number): QueryLocatorStore {
  const cursors = new Map<string, QueryCursor>();
  let counter = 0;
  return {
    open(cursor) {
      counter += 1;
      const locator = `01g${counter.toString(36).toUpperCase().padStart(12, '0')}AAW`;
      cursors.set(locator, cursor);
      while (cursors.size > max) {
        const oldest = cursors.keys().next();
        if (oldest.done) break;
        cursors.delete(oldest.value);
      }
      return locator;
    },
    get: (locator) => cursors.get(locator),
  };
}
