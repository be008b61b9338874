import type { FakeRequest, FakeResponse } from '../fakeTypes.js';
import { invalidPagination } from './zendeskErrorBodies.js';

/** One cursor page in Zendesk's shape, or the error answer for bad paging parameters. */
export type CursorPageResult<T> =
  | {
      readonly ok: true;
      readonly items: T[];
      readonly meta: { readonly has_more: boolean; readonly after_cursor: string | null; readonly before_cursor: string | null };
      readonly links: { readonly next: string | null; readonly prev: string | null };
    }
  | { readonly ok: false; readonly response: FakeResponse };

const MAX_PAGE_SIZE = 100;

/**
 * Zendesk cursor pagination
 * (https://developer.zendesk.com/documentation/api-basics/pagination/paginating-through-lists-using-cursor-pagination):
 * `page[size]` (1..100), `page[after]` or `page[before]` (opaque cursors naming the record the page
 * continues from, so they survive a change of sort). `meta.has_more` tells whether records remain in the
 * direction travelled; `links.next`/`links.prev` are absolute URLs on the request's origin and, as with the
 * real API, present whenever the page is non-empty, so clients must stop on `has_more: false`.
 * `items` must already be sorted.
 */
export function paginateCursor<T extends { readonly id: number }>(req: FakeRequest, items: readonly T[]): CursorPageResult<T> {
  const sizeText = req.query.get('page[size]') ?? '';
  const size = /^\d+$/.test(sizeText) ? Number(sizeText) : NaN;
  if (!(size >= 1 && size <= MAX_PAGE_SIZE)) {
    return { ok: false, response: invalidPagination(`page[size] must be an integer between 1 and ${MAX_PAGE_SIZE}`) };
  }
  const after = req.query.get('page[after]');
  const before = req.query.get('page[before]');
  if (after !== null && before !== null) return { ok: false, response: invalidPagination('page[after] and page[before] cannot be combined') };
  const cursor = after ?? before;
  let position = -1;
  if (cursor !== null) {
    const id = decodeCursor(cursor);
    position = id === null ? -1 : items.findIndex((item) => item.id === id);
    if (position === -1) return { ok: false, response: invalidPagination(`${after !== null ? 'page[after]' : 'page[before]'} is not a valid cursor`) };
  }
  let start: number;
  let end: number;
  let hasMore: boolean;
  if (before !== null) {
    end = position;
    start = Math.max(0, end - size);
    hasMore = start > 0;
  } else {
    start = position + 1;
    end = Math.min(items.length, start + size);
    hasMore = end < items.length;
  }
  const page = items.slice(start, end);
  const first = page[0];
  const last = page[page.length - 1];
  const link = (param: 'page[after]' | 'page[before]', value: string): string => {
    const url = new URL(req.path, req.origin);
    for (const [key, v] of req.query) if (key !== 'page[after]' && key !== 'page[before]') url.searchParams.append(key, v);
    url.searchParams.set(param, value);
    return url.href;
  };
  const afterCursor = last ? encodeCursor(last.id) : null;
  const beforeCursor = first ? encodeCursor(first.id) : null;
  return {
    ok: true,
    items: page,
    meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
    links: { next: afterCursor ? link('page[after]', afterCursor) : null, prev: beforeCursor ? link('page[before]', beforeCursor) : null },
  };
}

function encodeCursor(id: number): string {
  return Buffer.from(JSON.stringify({ o: 'id', v: id })).toString('base64url');
}

function decodeCursor(cursor: string): number | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown };
    return typeof parsed.v === 'number' ? parsed.v : null;
  } catch {
    return null;
  }
}
