import { describe, expect, it } from 'vitest';
import type { Order, Ticket } from '../../src/domain/index.js';
import { buildTimeline } from '../../src/unify/index.js';

const NOW = '2026-11-01T00:00:00.000Z';
const order = (over: Partial<Order>): Order => ({
  ref: { source: 'shopify', id: '1' },
  ownerRef: { source: 'shopify', id: '7' },
  number: '#1001',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-05T00:00:00Z',
  cancelledAt: null,
  financialStatus: 'PAID',
  fulfillmentStatus: 'FULFILLED',
  total: { amount: '10.00', currencyCode: 'USD' },
  lineItems: [],
  ...over,
});
const ticket = (over: Partial<Ticket>): Ticket => ({
  ref: { source: 'zendesk', id: '5' },
  ownerRef: { source: 'zendesk', id: '9' },
  kind: 'TICKET',
  number: '5',
  subject: 'Refund',
  status: 'OPEN',
  sourceStatus: 'open',
  priority: null,
  channel: null,
  createdAt: '2026-02-01T00:00:00Z',
  updatedAt: '2026-02-02T00:00:00Z',
  closedAt: null,
  ...over,
});

describe('buildTimeline: events from records', () => {
  it.each([
    { name: 'a paid order is placed only', input: { orders: [order({})] }, kinds: ['ORDER_PLACED'] },
    { name: 'a cancelled order is placed and cancelled', input: { orders: [order({ cancelledAt: '2026-01-02T00:00:00Z', financialStatus: 'REFUNDED' })] }, kinds: ['ORDER_PLACED', 'ORDER_CANCELLED'] },
    { name: 'a refunded order is placed and refunded', input: { orders: [order({ financialStatus: 'PARTIALLY_REFUNDED' })] }, kinds: ['ORDER_PLACED', 'ORDER_REFUNDED'] },
    { name: 'an open ticket is opened and updated', input: { tickets: [ticket({})] }, kinds: ['TICKET_OPENED', 'TICKET_UPDATED'] },
    {
      name: 'a solved ticket updated at its solve time is opened and solved',
      input: { tickets: [ticket({ status: 'SOLVED', closedAt: '2026-02-02T00:00:00Z' })] },
      kinds: ['TICKET_OPENED', 'TICKET_SOLVED'],
    },
    {
      name: 'a closed case is opened, updated and closed',
      input: { tickets: [ticket({ kind: 'CASE', ref: { source: 'salesforce', id: 'c' }, status: 'CLOSED', closedAt: '2026-02-03T00:00:00Z' })] },
      kinds: ['CASE_OPENED', 'CASE_CLOSED', 'CASE_UPDATED'],
    },
    {
      name: 'a call is one event at its date',
      input: { activities: [{ ref: { source: 'salesforce', id: 't' }, ownerRef: { source: 'salesforce', id: 'x' }, kind: 'CALL' as const, subject: 'Call', status: null, occurredAt: '2026-03-01', durationSeconds: 60 }] },
      kinds: ['CALL'],
    },
  ])('$name', ({ input, kinds }) => {
    const events = buildTimeline({ orders: [], tickets: [], activities: [], ...input }, NOW);
    expect(events.map((e) => e.kind)).toEqual(kinds);
    for (const e of events) {
      expect(e.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(e.key).toBe(`${e.ref.source}/${e.ref.id}#${e.kind}`);
      expect(e.provenance.fetchedAt).toBe(NOW);
    }
  });

  it('takes fetch time and cache flags from the record', () => {
    const fetch = { fetchedAt: '2026-10-31T23:59:00.000Z', fromCache: true, stale: true, ageMs: 60_000 };
    const [event] = buildTimeline({ orders: [order({ fetch })], tickets: [], activities: [] }, NOW);
    expect(event!.provenance).toMatchObject({ fetchedAt: fetch.fetchedAt, fromCache: true, stale: true, ageMs: 60_000, sourceUpdatedAt: '2026-01-05T00:00:00Z' });
  });
});
