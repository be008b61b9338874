import { describe, expect, it } from 'vitest';
import type { Order } from '../../../src/domain/index.js';
import { mapLineItem, mapOrder } from '../../../src/adapters/shopify/mapOrder.js';
import type { WireLineItem, WireOrder } from '../../../src/adapters/shopify/wireSchemas.js';

const item: WireLineItem = {
  id: 'gid://shopify/LineItem/1',
  title: 'Mug',
  sku: 'MUG-1',
  quantity: 2,
  originalUnitPriceSet: { shopMoney: { amount: '9.50', currencyCode: 'EUR' } },
};
const base: WireOrder = {
  id: 'gid://shopify/Order/450789469',
  name: '#1001',
  createdAt: '2025-05-01T10:00:00Z',
  updatedAt: '2025-05-02T10:00:00Z',
  cancelledAt: null,
  displayFinancialStatus: 'PAID',
  displayFulfillmentStatus: 'FULFILLED',
  totalPriceSet: { shopMoney: { amount: '199.00', currencyCode: 'USD' } },
  lineItems: { nodes: [item], pageInfo: { hasNextPage: false, endCursor: null } },
};
const owner = { source: 'shop', id: '7' };

describe('mapOrder: Order → domain Order', () => {
  const cases: Array<[string, Partial<WireOrder>, readonly WireLineItem[], Partial<Order>]> = [
    [
      'a paid order',
      {},
      [item],
      {
        ref: { source: 'shop', id: '450789469' },
        ownerRef: owner,
        number: '#1001',
        createdAt: '2025-05-01T10:00:00Z',
        updatedAt: '2025-05-02T10:00:00Z',
        cancelledAt: null,
        financialStatus: 'PAID',
        fulfillmentStatus: 'FULFILLED',
        total: { amount: '199.00', currencyCode: 'USD' },
        lineItems: [{ title: 'Mug', sku: 'MUG-1', quantity: 2, unitPrice: { amount: '9.50', currencyCode: 'EUR' } }],
      },
    ],
    ['a cancelled order', { cancelledAt: '2025-05-03T00:00:00Z', displayFinancialStatus: 'VOIDED' }, [], { cancelledAt: '2025-05-03T00:00:00Z', financialStatus: 'VOIDED', lineItems: [] }],
    ['no financial status', { displayFinancialStatus: null, updatedAt: undefined }, [], { financialStatus: null, updatedAt: null }],
    ['line items given separately (followed pages)', {}, [item, { ...item, id: 'gid://shopify/LineItem/2', title: 'Plate' }], { lineItems: [expect.objectContaining({ title: 'Mug' }), expect.objectContaining({ title: 'Plate' })] as never }],
  ];

  it.each(cases)('maps %s', (_name, patch, items, expected) => {
    expect(mapOrder({ ...base, ...patch }, items, owner)).toMatchObject(expected);
  });
});

describe('mapOrder: LineItem → OrderLineItem', () => {
  const cases: Array<[string, Partial<WireLineItem>, string | null]> = [
    ['a SKU', {}, 'MUG-1'],
    ['an empty SKU', { sku: '' }, null],
    ['a null SKU', { sku: null }, null],
  ];

  it.each(cases)('maps %s', (_name, patch, sku) => {
    expect(mapLineItem({ ...item, ...patch })).toEqual({ title: 'Mug', sku, quantity: 2, unitPrice: { amount: '9.50', currencyCode: 'EUR' } });
  });
});
