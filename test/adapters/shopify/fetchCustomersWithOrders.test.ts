import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RecordWithRelated } from '../../../src/adapters/types.js';
import { ANA, BIG_ORDER, BULK_IDS, JANE, JOHN, shopifyFixture } from '../../sandbox/shopify/shopifyFixture.js';
import { loggedRequestCost } from './fakeQueryCost.js';
import { startAdapterHarness, type AdapterHarness } from './startAdapterHarness.js';

const ORDERS = { orders: true, tickets: false, activities: false } as const;
const answer = (slot: RecordWithRelated | Error | undefined): RecordWithRelated => {
  if (slot === undefined || slot instanceof Error) throw slot ?? new Error('missing slot');
  return slot;
};

describe('createShopifyAdapter: fetchWithRelated (customer + orders in one nodes(ids:) call)', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness();
  });
  afterEach(() => h.server.reset());
  afterAll(() => h.close());

  it('answers what getByIds and ordersByOwner answer, with one call instead of two', async () => {
    const ids = [String(JANE), String(JOHN), ...BULK_IDS.slice(0, 5).map(String)];
    const [records, lists] = [await h.adapter.getByIds(ids, {}), await h.adapter.ordersByOwner!(ids, {})];
    h.server.reset();
    const fused = await h.adapter.fetchWithRelated!(ids, ORDERS, {});
    expect(h.operations()).toEqual(['C360CustomersWithOrders']);
    expect(fused.map((slot) => answer(slot).record)).toEqual(records);
    expect(fused.map((slot) => answer(slot).orders)).toEqual(lists);
    expect(loggedRequestCost(h.server.requests()[0]!.body)).toBeLessThanOrEqual(1000);
  });

  it('leaves line items out when told the operation reads none, in the query itself', async () => {
    const [full] = await h.adapter.ordersByOwner!([String(JANE)], {});
    h.server.reset();
    const [jane] = await h.adapter.fetchWithRelated!([String(JANE)], { ...ORDERS, lineItems: false }, {});
    const body = JSON.parse(h.server.requests()[0]!.body) as { query: string; variables: Record<string, unknown> };
    expect(body.query).not.toContain('lineItems');
    expect(body.variables).not.toHaveProperty('lineItemsFirst');
    expect(answer(jane).orders).toEqual((full as Array<{ lineItems: unknown }>).map((o) => ({ ...o, lineItems: [] })));
  });

  it('follows long order lists and long line-item lists as ordersByOwner does', async () => {
    const owner = shopifyFixture().shopify.orders.find((o) => o.id === BIG_ORDER)!.customerId;
    const ids = [String(ANA), String(owner)];
    const lists = await h.adapter.ordersByOwner!(ids, {});
    h.server.reset();
    const fused = await h.adapter.fetchWithRelated!(ids, ORDERS, {});
    expect(fused.map((slot) => answer(slot).orders)).toEqual(lists);
    expect(h.operations()[0]).toBe('C360CustomersWithOrders');
    expect(h.server.requests().every((r) => loggedRequestCost(r.body) <= 1000)).toBe(true);
  });

  it('gives { record: null, orders: [] } for an unknown customer and a rejected error for a bad id, without a call for it', async () => {
    const [unknown, bad] = await h.adapter.fetchWithRelated!(['424242', 'jane'], ORDERS, {});
    expect(unknown).toEqual({ record: null, orders: [] });
    expect(bad).toMatchObject({ kind: 'rejected' });
    expect(h.variables()).toEqual([expect.objectContaining({ ids: ['gid://shopify/Customer/424242'] })]);
  });

  it('fails the slots of a failed call with the upstream error', async () => {
    h.server.addFault({ fault: { kind: 'preset', preset: 'serverError' } });
    const result = await h.adapter.fetchWithRelated!([String(JANE), String(JOHN)], ORDERS, {});
    expect(result).toEqual([expect.objectContaining({ kind: 'unavailable' }), expect.objectContaining({ kind: 'unavailable' })]);
  });
});

describe('createShopifyAdapter: fetchWithRelated follow-ups', () => {
  it('pages long order lists with C360MoreOrders, and a failed follow-up fails only that customer\'s orders', async () => {
    const h = await startAdapterHarness({ adapter: { ordersPageSize: 3 } });
    try {
      const lists = await h.adapter.ordersByOwner!([String(ANA), String(JANE)], {});
      h.server.reset();
      const fused = await h.adapter.fetchWithRelated!([String(ANA), String(JANE)], ORDERS, {});
      expect(fused.map((slot) => answer(slot).orders)).toEqual(lists);
      expect(h.operations()[0]).toBe('C360CustomersWithOrders');
      expect(h.operations().slice(1).every((o) => o === 'C360MoreOrders' || o === 'C360MoreLineItems')).toBe(true);
      expect(h.operations()).toContain('C360MoreOrders');

      h.server.reset();
      h.server.addFault({ fault: { kind: 'preset', preset: 'serverError' }, afterNthMatch: 1, times: 1 });
      const [ana, jane] = await h.adapter.fetchWithRelated!([String(ANA), String(JANE)], ORDERS, {});
      expect(answer(ana).record?.ref).toEqual({ source: 'shop', id: String(ANA) });
      expect(answer(ana).orders).toMatchObject({ kind: 'unavailable' });
      expect(answer(jane).orders).toHaveLength(3);
    } finally {
      await h.close();
    }
  });
});

describe('createShopifyAdapter: fetchWithRelated with ordersFirst (page size pushed down)', () => {
  it('reads only each customer\'s newest N orders, stops follow-ups there, and answers numberOfOrders as ordersTotal', async () => {
    const h = await startAdapterHarness({ adapter: { ordersPageSize: 3 } });
    try {
      const all = await h.adapter.ordersByOwner!([String(ANA), String(JANE), '424242'], {});
      h.server.reset();
      const cut = await h.adapter.fetchWithRelated!([String(ANA), String(JANE), '424242'], { ...ORDERS, lineItems: false, ordersFirst: 2 }, {});
      expect(h.operations()).toEqual(['C360CustomersWithOrders']);
      expect(h.variables()[0]).toMatchObject({ ordersFirst: 2 });
      cut.forEach((slot, i) => {
        const full = all[i] as Array<{ number: string }>;
        expect((answer(slot).orders as Array<{ number: string }>).map((o) => o.number)).toEqual(full.slice(0, 2).map((o) => o.number));
        expect(answer(slot).ordersTotal).toBe(full.length);
      });
      expect((all[0] as unknown[]).length).toBeGreaterThan(3);

      // A first call that can carry fewer than N per customer continues only up to N.
      h.server.reset();
      const [ana] = await h.adapter.fetchWithRelated!([String(ANA)], { ...ORDERS, ordersFirst: 5 }, {});
      expect(h.operations()).toEqual(['C360CustomersWithOrders', 'C360MoreOrders', ...h.operations().slice(2).filter((o) => o === 'C360MoreLineItems')]);
      expect((answer(ana).orders as unknown[]).length).toBe(Math.min(5, (all[0] as unknown[]).length));
    } finally {
      await h.close();
    }
  });
});
