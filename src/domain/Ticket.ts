import type { FetchInfo } from './FetchInfo.js';
import type { SourceRef } from './SourceRef.js';

/** What a support item is in its source: a Zendesk ticket or a Salesforce case. */
export type TicketKind = 'TICKET' | 'CASE';

/** Status folded onto one vocabulary; the source's own text is kept in `sourceStatus`. */
export type TicketStatus = 'NEW' | 'OPEN' | 'PENDING' | 'ON_HOLD' | 'SOLVED' | 'CLOSED';

/** A support ticket or CRM case raised by one customer record (`ownerRef`). */
export interface Ticket {
  readonly ref: SourceRef;
  readonly ownerRef: SourceRef;
  readonly kind: TicketKind;
  /** The number a person quotes (Zendesk id, Salesforce CaseNumber). */
  readonly number: string;
  readonly subject: string | null;
  readonly status: TicketStatus;
  readonly sourceStatus: string;
  /** Lower-case priority text (`low`, `normal`, `high`, `urgent`) or null. */
  readonly priority: string | null;
  /** Channel it came in on (`email`, `web`, `phone`, ...) or null. */
  readonly channel: string | null;
  readonly createdAt: string;
  readonly updatedAt: string | null;
  readonly closedAt: string | null;
  /** How this value reached the request; absent = fetched live now. */
  readonly fetch?: FetchInfo;
}
