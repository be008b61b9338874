import type { FakeRequest, FakeResponse } from '../fakeTypes.js';
import { invalidParameter } from './zendeskErrorBodies.js';

/** How one `sort_by` value orders records: the sort key of a record (records without one sort last). */
export type SortKeys<T> = Readonly<Record<string, (record: T) => number | string | null>>;

/** Sorted records, or the 400 answer for an unknown `sort_by`/`sort_order`. */
export type SortResult<T> = { readonly ok: true; readonly items: T[] } | { readonly ok: false; readonly response: FakeResponse };

/**
 * Applies `sort_by` (one of `keys`, else `defaults.key`; null keeps the input order) and `sort_order`
 * (`asc`|`desc`, default `defaults.order`; ignored when no sort key applies). Ties break on `id` in the same direction, so pages are stable.
 */
export function sortRecords<T extends { readonly id: number }>(
  req: FakeRequest,
  records: readonly T[],
  keys: SortKeys<T>,
  defaults: { readonly key: string | null; readonly order: 'asc' | 'desc' },
): SortResult<T> {
  const sortBy = req.query.get('sort_by') ?? defaults.key;
  const sortOrder = req.query.get('sort_order') ?? defaults.order;
  if (sortOrder !== 'asc' && sortOrder !== 'desc') return { ok: false, response: invalidParameter('sort_order must be asc or desc') };
  if (sortBy === null) return { ok: true, items: [...records] };
  const key = keys[sortBy];
  if (!key) return { ok: false, response: invalidParameter(`sort_by must be one of ${Object.keys(keys).join(', ')}`) };
  const sign = sortOrder === 'asc' ? 1 : -1;
  const items = [...records].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) {
      if (ka === null) return 1;
      if (kb === null) return -1;
      return (ka < kb ? -1 : 1) * sign;
    }
    return (a.id - b.id) * sign;
  });
  return { ok: true, items };
}
