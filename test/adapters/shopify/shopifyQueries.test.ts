import { describe, expect, it } from 'vitest';
import {
  connectionCost,
  CUSTOMER_COST,
  CUSTOMERS_BY_IDS,
  customerOrdersCost,
  largestFirst,
  LINE_ITEM_COST,
  moreLineItemsQuery,
  moreOrdersQuery,
  ORDERS_BY_CUSTOMERS,
  ordersByCustomersQuery,
  ordersCostModel,
  SEARCH_CUSTOMERS,
} from '../../../src/adapters/shopify/shopifyQueries.js';
import { fakeQueryCost } from './fakeQueryCost.js';

const gids = (type: string, n: number) => Array.from({ length: n }, (_, i) => `gid://shopify/${type}/${i + 1}`);
const aliasVars = (type: string, n: number) => Object.fromEntries(gids(type, n).flatMap((gid, i) => [[`id${i}`, gid], [`after${i}`, 'c']]));

describe('shopifyQueries: costs agree with the sandbox', () => {
  it.each([1, 50, 249])('search with first %i', (first) => {
    expect(fakeQueryCost(SEARCH_CUSTOMERS, { query: 'email:"a"', first, after: null })).toBe(connectionCost(first, CUSTOMER_COST));
  });

  it.each([1, 100])('customers by %i ids', (n) => {
    expect(fakeQueryCost(CUSTOMERS_BY_IDS, { ids: gids('Customer', n) })).toBe(n * CUSTOMER_COST);
  });

  it.each([
    [1, 25, 5],
    [20, 2, 5],
    [43, 1, 5],
    [3, 4, 12],
  ])('first orders for %i customers × %i orders × %i line items', (customers, ordersFirst, lineItemsFirst) => {
    expect(fakeQueryCost(ORDERS_BY_CUSTOMERS, { ids: gids('Customer', customers), ordersFirst, lineItemsFirst })).toBe(customers * customerOrdersCost(ordersFirst, lineItemsFirst));
  });

  it.each([
    [1, 25, 5],
    [2, 10, 3],
  ])('more orders for %i customers × %i orders × %i line items', (customers, ordersFirst, lineItemsFirst) => {
    expect(fakeQueryCost(moreOrdersQuery(customers), { ordersFirst, lineItemsFirst, ...aliasVars('Customer', customers) })).toBe(customers * customerOrdersCost(ordersFirst, lineItemsFirst));
  });

  it.each([
    [1, 10, 5, true],
    [1, 10, null, true],
    [40, 2, null, true],
    [20, 3, 5, false],
    [7, 4, null, false],
  ])('first orders for %i customers × %i orders × %s line items, customer fields %s', (customers, ordersFirst, lineItemsFirst, withCustomer) => {
    const query = ordersByCustomersQuery({ withCustomer, lineItems: lineItemsFirst !== null });
    const model = ordersCostModel(lineItemsFirst, withCustomer);
    const variables = { ids: gids('Customer', customers), ordersFirst, ...(lineItemsFirst === null ? {} : { lineItemsFirst }) };
    expect(fakeQueryCost(query, variables)).toBe(customers * (model.customer + connectionCost(ordersFirst, model.order)));
  });

  it('more orders without line items', () => {
    expect(fakeQueryCost(moreOrdersQuery(3, false), { ordersFirst: 10, ...aliasVars('Customer', 3) })).toBe(3 * (1 + connectionCost(10, ordersCostModel(null).order)));
  });

  it.each([1, 3])('more line items for %i orders', (orders) => {
    expect(fakeQueryCost(moreLineItemsQuery(orders), { lineItemsFirst: 100, ...aliasVars('Order', orders) })).toBe(orders * (1 + connectionCost(100, LINE_ITEM_COST)));
  });

  it('sizes the largest page within the cap', () => {
    expect(largestFirst(CUSTOMER_COST)).toBe(249);
    expect(largestFirst(1)).toBe(250);
    expect(connectionCost(largestFirst(CUSTOMER_COST), CUSTOMER_COST)).toBeLessThanOrEqual(1000);
  });
});
