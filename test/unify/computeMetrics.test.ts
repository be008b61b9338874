import { describe, expect, it } from 'vitest';
import type { Order, Ticket } from '../../src/domain/index.js';
import { buildTimeline, computeMetrics, fromMinor, rfmScores, toMinor } from '../../src/unify/index.js';

const NOW_MS = Date.parse('2026-11-01T00:00:00.000Z');
const DAY = 86_400_000;
let n = 0;
const order = (daysAgo: number, amount: string, over: Partial<Order> = {}): Order => ({
  ref: { source: 'shopify', id: String((n += 1)) },
  ownerRef: { source: 'shopify', id: '7' },
  number: `#${n}`,
  createdAt: new Date(NOW_MS - daysAgo * DAY).toISOString(),
  updatedAt: null,
  cancelledAt: null,
  financialStatus: 'PAID',
  fulfillmentStatus: 'FULFILLED',
  total: { amount, currencyCode: 'USD' },
  lineItems: [],
  ...over,
});
const ticket = (status: Ticket['status']): Ticket => ({
  ref: { source: 'zendesk', id: String((n += 1)) },
  ownerRef: { source: 'zendesk', id: '9' },
  kind: 'TICKET',
  number: '1',
  subject: 's',
  status,
  sourceStatus: status.toLowerCase(),
  priority: null,
  channel: null,
  createdAt: new Date(NOW_MS - 3 * DAY).toISOString(),
  updatedAt: null,
  closedAt: null,
});
const metricsOf = (orders: Order[], tickets: Ticket[] = []) =>
  computeMetrics(orders, tickets, buildTimeline({ orders, tickets, activities: [] }, new Date(NOW_MS).toISOString()), NOW_MS, 30);

describe('computeMetrics: definitions', () => {
  it.each([
    { name: 'no orders', orders: [], ltv: null, count: 0, aov: null },
    { name: 'sums paid orders', orders: [order(10, '10.10'), order(40, '20.20')], ltv: '30.30', count: 2, aov: '15.15' },
    { name: 'leaves out cancelled, voided and refunded orders', orders: [order(10, '10.00'), order(5, '99.00', { cancelledAt: '2026-10-28T00:00:00Z' }), order(6, '5.00', { financialStatus: 'VOIDED' }), order(7, '7.00', { financialStatus: 'REFUNDED' })], ltv: '10.00', count: 1, aov: '10.00' },
    { name: 'keeps partially refunded orders at their total', orders: [order(10, '10.00', { financialStatus: 'PARTIALLY_REFUNDED' })], ltv: '10.00', count: 1, aov: '10.00' },
    { name: 'rounds the average to the minor unit', orders: [order(1, '10.00'), order(2, '10.00'), order(3, '10.01')], ltv: '30.01', count: 3, aov: '10.00' },
  ])('$name', ({ orders, ltv, count, aov }) => {
    const m = metricsOf(orders);
    expect(m.lifetimeValue?.amount ?? null).toBe(ltv);
    expect(m.orderCount).toBe(count);
    expect(m.averageOrderValue?.amount ?? null).toBe(aov);
  });

  it('uses the currency of most orders and counts the others apart', () => {
    const m = metricsOf([order(1, '10.00'), order(2, '5.00'), order(3, '1000', { total: { amount: '1000', currencyCode: 'JPY' } })]);
    expect(m.lifetimeValue).toEqual({ amount: '15.00', currencyCode: 'USD' });
    expect(m.otherCurrencyOrders).toBe(1);
  });

  it('counts days, recent orders, open tickets, cancellations and refunds', () => {
    const m = metricsOf([order(100, '1'), order(10, '1'), order(5, '1', { cancelledAt: '2026-10-27T00:00:00Z' }), order(50, '1', { financialStatus: 'REFUNDED' })], [ticket('OPEN'), ticket('PENDING'), ticket('SOLVED')]);
    expect(m).toMatchObject({ daysSinceFirstOrder: 100, daysSinceLastOrder: 10, recentOrders: 1, openTickets: 2, cancelledOrders: 1, refundedOrders: 1, daysSinceLastInteraction: 3 });
    expect(m.recentInteractions).toBe(3);
  });
});

describe('rfmScores: fixed thresholds', () => {
  it.each([
    [null, 0, 0, null],
    [10, 1, 50, '511'],
    [30, 2, 100, '522'],
    [31, 3, 500, '433'],
    [180, 6, 1000, '344'],
    [365, 10, 2000, '255'],
    [366, 50, 99999, '155'],
  ])('days %s, orders %s, value %s → %s', (days, orders, value, code) => {
    expect(rfmScores(days, orders, value)?.code ?? null).toBe(code);
  });
});

describe('money: minor units', () => {
  it.each([
    ['17.86', 2, 1786, '17.86'],
    ['0.5', 2, 50, '0.50'],
    ['1000', 0, 1000, '1000'],
    ['1.234', 3, 1234, '1.234'],
  ])('%s with %i digits', (amount, digits, minor, back) => {
    expect(toMinor(amount, digits)).toBe(minor);
    expect(fromMinor(minor, digits)).toBe(back);
  });
});
