import type { FakeRequest, FakeResponse } from '../fakeTypes.js';
import { invalidPageAttribute, invalidParameter } from './zendeskErrorBodies.js';

/** Limits of one offset-paginated endpoint. */
export interface OffsetLimits {
  /** Largest `page × per_page` the endpoint serves (users 10 000, search 1 000). */
  readonly maxRecords: number;
  /** The endpoint's answer when a request goes past `maxRecords`. */
  readonly overLimit: () => FakeResponse;
}

/** One offset page, or the error answer for bad paging parameters. */
export type OffsetPageResult<T> =
  | { readonly ok: true; readonly items: T[]; readonly next_page: string | null; readonly previous_page: string | null; readonly count: number }
  | { readonly ok: false; readonly response: FakeResponse };

const DEFAULT_PER_PAGE = 100;
const MAX_PER_PAGE = 100;

/**
 * Zendesk offset pagination (https://developer.zendesk.com/api-reference/introduction/pagination/):
 * `page` (default 1), `per_page` (default 100, larger values clamped to 100); `next_page`/`previous_page`
 * are absolute URLs on the request's own origin keeping its other parameters, null at either end;
 * `count` is the total. `page[size]` on an offset-only endpoint is a 400, as is a non-integer `page`.
 */
export function paginateOffset<T>(req: FakeRequest, items: readonly T[], limits: OffsetLimits): OffsetPageResult<T> {
  if (req.query.has('page[size]')) return { ok: false, response: invalidPageAttribute() };
  const page = parsePositive(req.query.get('page'), 1);
  if (page === null) return { ok: false, response: invalidPageAttribute() };
  const requestedPerPage = parsePositive(req.query.get('per_page'), DEFAULT_PER_PAGE);
  if (requestedPerPage === null) return { ok: false, response: invalidParameter('per_page must be a positive integer') };
  const perPage = Math.min(requestedPerPage, MAX_PER_PAGE);
  if (page * perPage > limits.maxRecords) return { ok: false, response: limits.overLimit() };
  const start = (page - 1) * perPage;
  const pageUrl = (n: number): string => {
    const url = new URL(req.path, req.origin);
    for (const [key, value] of req.query) url.searchParams.append(key, value);
    url.searchParams.set('page', String(n));
    return url.href;
  };
  // Like the real API, next_page follows `count` even past the cap, so a client that follows it blindly meets the cap's error.
  const hasNext = start + perPage < items.length;
  return {
    ok: true,
    items: items.slice(start, start + perPage),
    next_page: hasNext ? pageUrl(page + 1) : null,
    previous_page: page > 1 ? pageUrl(page - 1) : null,
    count: items.length,
  };
}

function parsePositive(text: string | null, fallback: number): number | null {
  if (text === null) return fallback;
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 && Number.isSafeInteger(value) ? value : null;
}
