import { describe, expect, it } from 'vitest';
import type { ShopifyOrder } from '../../../src/sandbox/dataset/types.js';
import { matchesSearch } from '../../../src/sandbox/shopify/matchesSearch.js';
import { matchOrderTerm } from '../../../src/sandbox/shopify/matchOrderTerm.js';
import { parseSearchQuery } from '../../../src/sandbox/shopify/parseSearchQuery.js';
import { JANE, shopifyFixture } from './shopifyFixture.js';

const order = shopifyFixture().shopify.orders.find((o) => o.id === 5002) as ShopifyOrder;
const matches = (query: string): boolean => matchesSearch(parseSearchQuery(query), (t) => matchOrderTerm(order, t));

describe('matchOrderTerm: order search fields', () => {
  const cases: Array<[string, boolean]> = [
    [`customer_id:${JANE}`, true],
    ['customer_id:1002', false],
    ['id:5002', true],
    ['id:<5002', false],
    ['name:#5002', true],
    ['name:5002', true],
    ['5002', true],
    ['financial_status:paid', true],
    ['fulfillment_status:unfulfilled', false],
    ['created_at:>2025-01-01', true],
    ['processed_at:<2025-01-01', false],
    ['updated_at:>=2025-01-05', true],
    ['gateway:manual', false],
  ];

  it.each(cases)('evaluates %j against order #5002 as %s', (query, expected) => {
    expect(matches(query)).toBe(expected);
  });
});
