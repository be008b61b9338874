import type { SourceRef, Ticket, TicketStatus } from '../../domain/index.js';
import type { WireTicket } from './wireSchemas.js';

const STATUS: Readonly<Record<string, TicketStatus>> = {
  new: 'NEW',
  open: 'OPEN',
  pending: 'PENDING',
  hold: 'ON_HOLD',
  solved: 'SOLVED',
  closed: 'CLOSED',
};

/**
 * Zendesk's ticket status (`new|open|pending|hold|solved|closed`, any case) on the gateway's vocabulary;
 * null for a status Zendesk does not document.
 */
export function mapTicketStatus(status: string): TicketStatus | null {
  const key = status.toLowerCase();
  // Own properties only: a status such as `constructor` must not read Object.prototype.
  return Object.hasOwn(STATUS, key) ? STATUS[key]! : null;
}

/**
 * A Zendesk ticket requested by `owner` as a domain Ticket: kind `TICKET`, `number` = the id as text,
 * status folded (raw text in `sourceStatus`), lower-case priority, `channel` = `via.channel`, and
 * `closedAt` = `updated_at` for solved and closed tickets (Zendesk's ticket has no close time of its own),
 * else null. Null when the status is not one Zendesk documents, so the caller can report a bad response.
 * Pure.
 */
export function mapTicket(owner: SourceRef, ticket: WireTicket): Ticket | null {
  const status = mapTicketStatus(ticket.status);
  if (status === null) return null;
  const updatedAt = ticket.updated_at ?? null;
  return {
    ref: { source: owner.source, id: String(ticket.id) },
    ownerRef: owner,
    kind: 'TICKET',
    number: String(ticket.id),
    subject: ticket.subject ?? null,
    status,
    sourceStatus: ticket.status,
    priority: ticket.priority ? ticket.priority.toLowerCase() : null,
    channel: ticket.via?.channel ?? null,
    createdAt: ticket.created_at,
    updatedAt,
    closedAt: status === 'SOLVED' || status === 'CLOSED' ? updatedAt : null,
  };
}
