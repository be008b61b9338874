import type { IdentityRecord } from '../../domain/index.js';
import { searchCap } from '../searchCap.js';
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
 * The adapter's `search`: per key kind (email, phone, name, namePrefix) ONE `customers(query:)` call chain
 * for the batch's distinct terms ORed together (chunks of {@link MAX_TERMS_PER_SEARCH}), the kinds in
 * parallel, each followed through its pages. Matches are handed back to each key by the comparison Shopify
 * applies (see matchesKey). Under `ctx.maxSearchResults` = M a chain reads pages of at most (M+1) × terms
 * customers and stops once it holds that many; then the terms holding more than M customers keep M+1 of
 * them and the others are searched again without them (each round settles at least one term). Keys of
 * other kinds and empty values give `[]` without a call; a failed query fails only the keys it served. A
 * result cut off at `maxPages` is logged.
 */
export async function searchCustomers(options: ResolvedShopifyOptions, keys: readonly BlockingKey[], ctx: CallContext): Promise<BatchResult<IdentityRecord[]>> {
  const terms = keys.map(renderSearchTerm);
  // A term's matches are told apart with the first key that rendered it (identical terms, identical comparison).
  const keyOfTerm = new Map<string, BlockingKey>();
  terms.forEach((term, i) => {
    if (term && !keyOfTerm.has(term.term)) keyOfTerm.set(term.term, keys[i] as BlockingKey);
  });
  const chunks: string[][] = [];
  for (const kind of ['email', 'phone', 'name', 'namePrefix'] satisfies SearchableKind[]) {
    const distinct = [...new Set(terms.flatMap((t) => (t?.kind === kind ? [t.term] : [])))];
    for (let i = 0; i < distinct.length; i += MAX_TERMS_PER_SEARCH) chunks.push(distinct.slice(i, i + MAX_TERMS_PER_SEARCH));
  }
  const belongs = (term: string, record: IdentityRecord): boolean => matchesKey(record, keyOfTerm.get(term) as BlockingKey);
  const outcomes = await Promise.all(chunks.map((chunk) => searchChunk(options, chunk, belongs, ctx)));
  const outcomeOf = new Map<string, IdentityRecord[] | Error>();
  chunks.forEach((chunk, i) => {
    const outcome = outcomes[i] as Map<string, IdentityRecord[]> | Error;
    for (const term of chunk) outcomeOf.set(term, outcome instanceof Error ? outcome : (outcome.get(term) ?? []));
  });
  return keys.map((key, i) => {
    const term = terms[i];
    const outcome = term ? outcomeOf.get(term.term) : undefined;
    if (outcome === undefined) return [];
    return outcome instanceof Error ? outcome : outcome.filter((record) => matchesKey(record, key));
  });
}

/** Each term's customers (at most the cap's worth under ctx.maxSearchResults); an Error when a call failed. */
async function searchChunk(
  options: ResolvedShopifyOptions,
  terms: readonly string[],
  belongs: (term: string, record: IdentityRecord) => boolean,
  ctx: CallContext,
): Promise<Map<string, IdentityRecord[]> | Error> {
  const cap = searchCap(ctx);
  const found = new Map<string, IdentityRecord[]>();
  let pending = [...terms];
  while (pending.length > 0) {
    const limit = cap === null ? null : cap * pending.length;
    const read = await readCustomers(options, pending, limit, ctx);
    if (read instanceof Error) return read;
    const again: string[] = [];
    for (const term of pending) {
      const matched = read.records.filter((record) => belongs(term, record));
      // Stopped at the limit, a term under the cap may have lost customers to the common ones: ask again.
      if (cap !== null && read.cutOff && matched.length < cap) again.push(term);
      else found.set(term, cap === null ? matched : matched.slice(0, cap));
    }
    if (again.length === pending.length) {
      for (const term of again) found.set(term, read.records.filter((record) => belongs(term, record)));
      break;
    }
    pending = again;
  }
  return found;
}

/** Customers matching any of `terms`, every page up to `limit` customers (null: all); an Error when a call failed. */
async function readCustomers(
  options: ResolvedShopifyOptions,
  terms: readonly string[],
  limit: number | null,
  ctx: CallContext,
): Promise<{ records: IdentityRecord[]; cutOff: boolean } | Error> {
  const query = orQuery(terms);
  const first = limit === null ? searchPageSize(terms.length) : Math.max(1, Math.min(searchPageSize(terms.length), limit));
  const records = new Map<string, IdentityRecord>();
  const outcome: { failure: Error | null; cutOff: boolean } = { failure: null, cutOff: false };
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
    stopEarly: () => {
      outcome.cutOff = limit !== null && records.size >= limit;
      return outcome.cutOff;
    },
  });
  return outcome.failure ?? { records: [...records.values()], cutOff: outcome.cutOff };
}
