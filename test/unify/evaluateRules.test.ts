import { describe, expect, it } from 'vitest';
import { assignJourneyStage, assignSegments, defaultUnifyConfig, type CustomerMetrics } from '../../src/unify/index.js';

const base: CustomerMetrics = {
  currencyCode: null,
  lifetimeValue: null,
  orderCount: 0,
  averageOrderValue: null,
  firstOrderAt: null,
  lastOrderAt: null,
  cancelledOrders: 0,
  refundedOrders: 0,
  otherCurrencyOrders: 0,
  openTickets: 0,
  lastInteractionAt: null,
  daysSinceFirstOrder: null,
  daysSinceLastOrder: null,
  daysSinceLastInteraction: null,
  recentOrders: 0,
  recentInteractions: 0,
  rfm: null,
};
const money = (amount: string) => ({ amount, currencyCode: 'USD' });
const { segments, journey } = defaultUnifyConfig();

describe('assignSegments: default rules', () => {
  it.each([
    { name: 'nobody with no data', m: {}, expected: [] },
    { name: 'HIGH_VALUE at 1000', m: { lifetimeValue: money('1000.00'), orderCount: 3, daysSinceLastOrder: 10, daysSinceFirstOrder: 400 }, expected: ['HIGH_VALUE'] },
    { name: 'AT_RISK after 4 months without an order', m: { orderCount: 2, daysSinceLastOrder: 121, daysSinceFirstOrder: 300 }, expected: ['AT_RISK'] },
    { name: 'not AT_RISK past a year, but DORMANT', m: { orderCount: 2, daysSinceLastOrder: 400, daysSinceFirstOrder: 500, daysSinceLastInteraction: 400 }, expected: ['DORMANT'] },
    { name: 'NEW_CUSTOMER within 60 days of the first order', m: { orderCount: 1, daysSinceFirstOrder: 60, daysSinceLastOrder: 60 }, expected: ['NEW_CUSTOMER'] },
    { name: 'HIGH_PURCHASE_INTENT from recent interactions without a recent order', m: { recentInteractions: 2, recentOrders: 0 }, expected: ['HIGH_PURCHASE_INTENT'] },
  ])('$name', ({ m, expected }) => {
    expect(assignSegments({ ...base, ...m }, segments).map((s) => s.name)).toEqual(expected);
  });

  it('gives the values that met each condition as the reason', () => {
    const [segment] = assignSegments({ ...base, orderCount: 2, daysSinceLastOrder: 200 }, segments);
    expect(segment?.reason).toBe('orderCount 2 >= 2 and daysSinceLastOrder 200 > 120 and daysSinceLastOrder 200 <= 365');
  });
});

describe('assignJourneyStage: first matching stage wins', () => {
  it.each([
    { m: {}, stage: 'AWARENESS' },
    { m: { recentInteractions: 1 }, stage: 'CONSIDERATION' },
    { m: { orderCount: 1, daysSinceLastOrder: 5 }, stage: 'PURCHASE' },
    { m: { orderCount: 2, daysSinceLastOrder: 5 }, stage: 'RETENTION' },
    { m: { orderCount: 5, daysSinceLastOrder: 180, openTickets: 0 }, stage: 'ADVOCACY' },
    { m: { orderCount: 5, daysSinceLastOrder: 180, openTickets: 1 }, stage: 'RETENTION' },
    { m: { orderCount: 5, daysSinceLastOrder: 181 }, stage: 'RETENTION' },
  ])('$stage for $m', ({ m, stage }) => {
    const assignment = assignJourneyStage({ ...base, ...m }, journey);
    expect(assignment.stage).toBe(stage);
    expect(assignment.reason.length).toBeGreaterThan(0);
  });
});
