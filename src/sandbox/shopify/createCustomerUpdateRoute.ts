import { createHmac, randomUUID } from 'node:crypto';
import type { WebhookSender } from '../createWebhookSender.js';
import type { FakeResponse, FakeRoute } from '../fakeTypes.js';
import type { CustomerPatch, ShopifyStore } from './createShopifyStore.js';
import { renderRestCustomer } from './renderRestCustomer.js';

/** The shop domain the sandbox's webhooks name in `X-Shopify-Shop-Domain`. */
export const SANDBOX_SHOP_DOMAIN = 'c360-sandbox.myshopify.com';

const FIELDS = { first_name: 'firstName', last_name: 'lastName', email: 'email', phone: 'phone', note: 'note' } as const;

/**
 * `PUT /admin/api/{version}/customers/{id}.json` with `{ "customer": { "first_name", "last_name", "email",
 * "phone", "note", "tags" } }` (REST Admin API "Update a customer",
 * https://shopify.dev/docs/api/admin-rest/latest/resources/customer#put-customers-customer-id): 200
 * `{ customer }`; 404 `{ errors: "Not Found" }`; 422 `{ errors: { field: [...] } }` for a bad value or an
 * email another customer holds; 400 without a `customer` object. Then, when the sender has a target, a
 * `customers/update` webhook as Shopify sends it: the customer as payload, `X-Shopify-Hmac-Sha256` = base64
 * HMAC-SHA256 of the body, `X-Shopify-Topic`, `X-Shopify-Webhook-Id`, `X-Shopify-Triggered-At`, ...
 */
export function createCustomerUpdateRoute(store: ShopifyStore, webhooks: WebhookSender): FakeRoute {
  return {
    name: 'customers.update',
    method: 'PUT',
    pattern: /^\/admin\/api\/(\d{4}-\d{2}|unstable)\/customers\/(\d+)\.json$/,
    handler(req, match) {
      const version = match[1]!;
      const id = Number(match[2]);
      let body: unknown;
      try {
        body = JSON.parse(req.body);
      } catch {
        return { status: 400, body: { errors: 'Bad Request' } };
      }
      const input = typeof body === 'object' && body !== null ? (body as { customer?: unknown }).customer : undefined;
      if (typeof input !== 'object' || input === null || Array.isArray(input)) return { status: 400, body: { errors: { customer: 'Required parameter missing or invalid' } } };
      if (!store.customerById.has(id)) return { status: 404, body: { errors: 'Not Found' } };
      const patch = readPatch(input as Record<string, unknown>, store, id);
      if ('errors' in patch) return { status: 422, body: patch };
      const updated = store.updateCustomer(id, patch);
      if (!updated) return { status: 404, body: { errors: 'Not Found' } };
      const payload = renderRestCustomer(updated);
      webhooks.send((secret) => {
        const text = JSON.stringify(payload);
        return {
          body: text,
          headers: {
            'x-shopify-topic': 'customers/update',
            'x-shopify-hmac-sha256': createHmac('sha256', secret).update(text).digest('base64'),
            'x-shopify-shop-domain': SANDBOX_SHOP_DOMAIN,
            'x-shopify-api-version': version,
            'x-shopify-webhook-id': randomUUID(),
            'x-shopify-event-id': randomUUID(),
            'x-shopify-triggered-at': new Date().toISOString(),
          },
        };
      });
      return { status: 200, body: { customer: payload } } satisfies FakeResponse;
    },
  };
}

function readPatch(input: Record<string, unknown>, store: ShopifyStore, id: number): CustomerPatch | { errors: Record<string, string[]> } {
  const patch: Record<string, unknown> = {};
  const errors: Record<string, string[]> = {};
  for (const [wire, field] of Object.entries(FIELDS)) {
    if (!(wire in input)) continue;
    const value = input[wire];
    if (value !== null && typeof value !== 'string') errors[wire] = ['is invalid'];
    else patch[field] = value === '' ? null : value;
  }
  if ('tags' in input) {
    if (typeof input['tags'] !== 'string') errors['tags'] = ['is invalid'];
    else patch['tags'] = input['tags'].split(',').map((tag) => tag.trim()).filter(Boolean);
  }
  const email = patch['email'];
  if (typeof email === 'string') {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors['email'] = ['is invalid'];
    else if (store.customers.some((c) => c.id !== id && c.email?.toLowerCase() === email.toLowerCase())) errors['email'] = ['has already been taken'];
  }
  return Object.keys(errors).length > 0 ? { errors } : (patch as CustomerPatch);
}
