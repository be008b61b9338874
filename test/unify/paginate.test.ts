import { describe, expect, it } from 'vitest';
import { paginate, type Page } from '../../src/unify/index.js';

const item = (source: string, id: string, at: string) => ({ ref: { source, id }, at });
const items = [
  item('shopify', '1', '2025-01-01T00:00:00.000Z'),
  item('zendesk', '2', '2025-03-01T00:00:00.000Z'),
  item('salesforce', '3', '2025-02-01T00:00:00.000Z'),
  item('shopify', '4', '2025-03-01T00:00:00.000Z'),
  item('zendesk', '5', '2024-12-01T00:00:00.000Z'),
];

describe('paginate: merged newest-first pages', () => {
  it('orders newest first across sources, ties by source/id', () => {
    const page = paginate(items, (i) => i.at, 10, null, 'orders');
    expect(page.nodes.map((n) => n.ref.id)).toEqual(['4', '2', '3', '1', '5']);
    expect(page.totalCount).toBe(5);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('compares times across the sources\' formats', () => {
    const mixed = [item('zendesk', 'z', '2025-03-01T10:00:01Z'), item('salesforce', 's', '2025-03-01T10:00:00.500+0000'), item('salesforce', 'd', '2025-03-02')];
    expect(paginate(mixed, (i) => i.at, 10, null, 'orders').nodes.map((n) => n.ref.id)).toEqual(['d', 'z', 's']);
  });

  it('walks pages with the end cursor without skipping or repeating', () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard += 1) {
      const page: Page<(typeof items)[number]> = paginate(items, (i) => i.at, 2, after, 'orders');
      seen.push(...page.nodes.map((n) => n.ref.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['4', '2', '3', '1', '5']);
  });

  it('keeps its place when a newer item arrives between pages', () => {
    const first = paginate(items, (i) => i.at, 2, null, 'orders');
    const grown = [...items, item('shopify', '9', '2026-01-01T00:00:00.000Z')];
    const second = paginate(grown, (i) => i.at, 2, first.pageInfo.endCursor, 'orders');
    expect(second.nodes.map((n) => n.ref.id)).toEqual(['3', '1']);
  });

  it.each([0, -1, 101, 1.5])('rejects first=%s with BAD_USER_INPUT', (first) => {
    expect(() => paginate(items, (i) => i.at, first, null, 'orders')).toThrowError(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });

  it.each(['garbage', Buffer.from('["v2","x","y"]').toString('base64url'), ''])('rejects cursor %j with INVALID_CURSOR', (cursor) => {
    if (cursor === '') {
      // An empty cursor means "from the start", as Relay clients send it.
      expect(paginate(items, (i) => i.at, 1, cursor, 'orders').nodes).toHaveLength(1);
      return;
    }
    expect(() => paginate(items, (i) => i.at, 2, cursor, 'orders')).toThrowError(expect.objectContaining({ extensions: expect.objectContaining({ code: 'INVALID_CURSOR' }) }));
  });

  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const issued = paginate(items, (i) => i.at, 2, null, 'orders').pageInfo.endCursor!;

  it.each<[string, string]>([
    ['the issue\'s forged timeline cursor ["v1","not-a-date","x"]', 'WyJ2MSIsIm5vdC1hLWRhdGUiLCJ4Il0'],
    ['an old three-part cursor with a valid date', b64(['v1', '2025-01-01T00:00:00.000Z', 'shopify/1'])],
    ['a cursor of another field', paginate(items, (i) => i.at, 2, null, 'tickets').pageInfo.endCursor!],
    ['trailing junk', `${issued}~~junk`],
    ['extra base64url characters', `${issued}AAAA`],
    ['a padded form', `${issued}==`],
    ['a time that is not a date', b64(['v2', 'orders', 'not-a-date', 'shopify/1'])],
    ['a date that is not in canonical form', b64(['v2', 'orders', '2025-01-01', 'shopify/1'])],
    ['an empty key', b64(['v2', 'orders', '2025-01-01T00:00:00.000Z', ''])],
    ['a 50,000-character key', b64(['v2', 'orders', '2025-01-01T00:00:00.000Z', 'x'.repeat(50_000)])],
    ['a number for the time', b64(['v2', 'orders', 20250101, 'shopify/1'])],
    ['a fifth element', b64(['v2', 'orders', '2025-01-01T00:00:00.000Z', 'shopify/1', 'x'])],
    ['an object', b64({ v: 2, field: 'orders' })],
    ['JSON null', b64(null)],
    ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0x5b]).toString('base64url')],
  ])('rejects %s with INVALID_CURSOR naming the argument', (_name, cursor) => {
    expect(() => paginate(items, (i) => i.at, 2, cursor, 'orders')).toThrowError(expect.objectContaining({ extensions: expect.objectContaining({ code: 'INVALID_CURSOR', argument: 'after' }) }));
  });

  it('accepts its own cursor for the same field only', () => {
    expect(paginate(items, (i) => i.at, 2, issued, 'orders').nodes.map((n) => n.ref.id)).toEqual(['3', '1']);
    expect(() => paginate(items, (i) => i.at, 2, issued, 'timeline')).toThrowError(expect.objectContaining({ extensions: expect.objectContaining({ code: 'INVALID_CURSOR' }) }));
  });

  it('issues cursors for items whose time is not a date, sorted oldest, and accepts them back', () => {
    const odd = [...items, item('zendesk', '6', 'garbage')];
    const first = paginate(odd, (i) => i.at, 5, null, 'orders');
    expect(first.nodes.map((n) => n.ref.id)).toEqual(['4', '2', '3', '1', '5']);
    expect(paginate(odd, (i) => i.at, 5, first.pageInfo.endCursor, 'orders').nodes.map((n) => n.ref.id)).toEqual(['6']);
  });
});
