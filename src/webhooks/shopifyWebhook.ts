import type { IncomingHttpHeaders } from 'node:http';
import { GatewayErrorCode } from '../errors.js';
import { checkTimestamp, parseIsoTime } from './checkTimestamp.js';
import { hmacSha256, signaturesEqual } from './hmacSha256.js';
import { lookupKeysOf } from './lookupKeysOf.js';
import type { WebhookMeaning, WebhookVendorHandler } from './WebhookVendorHandler.js';

/** Topics whose payload is a Customer (REST shape). */
const CUSTOMER_TOPICS = new Set(['customers/create', 'customers/update', 'customers/delete', 'customers/enable', 'customers/disable']);
/** Topics whose payload is an Order carrying its `customer`. */
const ORDER_TOPICS = new Set(['orders/create', 'orders/updated', 'orders/cancelled', 'orders/paid', 'orders/fulfilled', 'orders/edited']);

/**
 * Shopify webhooks (`POST /webhooks/shopify`), https://shopify.dev/docs/apps/build/webhooks/verify-deliveries :
 * - `X-Shopify-Hmac-Sha256`: base64 HMAC-SHA256 of the raw body under the app's client secret (the store's
 *   webhook signing key for webhooks made in the store admin), compared in constant time;
 * - `X-Shopify-Triggered-At` (ISO 8601, up to nanoseconds): when the event fired; refused beyond the tolerance.
 *   It is not covered by the HMAC, so it bounds honest retries, not forgeries; replays are caught by
 * - `X-Shopify-Webhook-Id`: the delivery id, the same on every retry of one delivery (the HMAC when absent);
 * - `X-Shopify-Topic`: `customers/create|update|delete|enable|disable` name a customer (payload `id` /
 *   `admin_graphql_api_id`); `orders/create|updated|cancelled|paid|fulfilled|edited` name the order's
 *   `customer`. Ids are read from the GID when present: REST numeric ids may exceed 2^53 and lose digits in JSON.
 */
export const shopifyWebhook: WebhookVendorHandler = {
  verify(headers, raw, ctx) {
    const received = header(headers, 'x-shopify-hmac-sha256');
    if (!received || !signaturesEqual(received, hmacSha256(ctx.secret, [raw], 'base64'))) {
      return { status: 401, code: GatewayErrorCode.WebhookSignatureInvalid, outcome: 'signature_invalid', message: 'X-Shopify-Hmac-Sha256 is missing or does not match the body' };
    }
    const stale = checkTimestamp(parseIsoTime(header(headers, 'x-shopify-triggered-at')), 'X-Shopify-Triggered-At', ctx.nowMs, ctx.toleranceSeconds);
    if (stale) return stale;
    return { deliveryId: `shopify:${header(headers, 'x-shopify-webhook-id') ?? received}` };
  },
  interpret(headers, body, ctx) {
    const topic = header(headers, 'x-shopify-topic') ?? '';
    if (!isObject(body)) return { kind: 'malformed', reason: 'the body is not a JSON object' };
    if (CUSTOMER_TOPICS.has(topic)) return customerChange(body, topic, ctx.defaultRegion);
    if (ORDER_TOPICS.has(topic)) {
      const customer = body['customer'];
      // An order without a customer (guest checkout, POS) is nobody's 360 view: nothing cached to drop.
      if (customer === null || customer === undefined) return { kind: 'ignored', reason: `${topic} for an order without a customer` };
      if (!isObject(customer)) return { kind: 'malformed', reason: 'order.customer is not an object' };
      const change = customerChange(customer, topic, ctx.defaultRegion);
      return change.kind === 'change' ? { ...change, what: `${topic} (the order's customer)` } : change;
    }
    return { kind: 'ignored', reason: topic === '' ? 'no X-Shopify-Topic header' : `topic ${topic} changes nothing the gateway caches` };
  },
};

function customerChange(customer: Record<string, unknown>, topic: string, region: Parameters<typeof lookupKeysOf>[2]): WebhookMeaning {
  const id = customerId(customer);
  if (!id) return { kind: 'malformed', reason: 'no customer id (admin_graphql_api_id or id)' };
  const keys = lookupKeysOf([customer['email']], [customer['phone'], isObject(customer['default_address']) ? customer['default_address']['phone'] : null], region);
  return { kind: 'change', ids: [id], keys, what: topic };
}

/** The numeric id the Shopify adapter uses as `ref.id`, from the GID or a safe-integer `id`. */
function customerId(customer: Record<string, unknown>): string | null {
  const gid = customer['admin_graphql_api_id'];
  if (typeof gid === 'string') {
    const match = /^gid:\/\/shopify\/Customer\/([1-9]\d*)$/.exec(gid);
    return match ? match[1]! : null;
  }
  const id = customer['id'];
  if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return String(id);
  if (typeof id === 'string' && /^[1-9]\d{0,19}$/.test(id)) return id;
  return null;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
