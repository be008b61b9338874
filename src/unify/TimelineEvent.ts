import type { Money, SourceRef } from '../domain/index.js';
import type { Provenance } from './provenanceOf.js';

/** What happened. Ticket kinds come from Zendesk tickets, case kinds from Salesforce cases. */
export type TimelineEventKind =
  | 'ORDER_PLACED'
  | 'ORDER_CANCELLED'
  | 'ORDER_REFUNDED'
  | 'TICKET_OPENED'
  | 'TICKET_UPDATED'
  | 'TICKET_SOLVED'
  | 'CASE_OPENED'
  | 'CASE_UPDATED'
  | 'CASE_CLOSED'
  | 'CALL'
  | 'EMAIL'
  | 'TASK'
  | 'MEETING';

/** One interaction on the merged timeline. */
export interface TimelineEvent {
  /** Unique per event: `<source>/<recordId>#<kind>`; the cursor's tie-breaker. */
  readonly key: string;
  readonly kind: TimelineEventKind;
  /** Canonical ISO 8601 (`…000Z`); date-only source values are midnight UTC. */
  readonly occurredAt: string;
  /** The source record the event is about (order, ticket, case, task). */
  readonly ref: SourceRef;
  /** One line: order number and total, ticket subject, call subject. */
  readonly title: string;
  /** The record's status as the gateway folds it, or the source's text. */
  readonly status: string | null;
  readonly amount: Money | null;
  readonly provenance: Provenance;
  /** Records in other sources that saw the same event and were folded into this one. */
  readonly alsoSeenIn: readonly SourceRef[];
}
