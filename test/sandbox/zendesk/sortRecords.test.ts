import { describe, expect, it } from 'vitest';
import { sortRecords } from '../../../src/sandbox/zendesk/sortRecords.js';
import { fakeRequest } from './zendeskFixture.js';

const records = [
  { id: 3, at: 20 },
  { id: 1, at: 30 },
  { id: 2, at: 20 },
  { id: 4, at: null },
];
const keys = { id: (r: (typeof records)[number]) => r.id, at: (r: (typeof records)[number]) => r.at };

describe('sortRecords: sort_by and sort_order', () => {
  it.each<[string, number[]]>([
    ['/x', [1, 2, 3, 4]],
    ['/x?sort_order=desc', [4, 3, 2, 1]],
    ['/x?sort_by=at', [2, 3, 1, 4]],
    ['/x?sort_by=at&sort_order=desc', [1, 3, 2, 4]],
  ])('orders %s as %j', (path, ids) => {
    const result = sortRecords(fakeRequest(path), records, keys, { key: 'id', order: 'asc' });
    if (!result.ok) throw new Error('expected items');
    expect(result.items.map((r) => r.id)).toEqual(ids);
  });

  it('keeps input order without a sort key', () => {
    const result = sortRecords(fakeRequest('/x?sort_order=asc'), records, keys, { key: null, order: 'desc' });
    expect(result.ok && result.items.map((r) => r.id)).toEqual([3, 1, 2, 4]);
  });

  it.each(['/x?sort_by=name', '/x?sort_order=up'])('refuses %s with 400', (path) => {
    const result = sortRecords(fakeRequest(path), records, keys, { key: 'id', order: 'asc' });
    expect(result.ok ? null : result.response.status).toBe(400);
  });
});
