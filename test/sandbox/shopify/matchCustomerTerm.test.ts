import { describe, expect, it } from 'vitest';
import type { ShopifyCustomer } from '../../../src/sandbox/dataset/types.js';
import { matchCustomerTerm } from '../../../src/sandbox/shopify/matchCustomerTerm.js';
import { matchesSearch } from '../../../src/sandbox/shopify/matchesSearch.js';
import { parseSearchQuery } from '../../../src/sandbox/shopify/parseSearchQuery.js';
import { JANE, shopifyFixture } from './shopifyFixture.js';

const jane = shopifyFixture().shopify.customers.find((c) => c.id === JANE) as ShopifyCustomer;
const matches = (query: string): boolean => matchesSearch(parseSearchQuery(query), (t) => matchCustomerTerm(jane, t));

describe('matchCustomerTerm: customer search fields', () => {
  const cases: Array<[string, boolean]> = [
    ['', true],
    ['email:jane@example.com', true],
    ['email:"JANE@EXAMPLE.COM"', true],
    ['email:" jane@example.com "', true],
    ['email:jane@example.org', false],
    ['email:jane*', true],
    ['phone:+14155551212', true],
    ['phone:"+1 (415) 555-1212"', true],
    ['phone:4155551212', false],
    ['phone:""', false],
    ['first_name:jane', true],
    ['last_name:DOE', true],
    ['last_name:Do', false],
    ['first_name:Jane last_name:Smith', false],
    ['last_name:Smith OR last_name:Doe', true],
    [`id:${JANE}`, true],
    [`id:>${JANE}`, false],
    [`id:>=${JANE}`, true],
    ['state:enabled', true],
    ['-state:enabled', false],
    ['tag:VIP', true],
    ['jan', true],
    ['Jane Doe', true],
    ['Jane Smith', false],
    ['example', false],
    ['created_at:>2023-12-31', true],
    ['created_at:<2023-12-31', false],
    ['orders_count:3', false],
  ];

  it.each(cases)('evaluates %j against Jane as %s', (query, expected) => {
    expect(matches(query)).toBe(expected);
  });
});
