import type { Activity, Order, Ticket } from '../domain/index.js';
import { canonicalTime } from './paginate.js';
import { provenanceOf } from './provenanceOf.js';
import type { TimelineEvent, TimelineEventKind } from './TimelineEvent.js';

/** The records a timeline is built from. */
export interface TimelineInput {
  readonly orders: readonly Order[];
  readonly tickets: readonly Ticket[];
  readonly activities: readonly Activity[];
}

/**
 * Every interaction as events (unsorted; paging sorts newest first):
 * - an order: ORDER_PLACED at `createdAt`; ORDER_CANCELLED at `cancelledAt`; ORDER_REFUNDED at
 *   `updatedAt` when not cancelled and its financial status is REFUNDED or PARTIALLY_REFUNDED (the order's
 *   last change is when the refund was recorded; per-refund times would need Shopify's `refunds`).
 * - a Zendesk ticket (a Salesforce case): TICKET_OPENED (CASE_OPENED) at `createdAt`; TICKET_SOLVED
 *   (CASE_CLOSED) at `closedAt`; TICKET_UPDATED (CASE_UPDATED) at `updatedAt` when that differs from both.
 *   Updates are modelled from these times; comments are not fetched.
 * - a CRM activity: CALL, EMAIL, TASK or MEETING at `occurredAt`.
 * `requestTime` stamps provenance of records fetched live. Pure.
 */
export function buildTimeline(input: TimelineInput, requestTime: string): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const push = (record: { ref: TimelineEvent['ref']; fetch?: Order['fetch'] }, updatedAt: string | null, kind: TimelineEventKind, at: string | null, fields: Pick<TimelineEvent, 'title' | 'status' | 'amount'>) => {
    if (!at) return;
    events.push({
      key: `${record.ref.source}/${record.ref.id}#${kind}`,
      kind,
      occurredAt: canonicalTime(at),
      ref: record.ref,
      provenance: provenanceOf(record.ref, updatedAt, record.fetch, requestTime),
      alsoSeenIn: [],
      ...fields,
    });
  };
  for (const order of input.orders) {
    const fields = { title: `Order ${order.number} (${order.total.amount} ${order.total.currencyCode})`, status: order.financialStatus, amount: order.total };
    push(order, order.updatedAt, 'ORDER_PLACED', order.createdAt, fields);
    push(order, order.updatedAt, 'ORDER_CANCELLED', order.cancelledAt, fields);
    const refunded = order.financialStatus === 'REFUNDED' || order.financialStatus === 'PARTIALLY_REFUNDED';
    if (refunded && !order.cancelledAt) push(order, order.updatedAt, 'ORDER_REFUNDED', order.updatedAt, fields);
  }
  for (const ticket of input.tickets) {
    const isCase = ticket.kind === 'CASE';
    const fields = { title: ticket.subject ?? `${isCase ? 'Case' : 'Ticket'} ${ticket.number}`, status: ticket.status, amount: null };
    push(ticket, ticket.updatedAt, isCase ? 'CASE_OPENED' : 'TICKET_OPENED', ticket.createdAt, fields);
    push(ticket, ticket.updatedAt, isCase ? 'CASE_CLOSED' : 'TICKET_SOLVED', ticket.closedAt, fields);
    const updated = ticket.updatedAt && !sameTime(ticket.updatedAt, ticket.createdAt) && !(ticket.closedAt && sameTime(ticket.updatedAt, ticket.closedAt));
    if (updated) push(ticket, ticket.updatedAt, isCase ? 'CASE_UPDATED' : 'TICKET_UPDATED', ticket.updatedAt, fields);
  }
  for (const activity of input.activities) {
    push(activity, null, activity.kind, activity.occurredAt, { title: activity.subject ?? activity.kind.toLowerCase(), status: activity.status, amount: null });
  }
  return events;
}

function sameTime(a: string, b: string): boolean {
  return canonicalTime(a) === canonicalTime(b);
}
