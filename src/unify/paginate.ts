import { GatewayErrorCode, gatewayError } from '../errors.js';
import { formatRef, type SourceRef } from '../domain/index.js';

/** An item of a merged, newest-first list. */
export interface Pageable {
  readonly ref: SourceRef;
}

/** A page of a connection, in the shape the schema's `*Connection` types resolve from. */
export interface Page<T> {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: T }>;
  readonly nodes: readonly T[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly totalCount: number;
}

/** Largest `first` accepted on any list. */
export const MAX_PAGE_SIZE = 100;

/**
 * Sorts items from several sources newest first (by `timeOf`, then by `source/id` so ties are stable) and
 * returns the page after `after`. The cursor encodes the last item's sort position (time + ref), not an
 * offset, so it stays correct when pages are fetched one after another while new items arrive.
 * Throws `BAD_USER_INPUT` for `first` outside 1..100 and `INVALID_CURSOR` for a cursor not made here.
 */
export function paginate<T extends Pageable>(items: readonly T[], timeOf: (item: T) => string, first: number, after: string | null | undefined): Page<T> {
  return paginateBy(items, timeOf, (item) => formatRef(item.ref), first, after);
}

/**
 * {@link paginate} for items identified by `keyOf` (unique per item) instead of a `ref`: the merged
 * timeline, where one record yields several events.
 */
export function paginateBy<T>(items: readonly T[], timeOf: (item: T) => string, keyOf: (item: T) => string, first: number, after: string | null | undefined): Page<T> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw gatewayError(GatewayErrorCode.BadUserInput, `first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, { argument: 'first' });
  }
  const keyed = items.map((item) => ({ item, time: canonicalTime(timeOf(item)), ref: keyOf(item) }));
  keyed.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  let start = 0;
  if (after) {
    const position = decodeCursor(after);
    // First item that sorts strictly after the cursor's position.
    start = keyed.findIndex((k) => k.time < position.time || (k.time === position.time && k.ref > position.ref));
    if (start === -1) start = keyed.length;
  }
  const slice = keyed.slice(start, start + first);
  const edges = slice.map((k) => ({ cursor: encodeCursor(k.time, k.ref), node: k.item }));
  return {
    edges,
    nodes: slice.map((k) => k.item),
    pageInfo: { hasNextPage: start + first < keyed.length, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: keyed.length,
  };
}

/**
 * Sources write times differently (`…55Z`, `…55.000Z`, `…55.000+0000`, a bare date), which do not compare
 * as strings; sort on one ISO form. Text that is not a date sorts as given.
 */
export function canonicalTime(time: string): string {
  // Already canonical (what toISOString writes): most sources' times after mapping; skips a parse + format.
  if (time.length === 24 && CANONICAL.test(time)) return time;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? time : new Date(ms).toISOString();
}

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function encodeCursor(time: string, ref: string): string {
  return Buffer.from(JSON.stringify(['v1', time, ref]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { time: string; ref: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === 'v1' && typeof parsed[1] === 'string' && typeof parsed[2] === 'string') {
      return { time: parsed[1], ref: parsed[2] };
    }
  } catch {
    // fall through to the error below
  }
  throw gatewayError(GatewayErrorCode.InvalidCursor, 'the cursor is not one this gateway issued', { argument: 'after' });
}
