import type { IdentityRecord } from '../../domain/index.js';
import type { BatchResult, CallContext } from '../types.js';
import { UpstreamError } from '../UpstreamError.js';
import { mapCustomer } from './mapCustomer.js';
import { requestShopify } from './requestShopify.js';
import type { ResolvedShopifyOptions } from './resolveShopifyOptions.js';
import { CUSTOMERS_BY_IDS } from './shopifyQueries.js';
import { invalidIdError, toError, toShopifyGid, toShopifyId } from './shopifyIds.js';
import { wireCustomerNodes } from './wireSchemas.js';

/** Most ids per `nodes(ids:)` call (cost 4 each, so 400 points). */
export const NODES_CHUNK = 100;

/**
 * The adapter's `getByIds`: distinct ids (a Customer GID or its numeric id) in `nodes(ids:)` calls of at
 * most {@link NODES_CHUNK}, one after another. Results in input order: the record, `null` where Shopify
 * has no such customer, a `rejected` UpstreamError for an id of another form (no call made), and a failed
 * chunk's error in the slots of that chunk only.
 */
export async function getCustomersByIds(options: ResolvedShopifyOptions, ids: readonly string[], ctx: CallContext): Promise<BatchResult<IdentityRecord | null>> {
  const normalised = ids.map((id) => toShopifyId(id, 'Customer'));
  const wanted = [...new Set(normalised.filter((id): id is string => id !== null))];
  const found = new Map<string, IdentityRecord | null | Error>();
  for (let start = 0; start < wanted.length; start += NODES_CHUNK) {
    const chunk = wanted.slice(start, start + NODES_CHUNK);
    try {
      // https://shopify.dev/docs/api/admin-graphql/latest/queries/nodes
      const data = await requestShopify(
        options,
        { name: 'C360CustomersByIds', query: CUSTOMERS_BY_IDS, variables: { ids: chunk.map((id) => toShopifyGid('Customer', id)) } },
        wireCustomerNodes,
        ctx.signal,
      );
      if (data.nodes.length !== chunk.length) {
        throw new UpstreamError({ source: options.name, kind: 'bad_response', message: `Shopify answered ${data.nodes.length} nodes for ${chunk.length} ids` });
      }
      chunk.forEach((id, i) => {
        const node = data.nodes[i];
        found.set(id, node ? mapCustomer(node, options.name) : null);
      });
    } catch (error) {
      const failure = toError(error);
      for (const id of chunk) found.set(id, failure);
    }
  }
  return ids.map((id, i) => {
    const key = normalised[i];
    return key === null || key === undefined ? invalidIdError(options.name, id) : (found.get(key) ?? null);
  });
}
