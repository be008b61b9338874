import { createHmac, randomUUID } from 'node:crypto';
import type { WebhookSender } from '../../createWebhookSender.js';
import type { FakeResponse, FakeRoute } from '../../fakeTypes.js';
import type { ZendeskIndex } from '../indexZendeskData.js';
import { renderTicket } from '../renderTicket.js';
import { renderUser } from '../renderUser.js';
import { recordNotFound } from '../zendeskErrorBodies.js';

/** The account id the sandbox's webhook events carry. */
const SANDBOX_ACCOUNT_ID = 12_514_403;
/** The id of the sandbox's (one) webhook, in `X-Zendesk-Webhook-Id`. */
const SANDBOX_WEBHOOK_ID = '01JC360SANDBOXWEBHOOK00000';

/**
 * `PUT /api/v2/users/{id}[.json]` with `{ "user": { "name", "email", "phone" } }`
 * (https://developer.zendesk.com/api-reference/ticketing/users/users/#update-user): 200 `{ user }`; 404
 * `RecordNotFound`; 422 `RecordInvalid` with `details` for a bad or taken email. Then one webhook event per kind
 * of change (`zen:event-type:user.name_changed`, `user.identity_changed`) when the sender has a target.
 */
export function updateUserRoute(index: ZendeskIndex, webhooks: WebhookSender): FakeRoute {
  return {
    name: 'users.update',
    method: 'PUT',
    pattern: /^\/api\/v2\/users\/(\d+)(?:\.json)?$/,
    handler(req, match) {
      const input = readObject(req.body, 'user');
      if (!input) return invalid('user', 'Required parameter missing: user');
      const current = index.usersById.get(Number(match[1]));
      if (!current) return recordNotFound();
      const patch: { name?: string; email?: string | null; phone?: string | null } = {};
      if ('name' in input) {
        if (typeof input['name'] !== 'string' || input['name'].trim() === '') return invalid('name', 'Name: is too short (minimum one character)');
        patch.name = input['name'];
      }
      for (const field of ['email', 'phone'] as const) {
        if (!(field in input)) continue;
        const value = input[field];
        if (value !== null && typeof value !== 'string') return invalid(field, `${field}: is invalid`);
        patch[field] = value === '' ? null : value;
      }
      if (typeof patch.email === 'string') {
        const email = patch.email.toLowerCase();
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return invalid('email', `Email: ${patch.email} is not properly formatted`);
        if (index.users.some((u) => u.id !== current.id && u.email?.toLowerCase() === email)) return invalid('email', `Email: ${patch.email} is already being used by another user`, 'DuplicateValue');
      }
      const updated = index.updateUser(current.id, patch)!;
      const detail = { created_at: updated.createdAt, email: updated.email, external_id: updated.externalId ?? '', default_group_id: '0', id: String(updated.id), organization_id: String(updated.organizationId ?? 0), role: updated.role, updated_at: updated.updatedAt };
      if (patch.name !== undefined && patch.name !== current.name) sendEvent(webhooks, 'zen:event-type:user.name_changed', `zen:user:${updated.id}`, detail, { current: updated.name, previous: current.name });
      for (const field of ['email', 'phone'] as const) {
        if (patch[field] !== undefined && patch[field] !== current[field]) sendEvent(webhooks, 'zen:event-type:user.identity_changed', `zen:user:${updated.id}`, detail, { current: { type: field === 'phone' ? 'phone_number' : 'email', value: updated[field] }, previous: { type: field === 'phone' ? 'phone_number' : 'email', value: current[field] } });
      }
      return { status: 200, body: { user: renderUser(updated, req.origin) } };
    },
  };
}

/**
 * `PUT /api/v2/tickets/{id}[.json]` with `{ "ticket": { "subject", "status", "priority" } }`
 * (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#update-ticket): 200 `{ ticket }`;
 * 404 `RecordNotFound`; 422 for a value Zendesk would refuse. Then `zen:event-type:ticket.<field>_changed`
 * events (detail with `requester_id`) when the sender has a target.
 */
export function updateTicketRoute(index: ZendeskIndex, webhooks: WebhookSender): FakeRoute {
  const allowed: Readonly<Record<string, readonly string[] | null>> = { status: ['new', 'open', 'pending', 'hold', 'solved', 'closed'], priority: ['low', 'normal', 'high', 'urgent'], subject: null };
  return {
    name: 'tickets.update',
    method: 'PUT',
    pattern: /^\/api\/v2\/tickets\/(\d+)(?:\.json)?$/,
    handler(req, match) {
      const input = readObject(req.body, 'ticket');
      if (!input) return invalid('ticket', 'Required parameter missing: ticket');
      const current = index.tickets.find((t) => t.id === Number(match[1]));
      if (!current) return recordNotFound();
      const patch: Record<string, string> = {};
      for (const [field, values] of Object.entries(allowed)) {
        if (!(field in input)) continue;
        const value = input[field];
        if (typeof value !== 'string' || value === '' || (values && !values.includes(value))) return invalid(field, `${field}: is invalid`);
        patch[field] = value;
      }
      const updated = index.updateTicket(current.id, patch)!;
      const organizationId = index.usersById.get(updated.requesterId)?.organizationId ?? null;
      const detail = { actor_id: String(updated.assigneeId ?? updated.submitterId), assignee_id: updated.assigneeId === null ? null : String(updated.assigneeId), created_at: updated.createdAt, id: String(updated.id), priority: updated.priority.toUpperCase(), requester_id: String(updated.requesterId), status: updated.status.toUpperCase(), subject: updated.subject, submitter_id: String(updated.submitterId), updated_at: updated.updatedAt };
      for (const field of Object.keys(patch) as Array<'subject' | 'status' | 'priority'>) {
        if (updated[field] !== current[field]) sendEvent(webhooks, `zen:event-type:ticket.${field}_changed`, `zen:ticket:${updated.id}`, detail, { current: updated[field], previous: current[field] });
      }
      return { status: 200, body: { ticket: renderTicket(updated, organizationId, req.origin) } };
    },
  };
}

/** One event webhook, signed as Zendesk signs: base64 HMAC-SHA256 of timestamp + body. */
function sendEvent(webhooks: WebhookSender, type: string, subject: string, detail: Record<string, unknown>, event: Record<string, unknown>): void {
  const body = JSON.stringify({ account_id: SANDBOX_ACCOUNT_ID, detail, event, id: randomUUID(), subject, time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), type, zendesk_event_version: '2022-11-06' });
  webhooks.send((secret) => {
    const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    return {
      body,
      headers: {
        'x-zendesk-webhook-id': SANDBOX_WEBHOOK_ID,
        'x-zendesk-webhook-invocation-id': randomUUID(),
        'x-zendesk-webhook-signature-timestamp': timestamp,
        'x-zendesk-webhook-signature': createHmac('sha256', secret).update(timestamp + body).digest('base64'),
      },
    };
  });
}

function readObject(text: string, key: string): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(text) as unknown;
    const value = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)[key] : undefined;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** 422 `RecordInvalid`, in Zendesk's shape. */
function invalid(field: string, description: string, error = 'InvalidValue'): FakeResponse {
  return { status: 422, body: { error: 'RecordInvalid', description: 'Record validation errors', details: { [field]: [{ description, error }] } } };
}
