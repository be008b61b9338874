import type { SourceAdapter } from '../types.js';
import { fetchCustomersWithOrders, fetchOrdersByOwner } from './fetchOrdersByOwner.js';
import { getCustomersByIds } from './getCustomersByIds.js';
import { resolveShopifyOptions, type ShopifyAdapterOptions } from './resolveShopifyOptions.js';
import { searchCustomers } from './searchCustomers.js';
import { searchOrderOwners } from './searchOrderOwners.js';
import { splitLookupKeys } from '../splitLookupKeys.js';

/**
 * A source adapter for a Shopify shop over the GraphQL Admin API (kind `shopify`; capabilities `search`
 * and `orders`) through the injected HTTP client. `ref.id` is the numeric part of the Customer GID;
 * `ref.source` is `options.name`.
 * - `search`: one `customers(query:)` per key kind for the whole batch, terms ORed: `email:`, `phone:`,
 *   `last_name:`/`first_name:` for name keys, the prefix query `last_name:doe* first_name:j*` for
 *   `namePrefix` keys; under `ctx.maxSearchResults` = M pages of at most (M+1) × terms, stopped once that
 *   many are held (plus one re-search of the rarer terms; see searchCustomers). Identifier, phonetic,
 *   birth-date and address keys → `[]`: the customers query has no filter for them.
 *   `orderNumber` keys → one `orders(query: "name:…")` with each order's customer (see searchOrderOwners).
 * - `getByIds`: `nodes(ids:)` in chunks of 100; accepts GIDs or numeric ids (see getCustomersByIds).
 * - `ordersByOwner`: one `nodes(ids:)` call with each customer's first orders, then follow-ups only for
 *   longer lists (see fetchOrdersByOwner); every query is sized to stay within Shopify's 1000-point cap.
 * - `fetchWithRelated`: the same, with each customer's fields selected in the first `nodes(ids:)` call
 *   (`C360CustomersWithOrders`), so a warm 360 asks Shopify once; line items only when the operation reads
 *   them (see fetchCustomersWithOrders).
 * Every failure is an UpstreamError: THROTTLED (200 or 429) → `rate_limited` with `retryAfterMs` from the
 * cost extension, MAX_COST_EXCEEDED → `rejected`, 401/403 → `auth`, 5xx and INTERNAL_SERVER_ERROR →
 * `unavailable`, HTML/empty/malformed/unexpected bodies → `bad_response`; per key where the port allows.
 * Retries, breakers and deadlines belong to the caller and the HTTP client. Stateless: one instance serves
 * all requests. Throws a TypeError for an invalid option.
 */
export function createShopifyAdapter(options: ShopifyAdapterOptions): SourceAdapter {
  const resolved = resolveShopifyOptions(options);
  const adapter = {
    name: resolved.name,
    kind: 'shopify',
    // Every call builds its records from its own response: provenance is stamped on them, not on copies.
    freshValues: true,
    capabilities: { search: true, searchKeys: ['email', 'phone', 'name', 'namePrefix'], orders: true, tickets: false, activities: false, lookupKinds: ['orderNumber'] },
    search: (keys, ctx) =>
      splitLookupKeys(keys, 'orderNumber', (values) => searchOrderOwners(resolved, values, ctx), (rest) => searchCustomers(resolved, rest, ctx)),
    getByIds: (ids, ctx) => getCustomersByIds(resolved, ids, ctx),
    ordersByOwner: (ownerIds, ctx) => fetchOrdersByOwner(resolved, ownerIds, ctx),
    fetchWithRelated: (ids, want, ctx) => fetchCustomersWithOrders(resolved, ids, want, ctx),
  } satisfies SourceAdapter;
  return adapter;
}
