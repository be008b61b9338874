import type { Ticket, TicketStatus } from '../../domain/index.js';
import { toIsoDateTime } from './toIsoDateTime.js';
import type { WireCase } from './wireSchemas.js';

const STATUS: Readonly<Record<string, TicketStatus>> = { new: 'NEW', working: 'OPEN', escalated: 'OPEN', closed: 'CLOSED' };

/**
 * Folds a Case `Status` onto the gateway's vocabulary: New → NEW, Working and Escalated → OPEN, Closed →
 * CLOSED (case-insensitive); any other (org-specific) status is OPEN, or CLOSED when `IsClosed`.
 */
export function mapCaseStatus(status: string | null | undefined, isClosed: boolean | null | undefined): TicketStatus {
  const key = (status ?? '').trim().toLowerCase();
  // Own properties only: a status such as `constructor` must not read Object.prototype.
  return Object.hasOwn(STATUS, key) ? STATUS[key]! : isClosed === true ? 'CLOSED' : 'OPEN';
}

/**
 * Maps a Case to a Ticket of kind `CASE` owned by its `ContactId`: number = `CaseNumber`, status via
 * {@link mapCaseStatus} with the original in `sourceStatus`, `Priority` and `Origin` lower-cased,
 * date-times as ISO `…Z` (`closedAt` from `ClosedDate`).
 */
export function mapCase(wire: WireCase, source: string): Ticket {
  return {
    ref: { source, id: wire.Id },
    ownerRef: { source, id: wire.ContactId },
    kind: 'CASE',
    number: wire.CaseNumber,
    subject: wire.Subject ?? null,
    status: mapCaseStatus(wire.Status, wire.IsClosed),
    sourceStatus: wire.Status ?? '',
    priority: lower(wire.Priority),
    channel: lower(wire.Origin),
    // The wire schema guarantees a parsable CreatedDate.
    createdAt: toIsoDateTime(wire.CreatedDate) ?? wire.CreatedDate,
    updatedAt: toIsoDateTime(wire.LastModifiedDate),
    closedAt: toIsoDateTime(wire.ClosedDate),
  };
}

function lower(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value.trim().toLowerCase();
}
