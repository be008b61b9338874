import { GraphQLError } from 'graphql';
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

/** Longest `after` accepted, characters: a cursor we issue is well under this (a time and a record key). */
export const MAX_CURSOR_LENGTH = 512;

/** The paged fields of `Customer`; a cursor belongs to one and is refused on another. */
export const PAGED_FIELDS = ['orders', 'tickets', 'activities', 'timeline'] as const;

/** One of {@link PAGED_FIELDS}. */
export type PagedField = (typeof PAGED_FIELDS)[number];

/**
 * Sorts items from several sources newest first (by `timeOf`, then by `source/id` so ties are stable) and
 * returns the page after `after`. The cursor encodes the field and the last item's sort position (time +
 * ref), not an offset, so it stays correct when pages are fetched one after another while new items arrive.
 * An item whose time is not a date sorts after every dated one. Throws `BAD_USER_INPUT` for `first` outside
 * 1..100 and `INVALID_CURSOR` for a cursor not made here for `field` ({@link checkPageArgs}).
 */
export function paginate<T extends Pageable>(items: readonly T[], timeOf: (item: T) => string, first: number, after: string | null | undefined, field: PagedField): Page<T> {
  return paginateBy(items, timeOf, (item) => formatRef(item.ref), first, after, field);
}

/**
 * Validates paging arguments before any upstream call: `first` in 1..100 (else `BAD_USER_INPUT`), and `after`
 * empty (from the start, as Relay clients send it) or a cursor this gateway issued for `field`: strict
 * base64url of at most {@link MAX_CURSOR_LENGTH} characters holding `["v2", field, time, key]`, the time a
 * canonical ISO date-time (or empty, for undated items) and the key 1-300 characters (else `INVALID_CURSOR`,
 * `extensions.argument: "after"`). Returns the decoded position, null without a cursor.
 */
export function checkPageArgs(field: PagedField, first: number, after: string | null | undefined): CursorPosition | null {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw gatewayError(GatewayErrorCode.BadUserInput, `first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, { argument: 'first' });
  }
  return after ? decodeCursor(after, field) : null;
}

/** Where a cursor points: the sort position of the last item of the previous page. */
export interface CursorPosition {
  readonly time: string;
  readonly ref: string;
}

/**
 * {@link paginate} for items identified by `keyOf` (unique per item) instead of a `ref`: the merged
 * timeline, where one record yields several events.
 */
export function paginateBy<T>(items: readonly T[], timeOf: (item: T) => string, keyOf: (item: T) => string, first: number, after: string | null | undefined, field: PagedField): Page<T> {
  const position = checkPageArgs(field, first, after);
  // An undated item sorts as '' (after every date) so every cursor's time is a date or empty.
  const keyed = items.map((item) => ({ item, time: sortTime(timeOf(item)), ref: keyOf(item) }));
  keyed.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  let start = 0;
  if (position) {
    // First item that sorts strictly after the cursor's position.
    start = keyed.findIndex((k) => k.time < position.time || (k.time === position.time && k.ref > position.ref));
    if (start === -1) start = keyed.length;
  }
  const slice = keyed.slice(start, start + first);
  // Cursors are encoded only when a query selects them (most ask for `nodes` and `totalCount` only): `edges`
  // and `endCursor` are computed on first read and kept.
  let edges: Page<T>['edges'] | undefined;
  const last = slice.at(-1);
  let endCursor: string | null | undefined = last ? undefined : null;
  return {
    get edges() {
      edges ??= slice.map((k) => ({ cursor: encodeCursor(field, k.time, k.ref), node: k.item }));
      return edges;
    },
    nodes: slice.map((k) => k.item),
    pageInfo: {
      hasNextPage: start + first < keyed.length,
      get endCursor() {
        endCursor ??= encodeCursor(field, last!.time, last!.ref);
        return endCursor;
      },
    },
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
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** Longest item key in a cursor: `<source>/<id>` or a timeline event's `<source>/<id>#<kind>`. */
const MAX_KEY_LENGTH = 300;

function sortTime(time: string): string {
  if (time.length === 24 && CANONICAL.test(time)) return time;
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) return '';
  const iso = new Date(ms).toISOString();
  return CANONICAL.test(iso) ? iso : '';
}

function encodeCursor(field: PagedField, time: string, ref: string): string {
  return Buffer.from(JSON.stringify(['v2', field, time, ref]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, field: PagedField): CursorPosition {
  // Length first: nothing longer is decoded. Strict base64url: Node's decoder skips junk and padding, so the
  // text must be exactly what encoding its bytes gives back.
  if (cursor.length <= MAX_CURSOR_LENGTH && BASE64URL.test(cursor)) {
    const bytes = Buffer.from(cursor, 'base64url');
    if (bytes.toString('base64url') === cursor) {
      try {
        const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        if (Array.isArray(parsed) && parsed.length === 4 && parsed[0] === 'v2') {
          const [, owner, time, ref] = parsed as unknown[];
          if (owner !== field && (PAGED_FIELDS as readonly unknown[]).includes(owner)) throw invalidCursor(`the cursor belongs to ${String(owner)}, not ${field}`);
          if (owner === field && typeof time === 'string' && (time === '' || (CANONICAL.test(time) && !Number.isNaN(Date.parse(time)))) && typeof ref === 'string' && ref.length >= 1 && ref.length <= MAX_KEY_LENGTH) {
            return { time, ref };
          }
        }
      } catch (error) {
        if (error instanceof GraphQLError) throw error;
        // Not UTF-8 or not JSON: the error below.
      }
    }
  }
  throw invalidCursor(`the cursor is not one this gateway issued for ${field}`);
}

function invalidCursor(message: string): GraphQLError {
  return gatewayError(GatewayErrorCode.InvalidCursor, message, { argument: 'after' });
}
