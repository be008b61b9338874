import type { IdentityRecord } from '../../domain/index.js';
import type { BatchResult, CallContext } from '../types.js';
import { mapCustomer } from './mapCustomer.js';
import { orQuery, quoteSearchValue } from './renderSearchQuery.js';
import { requestShopify } from './requestShopify.js';
import type { ResolvedShopifyOptions } from './resolveShopifyOptions.js';
import { toError } from './shopifyIds.js';
import { largestFirst, ORDER_OWNER_COST, ORDER_OWNERS } from './shopifyQueries.js';
import { wireOrderOwners } from './wireSchemas.js';

/** Most order numbers ORed into one `orders(query:)` call. */
export const MAX_ORDER_NUMBERS_PER_SEARCH = 50;

/** An order number as typed (`#1001`, ` 1001 `) → the digits-and-letters part Shopify's `name:` compares, or null. */
export function orderNumberTerm(value: string): string | null {
  const text = value.trim().replace(/^#/, '').trim();
  return /^[A-Za-z0-9-]{1,40}$/.test(text) ? text : null;
}

/**
 * Owners of orders by order number (console lookup, issue 14): ONE `orders(query: "name:\"1001\" OR …")`
 * call per {@link MAX_ORDER_NUMBERS_PER_SEARCH} distinct numbers
 * (https://shopify.dev/docs/api/admin-graphql/latest/queries/orders), each order with its customer; the
 * page size is the distinct count (an order name is unique in a shop) capped by the 1000-point cost cap.
 * Each key gets the customer(s) of the orders whose name equals it (`#` optional), `[]` for an unusable
 * value or a guest order; a failed call fails only the keys it served.
 */
export async function searchOrderOwners(options: ResolvedShopifyOptions, values: readonly string[], ctx: CallContext): Promise<BatchResult<IdentityRecord[]>> {
  const terms = values.map(orderNumberTerm);
  const distinct = [...new Set(terms.filter((t): t is string => t !== null))];
  const chunks: string[][] = [];
  const perCall = Math.min(MAX_ORDER_NUMBERS_PER_SEARCH, largestFirst(ORDER_OWNER_COST));
  for (let i = 0; i < distinct.length; i += perCall) chunks.push(distinct.slice(i, i + perCall));
  const owners = new Map<string, IdentityRecord[] | Error>();
  await Promise.all(
    chunks.map(async (chunk) => {
      try {
        const data = await requestShopify(
          options,
          { name: 'C360OrderOwners', query: ORDER_OWNERS, variables: { query: orQuery(chunk.map((t) => `name:${quoteSearchValue(t)}`)), first: chunk.length * 2 } },
          wireOrderOwners,
          ctx.signal,
        );
        for (const term of chunk) owners.set(term, []);
        for (const order of data.orders.nodes) {
          const term = order.name.replace(/^#/, '');
          const list = owners.get(term);
          if (Array.isArray(list) && order.customer) list.push(mapCustomer(order.customer, options.name));
        }
      } catch (error) {
        const failure = toError(error);
        for (const term of chunk) owners.set(term, failure);
      }
    }),
  );
  return terms.map((term) => (term === null ? [] : (owners.get(term) ?? [])));
}
