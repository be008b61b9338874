import type { ZendeskTicket } from '../dataset/types.js';
import { toZendeskTime } from './toZendeskTime.js';

const SUPPORT_GROUP_ID = 360_000_000_001;

/**
 * A dataset ticket in Zendesk's wire shape (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/),
 * with `url` absolute on `origin`; `organizationId` is the requester's organization.
 */
export function renderTicket(ticket: ZendeskTicket, organizationId: number | null, origin: string): Record<string, unknown> {
  return {
    id: ticket.id,
    url: `${origin}/api/v2/tickets/${ticket.id}.json`,
    external_id: null,
    type: ticket.type,
    subject: ticket.subject,
    raw_subject: ticket.subject,
    description: ticket.description,
    priority: ticket.priority,
    status: ticket.status,
    requester_id: ticket.requesterId,
    submitter_id: ticket.submitterId,
    assignee_id: ticket.assigneeId,
    organization_id: organizationId,
    group_id: ticket.assigneeId === null ? null : SUPPORT_GROUP_ID,
    collaborator_ids: [],
    follower_ids: [],
    has_incidents: false,
    is_public: true,
    tags: [...ticket.tags],
    via: { channel: ticket.channel, source: { from: {}, to: {}, rel: null } },
    custom_fields: [],
    satisfaction_rating: null,
    created_at: toZendeskTime(ticket.createdAt),
    updated_at: toZendeskTime(ticket.updatedAt),
  };
}
