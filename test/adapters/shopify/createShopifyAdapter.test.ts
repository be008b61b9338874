import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createShopifyAdapter } from '../../../src/adapters/shopify/index.js';
import type { BlockingKey } from '../../../src/adapters/types.js';
import { UpstreamError } from '../../../src/adapters/UpstreamError.js';
import type { IdentityRecord, Order } from '../../../src/domain/index.js';
import { ANA, BIG_ORDER, BULK_IDS, JANE, JOHN, fixtureCustomer, shopifyFixture } from '../../sandbox/shopify/shopifyFixture.js';
import { loggedRequestCost } from './fakeQueryCost.js';
import { startAdapterHarness, type AdapterHarness } from './startAdapterHarness.js';

const ids = (slot: IdentityRecord[] | Error | undefined): string[] => {
  if (!Array.isArray(slot)) throw slot ?? new Error('missing slot');
  return slot.map((r) => r.ref.id);
};
const orders = (slot: Order[] | Error | undefined): Order[] => {
  if (!Array.isArray(slot)) throw slot ?? new Error('missing slot');
  return slot;
};

describe('createShopifyAdapter: port', () => {
  it('declares the shopify kind with search and orders', async () => {
    const h = await startAdapterHarness();
    try {
      expect(h.adapter).toMatchObject({ name: 'shop', kind: 'shopify', capabilities: { search: true, orders: true, tickets: false, activities: false } });
      expect(typeof h.adapter.ordersByOwner).toBe('function');
    } finally {
      await h.close();
    }
  });

  it('answers empty batches without calls', async () => {
    const h = await startAdapterHarness();
    try {
      expect(await h.adapter.search([], {})).toEqual([]);
      expect(await h.adapter.getByIds([], {})).toEqual([]);
      expect(await h.adapter.ordersByOwner!([], {})).toEqual([]);
      expect(h.server.requests()).toHaveLength(0);
    } finally {
      await h.close();
    }
  });

  it('rejects invalid options with a TypeError naming the option', () => {
    expect(() => createShopifyAdapter({ name: 'shop', http: {} as never })).toThrow(/http must be an HttpClient/);
  });
});

describe('createShopifyAdapter: search', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness();
  });
  afterEach(() => h.server.reset());
  afterAll(() => h.close());

  it('finds a batch of emails with one call', async () => {
    const keys: BlockingKey[] = [
      { kind: 'email', value: 'jane@example.com' },
      { kind: 'email', value: 'john.smith@example.com' },
      { kind: 'email', value: 'ghost@example.com' },
    ];
    const result = await h.adapter.search(keys, {});
    expect(result.map(ids)).toEqual([[String(JANE)], [String(JOHN)], []]);
    expect(h.operations()).toEqual(['C360SearchCustomers']);
    expect(h.variables()[0]).toMatchObject({ query: 'email:"jane@example.com" OR email:"john.smith@example.com" OR email:"ghost@example.com"', after: null });
  });

  it('finds an email stored with spaces and capitals, from a key with both', async () => {
    const [slot] = await h.adapter.search([{ kind: 'email', value: ' JANE@example.COM ' }], {});
    expect(ids(slot)).toEqual([String(JANE)]);
    expect((slot as IdentityRecord[])[0]?.emails).toEqual([' Jane@Example.com ']);
  });

  it('finds a phone number', async () => {
    const [slot] = await h.adapter.search([{ kind: 'phone', value: '+12125550123' }], {});
    expect(ids(slot)).toEqual([String(ANA)]);
    expect(h.variables()[0]).toMatchObject({ query: 'phone:+12125550123' });
  });

  it('makes one call per key kind and none for identifiers', async () => {
    const result = await h.adapter.search(
      [
        { kind: 'email', value: 'jane@example.com' },
        { kind: 'identifier', type: 'loyaltyNumber', value: 'L-1' },
        { kind: 'name', family: 'Buyer', given: null },
        { kind: 'phone', value: '+14155551212' },
        { kind: 'email', value: 'JANE@example.com' },
      ],
      {},
    );
    expect(result.map(ids)).toEqual([[String(JANE)], [], BULK_IDS.map(String), [String(JANE)], [String(JANE)]]);
    expect(h.operations()).toEqual(['C360SearchCustomers', 'C360SearchCustomers', 'C360SearchCustomers']);
    expect(h.variables().map((v) => v['query']).sort()).toEqual(['email:"jane@example.com"', 'last_name:"Buyer"', 'phone:+14155551212']);
  });

  it('matches names on family and given name', async () => {
    const result = await h.adapter.search(
      [
        { kind: 'name', family: 'doe', given: 'Jane' },
        { kind: 'name', family: 'Doe', given: 'John' },
        { kind: 'name', family: 'Smith', given: null },
      ],
      {},
    );
    expect(result.map(ids)).toEqual([[String(JANE)], [], [String(JOHN)]]);
    expect(h.operations()).toHaveLength(1);
  });

  it('fills the slots of a failed query with its error and leaves keys without a call alone', async () => {
    h.server.addFault({ fault: { kind: 'preset', preset: 'serverError' } });
    const [email, identifier] = await h.adapter.search([{ kind: 'email', value: 'jane@example.com' }, { kind: 'identifier', type: 'x', value: '1' }], {});
    expect(email).toBeInstanceOf(UpstreamError);
    expect(email).toMatchObject({ kind: 'unavailable', status: 500 });
    expect(identifier).toEqual([]);
  });
});

describe('createShopifyAdapter: search paging', () => {
  const many = shopifyFixture();
  const dataset = {
    ...many,
    shopify: { ...many.shopify, customers: [...many.shopify.customers, ...Array.from({ length: 120 }, (_, i) => fixtureCustomer(9001 + i, { firstName: `M${i}`, lastName: 'Many' }))] },
  };

  it('follows pages to the end', async () => {
    const h = await startAdapterHarness({ dataset });
    try {
      const [slot] = await h.adapter.search([{ kind: 'name', family: 'Many', given: null }], {});
      expect(ids(slot)).toHaveLength(120);
      expect(new Set(ids(slot)).size).toBe(120);
      expect(h.operations()).toEqual(['C360SearchCustomers', 'C360SearchCustomers', 'C360SearchCustomers']);
      expect(h.variables().map((v) => v['first'])).toEqual([50, 50, 50]);
      expect(h.variables()[1]?.['after']).toEqual(expect.any(String));
      expect(h.warnings).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('stops at maxPages and logs the cut without customer data', async () => {
    const h = await startAdapterHarness({ dataset, adapter: { maxPages: 2 } });
    try {
      const [slot] = await h.adapter.search([{ kind: 'name', family: 'Many', given: null }], {});
      expect(ids(slot)).toHaveLength(100);
      expect(h.operations()).toHaveLength(2);
      expect(h.warnings).toHaveLength(1);
      expect(JSON.stringify(h.warnings)).not.toContain('Many');
    } finally {
      await h.close();
    }
  });
});

describe('createShopifyAdapter: getByIds', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness();
  });
  afterEach(() => h.server.reset());
  afterAll(() => h.close());

  it('keeps input order with nulls for unknown ids and errors for bad ids', async () => {
    const result = await h.adapter.getByIds([String(JANE), `gid://shopify/Customer/${JOHN}`, '999', 'not-an-id', String(JANE)], {});
    expect(result.map((r) => (r instanceof Error ? r.name : (r?.ref.id ?? null)))).toEqual([String(JANE), String(JOHN), null, 'UpstreamError', String(JANE)]);
    expect(result[3]).toMatchObject({ kind: 'rejected' });
    expect(h.variables()).toEqual([{ ids: [`gid://shopify/Customer/${JANE}`, `gid://shopify/Customer/${JOHN}`, 'gid://shopify/Customer/999'] }]);
  });

  it('maps the customer', async () => {
    const [jane] = await h.adapter.getByIds([String(JANE)], {});
    expect(jane).toEqual({
      ref: { source: 'shop', id: String(JANE) },
      names: [{ given: 'Jane', family: 'Doe', full: 'Jane Doe' }],
      emails: [' Jane@Example.com '],
      phones: ['+14155551212'],
      addresses: [{ line1: '1 Market St', city: 'San Francisco', region: 'CA', postcode: '94105', country: 'US' }],
      birthDate: null,
      identifiers: {},
      createdAt: '2024-01-01T10:00:00Z',
      updatedAt: '2024-06-01T10:00:00Z',
      consent: [
        { channel: 'email', status: 'OPTED_IN', sourceValue: 'emailMarketingState=SUBSCRIBED', updatedAt: '2024-06-01T10:00:00Z' },
        { channel: 'sms', status: 'NOT_OPTED_IN', sourceValue: 'smsMarketingState=NOT_SUBSCRIBED', updatedAt: '2024-06-01T10:00:00Z' },
      ],
    });
  });

  it('makes no call when every id is invalid', async () => {
    const result = await h.adapter.getByIds(['x', 'gid://shopify/Order/1'], {});
    expect(result.every((r) => r instanceof UpstreamError)).toBe(true);
    expect(h.server.requests()).toHaveLength(0);
  });

  it('chunks ids by 100 and fails only the slots of a failed chunk', async () => {
    h.server.addFault({ fault: { kind: 'preset', preset: 'serverError' }, times: 1 });
    const wanted = Array.from({ length: 150 }, (_, i) => String(i + 1));
    const result = await h.adapter.getByIds(wanted, {});
    expect(h.variables().map((v) => (v['ids'] as string[]).length)).toEqual([100, 50]);
    expect(result.slice(0, 100).every((r) => r instanceof UpstreamError && r.kind === 'unavailable')).toBe(true);
    expect(result.slice(100)).toEqual(Array.from({ length: 50 }, () => null));
  });
});

describe('createShopifyAdapter: ordersByOwner', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness();
  });
  afterEach(() => h.server.reset());
  afterAll(() => h.close());

  it('fetches orders for 20 customers with one call', async () => {
    const result = await h.adapter.ordersByOwner!(BULK_IDS.map(String), {});
    expect(h.operations()).toEqual(['C360OrdersByCustomers']);
    expect(h.variables()[0]).toMatchObject({ ordersFirst: 2, lineItemsFirst: 5 });
    expect(result.map((slot) => orders(slot).length)).toEqual(BULK_IDS.map((id) => id % 3));
    const two = orders(result[BULK_IDS.findIndex((id) => id % 3 === 2)]);
    expect(two).toHaveLength(2);
    expect(Date.parse(two[0]?.createdAt ?? '')).toBeGreaterThan(Date.parse(two[1]?.createdAt ?? ''));
    expect(loggedRequestCost(h.server.requests()[0]?.body ?? '')).toBeLessThanOrEqual(1000);
  });

  it('maps orders newest first with their line items', async () => {
    const [jane] = await h.adapter.ordersByOwner!([`gid://shopify/Customer/${JANE}`], {});
    expect(orders(jane).map((o) => o.number)).toEqual(['#5003', '#5002', '#5001']);
    expect(orders(jane)[1]).toEqual({
      ref: { source: 'shop', id: '5002' },
      ownerRef: { source: 'shop', id: String(JANE) },
      number: '#5002',
      createdAt: '2025-01-05T12:00:00Z',
      updatedAt: '2025-01-05T12:00:00Z',
      cancelledAt: null,
      financialStatus: 'PAID',
      fulfillmentStatus: 'FULFILLED',
      total: { amount: '22.00', currencyCode: 'USD' },
      lineItems: [
        { title: 'Item 1 of order 5002', sku: 'SKU-5002', quantity: 1, unitPrice: { amount: '10.50', currencyCode: 'USD' } },
        { title: 'Item 2 of order 5002', sku: null, quantity: 2, unitPrice: { amount: '10.50', currencyCode: 'USD' } },
      ],
    });
  });

  it('returns [] for an unknown customer and an error for a bad id', async () => {
    const [unknown, bad] = await h.adapter.ordersByOwner!(['424242', 'jane'], {});
    expect(unknown).toEqual([]);
    expect(bad).toMatchObject({ kind: 'rejected' });
    expect(h.variables()).toEqual([expect.objectContaining({ ids: ['gid://shopify/Customer/424242'] })]);
  });

  it('keeps every call of a whole-shop batch within 1000 points', async () => {
    const everyone = shopifyFixture().shopify.customers.map((c) => String(c.id));
    const result = await h.adapter.ordersByOwner!(everyone, {});
    expect(result.reduce((sum, slot) => sum + orders(slot).length, 0)).toBe(shopifyFixture().shopify.orders.length);
    const log = h.server.requests();
    expect(log.map((r) => r.status)).toEqual(log.map(() => 200));
    expect(Math.max(...log.map((r) => loggedRequestCost(r.body)))).toBeLessThanOrEqual(1000);
  });

  it('splits a batch too large for one call into even chunks', async () => {
    const hundred = Array.from({ length: 100 }, (_, i) => String(3001 + i));
    await h.adapter.ordersByOwner!(hundred, {});
    expect(h.variables().map((v) => (v['ids'] as string[]).length)).toEqual([34, 34, 32]);
    expect(h.server.requests().every((r) => loggedRequestCost(r.body) <= 1000)).toBe(true);
  });
});

describe('createShopifyAdapter: ordersByOwner paging', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness({ adapter: { ordersPageSize: 2 } });
  });
  afterEach(() => h.server.reset());
  afterAll(() => h.close());

  it('pages a long order list across several calls and follows long line-item lists', async () => {
    const [ana] = await h.adapter.ordersByOwner!([String(ANA)], {});
    expect(orders(ana).map((o) => o.number)).toEqual(['#5107', '#5106', '#5105', '#5104', '#5103', '#5102', '#5101']);
    expect(orders(ana).find((o) => o.ref.id === String(BIG_ORDER))?.lineItems).toHaveLength(8);
    expect(h.operations()).toEqual(['C360OrdersByCustomers', 'C360MoreOrders', 'C360MoreOrders', 'C360MoreOrders', 'C360MoreLineItems']);
    expect(h.variables().slice(1, 4).map((v) => v['after0'])).toEqual([expect.any(String), expect.any(String), expect.any(String)]);
  });

  it('continues several customers in the same follow-up call', async () => {
    const [ana, jane] = await h.adapter.ordersByOwner!([String(ANA), String(JANE)], {});
    expect(orders(ana)).toHaveLength(7);
    expect(orders(jane)).toHaveLength(3);
    expect(h.variables()[1]).toMatchObject({ id0: `gid://shopify/Customer/${ANA}`, id1: `gid://shopify/Customer/${JANE}` });
    expect(h.operations().filter((o) => o === 'C360MoreOrders')).toHaveLength(3);
  });

  it('fails only the customer whose follow-up failed', async () => {
    const h3 = await startAdapterHarness({ adapter: { ordersPageSize: 3 } });
    try {
      h3.server.addFault({ fault: { kind: 'preset', preset: 'serverError' }, afterNthMatch: 1, times: 1 });
      const [ana, jane] = await h3.adapter.ordersByOwner!([String(ANA), String(JANE)], {});
      expect(ana).toMatchObject({ kind: 'unavailable', vendorCode: 'INTERNAL_SERVER_ERROR' });
      expect(orders(jane)).toHaveLength(3);
    } finally {
      await h3.close();
    }
  });

  it('stops with bad_response when Shopify repeats a cursor', async () => {
    const page = { data: { c0: { orders: { nodes: [], pageInfo: { hasNextPage: true, endCursor: 'same' } } } } };
    h.server.addFault({ fault: { kind: 'status', status: 200, body: page }, afterNthMatch: 1 });
    const [ana] = await h.adapter.ordersByOwner!([String(ANA)], {});
    expect(ana).toMatchObject({ kind: 'bad_response', message: expect.stringContaining('same page cursor twice') });
    expect(h.operations()).toHaveLength(3);
  });
});

describe('createShopifyAdapter: vendor errors', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness({ timeoutMs: 300 });
  });
  afterEach(() => h.server.reset());
  afterAll(() => h.close());

  const firstSlot = async () => (await h.adapter.getByIds([String(JANE)], {}))[0];

  it('maps a THROTTLED 200 to rate_limited with the wait from the cost extension', async () => {
    h.server.addFault({ fault: { kind: 'preset', preset: 'throttle' } });
    expect(await firstSlot()).toMatchObject({ kind: 'rate_limited', vendorCode: 'THROTTLED', status: 200, retryAfterMs: 1000 });
  });

  it('maps 500 INTERNAL_SERVER_ERROR to unavailable', async () => {
    h.server.addFault({ fault: { kind: 'preset', preset: 'serverError' } });
    expect(await firstSlot()).toMatchObject({ kind: 'unavailable', vendorCode: 'INTERNAL_SERVER_ERROR', status: 500 });
  });

  it('maps 503 to unavailable', async () => {
    h.server.addFault({ fault: { kind: 'preset', preset: 'unavailable' } });
    expect(await firstSlot()).toMatchObject({ kind: 'unavailable', status: 503 });
  });

  it('maps MAX_COST_EXCEEDED to rejected', async () => {
    h.server.addFault({ fault: { kind: 'status', status: 200, body: { errors: [{ message: 'Query cost is 1250', extensions: { code: 'MAX_COST_EXCEEDED', cost: 1250, maxCost: 1000 } }] } } });
    expect(await firstSlot()).toMatchObject({ kind: 'rejected', vendorCode: 'MAX_COST_EXCEEDED' });
  });

  it.each([
    ['an HTML page', { kind: 'html' as const, status: 200 }],
    ['malformed JSON', { kind: 'malformedJson' as const }],
    ['an empty body', { kind: 'empty' as const }],
  ])('maps %s to bad_response', async (_name, fault) => {
    h.server.addFault({ fault });
    expect(await firstSlot()).toMatchObject({ kind: 'bad_response' });
  });

  it('maps an unexpected data shape to bad_response', async () => {
    h.server.addFault({ fault: { kind: 'status', status: 200, body: { data: { nodes: 'nope' } } } });
    expect(await firstSlot()).toMatchObject({ kind: 'bad_response', message: expect.stringContaining('at nodes') });
  });

  it('uses partial data and logs the errors without customer data', async () => {
    const jane = { id: `gid://shopify/Customer/${JANE}`, firstName: 'Jane', lastName: 'Doe', displayName: 'Jane Doe' };
    h.server.addFault({
      fault: { kind: 'status', status: 200, body: { data: { nodes: [jane, null] }, errors: [{ message: 'Access denied for jane@example.com', path: ['nodes', 1], extensions: { code: 'ACCESS_DENIED' } }] } },
    });
    const result = await h.adapter.getByIds([String(JANE), '2'], {});
    expect(result.map((r) => (r instanceof Error ? r : (r?.ref.id ?? null)))).toEqual([String(JANE), null]);
    const logged = JSON.stringify(h.warnings.at(-1));
    expect(logged).toContain('ACCESS_DENIED');
    expect(logged).not.toContain('jane@example.com');
  });

  it('gives up on a hung call with a timeout', async () => {
    h.server.addFault({ fault: { kind: 'hang' } });
    const started = Date.now();
    expect(await firstSlot()).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("honours the caller's abort signal", async () => {
    h.server.addFault({ fault: { kind: 'hang' } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const [slot] = await h.adapter.getByIds([String(JANE)], { signal: controller.signal });
    expect(slot).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(250);
  });
});

describe('createShopifyAdapter: auth and live throttling', () => {
  it('maps a refused token to auth', async () => {
    const h = await startAdapterHarness({ accessToken: 'shpat_wrong' });
    try {
      const [slot] = await h.adapter.search([{ kind: 'email', value: 'jane@example.com' }], {});
      expect(slot).toMatchObject({ kind: 'auth', status: 401 });
    } finally {
      await h.close();
    }
  });

  it("waits out the live bucket: retryAfterMs follows the shop's cost arithmetic", async () => {
    const h = await startAdapterHarness({ sandbox: { bucketSize: 100, restoreRate: 100 } });
    try {
      const [slot] = await h.adapter.search([{ kind: 'email', value: 'jane@example.com' }], {});
      // requested 2 + 50 × 4 = 202 against a full bucket of 100 restoring 100/s: (202 − 100) / 100 s
      expect(slot).toMatchObject({ kind: 'rate_limited', vendorCode: 'THROTTLED', retryAfterMs: 1020 });
    } finally {
      await h.close();
    }
  });
});
