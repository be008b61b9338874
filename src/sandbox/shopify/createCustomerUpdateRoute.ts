import type { WebhookSender } from '../createWebhookSender.js';
import type { FakeRoute } from '../fakeTypes.js';
import { checkCustomerPatch } from './checkCustomerPatch.js';
import type { ShopifyStore } from './createShopifyStore.js';
import { renderRestCustomer } from './renderRestCustomer.js';
import { sendCustomerWebhook } from './sendCustomerWebhook.js';

/** REST field names → the GraphQL names {@link checkCustomerPatch} takes. */
const REST_FIELDS = { first_name: 'firstName', last_name: 'lastName', email: 'email', phone: 'phone', note: 'note' } as const;

/**
 * `PUT /admin/api/{version}/customers/{id}.json` with `{ "customer": { "first_name", "last_name", "email",
 * "phone", "note", "tags" } }` (REST Admin API "Update a customer",
 * https://shopify.dev/docs/api/admin-rest/latest/resources/customer#put-customers-customer-id): 200
 * `{ customer }`; 404 `{ errors: "Not Found" }`; 422 `{ errors: { field: [...] } }` for a bad value or an
 * email another customer holds; 400 without a `customer` object. Then a `customers/update` webhook
 * ({@link sendCustomerWebhook}) when the sender has a target.
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
      const rest = input as Record<string, unknown>;
      const camel: Record<string, unknown> = {};
      for (const [wire, field] of Object.entries(REST_FIELDS)) if (wire in rest) camel[field] = rest[wire];
      // REST takes tags as one comma-separated string.
      if ('tags' in rest) camel['tags'] = typeof rest['tags'] === 'string' ? rest['tags'].split(',') : rest['tags'];
      const checked = checkCustomerPatch(camel, store, id);
      if ('errors' in checked) {
        const snake = Object.fromEntries(Object.entries(checked.errors).map(([field, message]) => [Object.entries(REST_FIELDS).find(([, f]) => f === field)?.[0] ?? field, [message]]));
        return { status: 422, body: { errors: snake } };
      }
      const updated = store.updateCustomer(id, checked.patch)!;
      sendCustomerWebhook(webhooks, 'customers/update', updated, version);
      return { status: 200, body: { customer: renderRestCustomer(updated) } };
    },
  };
}
