import type { SandboxDataset, ShopifyCustomer, ShopifyLineItem, ShopifyOrder } from '../../../src/sandbox/dataset/types.js';

/** Ids of the fixture's notable customers. */
export const JANE = 1001;
export const JOHN = 1002;
/** Ana has 7 orders (one with 8 line items): enough to page. */
export const ANA = 1003;
/** No name, no phone: only an email. */
export const NAMELESS = 1004;
/** 20 bulk customers 2001..2020 with 0, 1 or 2 orders each (id % 3). */
export const BULK_IDS: readonly number[] = Array.from({ length: 20 }, (_, i) => 2001 + i);
/** Ana's order with 8 line items. */
export const BIG_ORDER = 5103;

/** A customer with defaults for every field not given. */
export function fixtureCustomer(id: number, fields: Partial<ShopifyCustomer>): ShopifyCustomer {
  return {
    id,
    firstName: null,
    lastName: null,
    email: null,
    phone: null,
    emailMarketingState: 'NOT_SUBSCRIBED',
    smsMarketingState: 'NOT_SUBSCRIBED',
    state: 'ENABLED',
    tags: [],
    defaultAddress: null,
    note: null,
    createdAt: '2024-01-01T10:00:00.000Z',
    updatedAt: '2024-06-01T10:00:00.000Z',
    ...fields,
  };
}

function order(id: number, customerId: number, day: number, itemCount = 1): ShopifyOrder {
  const lineItems: ShopifyLineItem[] = Array.from({ length: itemCount }, (_, i) => ({
    id: id * 100 + i,
    title: `Item ${i + 1} of order ${id}`,
    sku: i === 0 ? `SKU-${id}` : '',
    quantity: i + 1,
    unitPrice: '10.50',
  }));
  const created = new Date(Date.UTC(2025, 0, day, 12)).toISOString();
  return {
    id,
    customerId,
    name: `#${id}`,
    createdAt: created,
    processedAt: created,
    updatedAt: created,
    cancelledAt: null,
    displayFinancialStatus: 'PAID',
    displayFulfillmentStatus: 'FULFILLED',
    currencyCode: 'USD',
    subtotalPrice: '21.00',
    totalTax: '1.00',
    totalPrice: '22.00',
    lineItems,
  };
}

/** A small hand-written dataset whose Shopify part exercises search, paging and batching exactly. */
export function shopifyFixture(): SandboxDataset {
  const customers: ShopifyCustomer[] = [
    fixtureCustomer(JANE, {
      firstName: 'Jane',
      lastName: 'Doe',
      email: ' Jane@Example.com ',
      phone: '+14155551212',
      emailMarketingState: 'SUBSCRIBED',
      tags: ['vip'],
      defaultAddress: { address1: '1 Market St', city: 'San Francisco', provinceCode: 'CA', zip: '94105', countryCode: 'US' },
    }),
    fixtureCustomer(JOHN, { firstName: 'John', lastName: 'Smith', email: 'john.smith@example.com', phone: '+14155550000', state: 'DISABLED' }),
    fixtureCustomer(ANA, { firstName: 'Ana', lastName: 'Lopez', phone: '+12125550123', createdAt: '2023-05-05T08:00:00.000Z' }),
    fixtureCustomer(NAMELESS, { email: 'nobody@example.com' }),
    ...BULK_IDS.map((id) => fixtureCustomer(id, { firstName: `Bulk${id}`, lastName: 'Buyer', email: `bulk${id}@example.com` })),
  ];
  const orders: ShopifyOrder[] = [
    order(5001, JANE, 1),
    order(5002, JANE, 5, 2),
    order(5003, JANE, 9),
    ...Array.from({ length: 7 }, (_, i) => order(5101 + i, ANA, 10 + i, 5101 + i === BIG_ORDER ? 8 : 1)),
  ];
  let next = 6001;
  for (const id of BULK_IDS) {
    for (let k = 0; k < id % 3; k += 1) orders.push(order(next++, id, 20 + k));
  }
  return {
    seed: 1,
    size: customers.length,
    now: '2025-06-01T00:00:00.000Z',
    people: [],
    salesforce: { accounts: [], contacts: [], cases: [], tasks: [] },
    shopify: { customers, orders },
    zendesk: { users: [], tickets: [] },
    truth: [],
  };
}
