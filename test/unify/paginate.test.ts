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
    const page = paginate(items, (i) => i.at, 10, null);
    expect(page.nodes.map((n) => n.ref.id)).toEqual(['4', '2', '3', '1', '5']);
    expect(page.totalCount).toBe(5);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('compares times across the sources\' formats', () => {
    const mixed = [item('zendesk', 'z', '2025-03-01T10:00:01Z'), item('salesforce', 's', '2025-03-01T10:00:00.500+0000'), item('salesforce', 'd', '2025-03-02')];
    expect(paginate(mixed, (i) => i.at, 10, null).nodes.map((n) => n.ref.id)).toEqual(['d', 'z', 's']);
  });

  it('walks pages with the end cursor without skipping or repeating', () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard += 1) {
      const page: Page<(typeof items)[number]> = paginate(items, (i) => i.at, 2, after);
      seen.push(...page.nodes.map((n) => n.ref.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['4', '2', '3', '1', '5']);
  });

  it('keeps its place when a newer item arrives between pages', () => {
    const first = paginate(items, (i) => i.at, 2, null);
    const grown = [...items, item('shopify', '9', '2026-01-01T00:00:00.000Z')];
    const second = paginate(grown, (i) => i.at, 2, first.pageInfo.endCursor);
    expect(second.nodes.map((n) => n.ref.id)).toEqual(['3', '1']);
  });

  it.each([0, -1, 101, 1.5])('rejects first=%s with BAD_USER_INPUT', (first) => {
    expect(() => paginate(items, (i) => i.at, first, null)).toThrowError(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });

  it.each(['garbage', Buffer.from('["v2","x","y"]').toString('base64url'), ''])('rejects cursor %j with INVALID_CURSOR', (cursor) => {
    if (cursor === '') {
      // An empty cursor means "from the start", as Relay clients send it.
      expect(paginate(items, (i) => i.at, 1, cursor).nodes).toHaveLength(1);
      return;
    }
    expect(() => paginate(items, (i) => i.at, 2, cursor)).toThrowError(expect.objectContaining({ extensions: expect.objectContaining({ code: 'INVALID_CURSOR' }) }));
  });
});
