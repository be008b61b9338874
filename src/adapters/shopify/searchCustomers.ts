import type { IdentityRecord } from '../../domain/index.js';
import type { BatchResult, BlockingKey, CallContext } from '../types.js';
import { followConnections } from './followConnections.js';
import { mapCustomer } from './mapCustomer.js';
import { matchesKey } from './matchesKey.js';
import { orQuery, renderSearchTerm, type SearchableKind } from './renderSearchQuery.js';
import { requestShopify } from './requestShopify.js';
import type { ResolvedShopifyOptions } from './resolveShopifyOptions.js';
import { CUSTOMER_COST, largestFirst, SEARCH_CUSTOMERS } from './shopifyQueries.js';
import { toError } from './shopifyIds.js';
import { wireCustomerSearch } from './wireSchemas.js';

/** Most terms ORed into one search query, to keep the query string reasonable. */
export const MAX_TERMS_PER_SEARCH = 50;

/**
 * Page size of a search for `termCount` terms: 5 per term, at least 50, at most what the 1000-point cap
 * allows for C360Customer (249), so a batch's matches normally arrive in one page without draining the
 * shop's bucket.
 */
export function searchPageSize(termCount: number): number {
  return Math.min(largestFirst(CUSTOMER_COST), Math.max(50, termCount * 5));
}

/**
 * The adapter's `search`: per key kind (email, phone, name) ONE `customers(query:)` call for the batch's
 * distinct terms ORed together (chunks of {@link MAX_TERMS_PER_SEARCH}), the kinds in parallel, each
 * followed through its pages. Matches are handed back to each key by the comparison Shopify applies
 * (see matchesKey). Identifier keys and empty values give `[]` without a call; a failed query fails only
 * the keys it served. A result cut off at `maxPages` is logged.
 */
export async function searchCustomers(options: ResolvedShopifyOptions, keys: readonly BlockingKey[], ctx: CallContext): Promise<BatchResult<IdentityRecord[]>> {
  const terms = keys.map(renderSearchTerm);
  const chunks: string[][] = [];
  for (const kind of ['email', 'phone', 'name'] satisfies SearchableKind[]) {
    const distinct = [...new Set(terms.flatMap((t) => (t?.kind === kind ? [t.term] : [])))];
    for (let i = 0; i < distinct.length; i += MAX_TERMS_PER_SEARCH) chunks.push(distinct.slice(i, i + MAX_TERMS_PER_SEARCH));
  }
  const outcomes = await Promise.all(chunks.map((chunk) => searchChunk(options, chunk, ctx)));
  const outcomeOf = new Map<string, IdentityRecord[] | Error>();
  chunks.forEach((chunk, i) => chunk.forEach((term) => outcomeOf.set(term, outcomes[i] as IdentityRecord[] | Error)));
  return keys.map((key, i) => {
    const term = terms[i];
    const outcome = term ? outcomeOf.get(term.term) : undefined;
    if (outcome === undefined) return [];
    return outcome instanceof Error ? outcome : outcome.filter((record) => matchesKey(record, key));
  });
}

/** All customers matching any of `terms`, every page; an Error when a call failed. */
async function searchChunk(options: ResolvedShopifyOptions, terms: readonly string[], ctx: CallContext): Promise<IdentityRecord[] | Error> {
  const query = orQuery(terms);
  const first = searchPageSize(terms.length);
  const records = new Map<string, IdentityRecord>();
  const outcome: { failure: Error | null } = { failure: null };
  await followConnections({
    source: options.name,
    pending: [{ key: 0, after: null, pagesRead: 0 }],
    perCall: 1,
    maxPages: options.maxPages,
    fetchBatch: async ([entry]) => {
      // https://shopify.dev/docs/api/admin-graphql/latest/queries/customers
      const data = await requestShopify(
        options,
        { name: 'C360SearchCustomers', query: SEARCH_CUSTOMERS, variables: { query, first, after: entry?.after ?? null } },
        wireCustomerSearch,
        ctx.signal,
      );
      return [data.customers];
    },
    onNodes: (_key, nodes) => {
      for (const node of nodes) {
        const record = mapCustomer(node, options.name);
        records.set(record.ref.id, record);
      }
    },
    onError: (_key, error) => {
      outcome.failure = toError(error);
    },
    onTruncated: (_key, pagesRead) => {
      options.logger?.warn({ source: options.name, operation: 'C360SearchCustomers', pages: pagesRead, terms: terms.length }, 'Shopify customer search cut off at maxPages');
    },
  });
  return outcome.failure ?? [...records.values()];
}
