// Internal: the SOQL search loop every Contact search by field shares (chunking, LIMIT under the cap).
import type { IdentityRecord } from '../../domain/index.js';
import { searchCap } from '../searchCap.js';
import type { CallContext } from '../types.js';
import { mapContact } from './mapContact.js';
import { queryAll } from './queryAll.js';
import type { ResolvedSalesforceOptions } from './resolveSalesforceOptions.js';
import { CONTACT_FIELDS } from './salesforceFields.js';
import { searchInChunks, type Slot } from './searchInChunks.js';
import { wireContact, type WireContact } from './wireSchemas.js';

/** One kind of Contact search: how a chunk of terms becomes a WHERE clause, and which contacts each term matched. */
export interface ContactSearch<T> {
  readonly slots: ReadonlyArray<Slot<T>>;
  /** Distinct terms per SOQL query. */
  readonly termsPerQuery: number;
  /** The WHERE clause (without `WHERE`) selecting every contact any of `terms` matches. */
  where(terms: readonly T[]): string;
  /** Whether `contact` is one `term`'s clause matched, compared as SOQL compared it (the batch's results are handed back per term). */
  matches(contact: WireContact, term: T): boolean;
}

/**
 * Fills the slots of `search`: one SOQL `SELECT <CONTACT_FIELDS> FROM Contact WHERE <where(terms)>` per chunk
 * of `termsPerQuery` distinct terms, in parallel, every page followed (see queryAll). Under
 * `ctx.maxSearchResults` = M the query carries `LIMIT (M+1) × terms`, so a very common value never makes the
 * adapter read and map thousands of contacts; when the limit is reached, the terms that hold more than M
 * contacts keep M+1 of them and the others are asked again without them (each round settles at least one
 * term, so a chunk costs at most one query per common term, usually one extra). A failed query puts its
 * error in its chunk's slots. Never rejects.
 */
export async function searchContactsCapped<T>(
  options: ResolvedSalesforceOptions,
  search: ContactSearch<T>,
  results: Array<IdentityRecord[] | Error>,
  ctx: CallContext,
): Promise<void> {
  await searchInChunks(
    search.slots,
    search.termsPerQuery,
    async (terms) => {
      const found = await queryTerms(options, search, terms, ctx);
      return (term) => found.get(term) ?? [];
    },
    results,
  );
}

async function queryTerms<T>(options: ResolvedSalesforceOptions, search: ContactSearch<T>, terms: readonly T[], ctx: CallContext): Promise<Map<T, IdentityRecord[]>> {
  const cap = searchCap(ctx);
  const found = new Map<T, IdentityRecord[]>();
  const mapped = new Map<WireContact, IdentityRecord>();
  const toRecord = (contact: WireContact): IdentityRecord => {
    let record = mapped.get(contact);
    if (!record) {
      record = mapContact(contact, options.name);
      mapped.set(contact, record);
    }
    return record;
  };
  let pending = [...terms];
  while (pending.length > 0) {
    const limit = cap === null ? null : cap * pending.length;
    const soql = `SELECT ${CONTACT_FIELDS.join(', ')} FROM Contact WHERE ${search.where(pending)}${limit === null ? '' : ` LIMIT ${limit}`}`;
    const contacts = await queryAll(options, soql, wireContact, ctx);
    const cutOff = limit !== null && contacts.length >= limit;
    const again: T[] = [];
    for (const term of pending) {
      const matched = contacts.filter((contact) => search.matches(contact, term));
      // Cut off at the LIMIT, a term under the cap may have lost contacts to the common ones: ask again.
      if (cap !== null && cutOff && matched.length < cap) again.push(term);
      else found.set(term, (cap === null ? matched : matched.slice(0, cap)).map(toRecord));
    }
    // No term settled (a WHERE clause matching contacts no term claims): keep what came rather than loop.
    if (again.length === pending.length) {
      for (const term of again) found.set(term, contacts.filter((contact) => search.matches(contact, term)).map(toRecord));
      break;
    }
    pending = again;
  }
  return found;
}
