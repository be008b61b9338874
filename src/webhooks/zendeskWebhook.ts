import type { IncomingHttpHeaders } from 'node:http';
import { GatewayErrorCode } from '../errors.js';
import { checkTimestamp, parseIsoTime } from './checkTimestamp.js';
import { hmacSha256, signaturesEqual } from './hmacSha256.js';
import { lookupKeysOf } from './lookupKeysOf.js';
import type { WebhookVendorHandler } from './WebhookVendorHandler.js';

/**
 * Zendesk webhooks (`POST /webhooks/zendesk`):
 * - signature, https://developer.zendesk.com/documentation/webhooks/verifying/ : `X-Zendesk-Webhook-Signature`
 *   = base64 HMAC-SHA256 of `X-Zendesk-Webhook-Signature-Timestamp` + raw body under the webhook's signing
 *   secret; the timestamp (ISO 8601) is signed, so it is refused beyond the tolerance either way;
 * - body, https://developer.zendesk.com/api-reference/webhooks/event-types/webhook-event-types/ : an event
 *   `{ type: "zen:event-type:user.*" | "zen:event-type:ticket.*", id, time, detail: {...} }`. User events name
 *   the user (`detail.id`, a string); ticket events the ticket's requester (`detail.requester_id`), whose
 *   requested tickets are cached under the user. A trigger or automation webhook with a custom JSON body works
 *   when it sends the same shape (`{ "type": "zen:event-type:ticket.status_changed", "detail": { "requester_id": "{{ticket.requester.id}}" } }`).
 * - replays: the event `id` (the signature when absent) is remembered.
 */
export const zendeskWebhook: WebhookVendorHandler = {
  verify(headers, raw, ctx) {
    const received = header(headers, 'x-zendesk-webhook-signature');
    const timestamp = header(headers, 'x-zendesk-webhook-signature-timestamp');
    if (!received || timestamp === undefined || !signaturesEqual(received, hmacSha256(ctx.secret, [timestamp, raw], 'base64'))) {
      return { status: 401, code: GatewayErrorCode.WebhookSignatureInvalid, outcome: 'signature_invalid', message: 'X-Zendesk-Webhook-Signature is missing or does not match the timestamp and body' };
    }
    const stale = checkTimestamp(parseIsoTime(timestamp), 'X-Zendesk-Webhook-Signature-Timestamp', ctx.nowMs, ctx.toleranceSeconds);
    if (stale) return stale;
    return { deliveryId: `zendesk:${received}` };
  },
  interpret(_headers, body, ctx) {
    if (!isObject(body)) return { kind: 'malformed', reason: 'the body is not a JSON object' };
    const type = typeof body['type'] === 'string' ? body['type'] : '';
    const detail = isObject(body['detail']) ? body['detail'] : null;
    const eventId = typeof body['id'] === 'string' && /^[\w-]{1,64}$/.test(body['id']) ? { eventId: `zendesk:${body['id']}` } : {};
    if (type.startsWith('zen:event-type:user.')) {
      const id = zendeskId(detail?.['id']);
      if (!id) return { kind: 'malformed', reason: `${type} without detail.id` };
      return { kind: 'change', ids: [id], keys: lookupKeysOf([detail?.['email']], [], ctx.defaultRegion), what: type, ...eventId };
    }
    if (type.startsWith('zen:event-type:ticket.')) {
      const id = zendeskId(detail?.['requester_id']);
      if (!id) return { kind: 'malformed', reason: `${type} without detail.requester_id` };
      return { kind: 'change', ids: [id], keys: [], what: `${type} (the requester)`, ...eventId };
    }
    return { kind: 'ignored', reason: type === '' ? 'no event type' : `event type ${type} changes nothing the gateway caches` };
  },
};

/** A Zendesk id (payloads carry them as strings or numbers) in the adapter's `ref.id` form, or null. */
function zendeskId(value: unknown): string | null {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : typeof value === 'string' ? value : '';
  return /^[1-9]\d{0,15}$/.test(text) && Number.isSafeInteger(Number(text)) ? text : null;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
