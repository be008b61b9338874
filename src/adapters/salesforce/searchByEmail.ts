import type { IdentityRecord } from '../../domain/index.js';
import type { BlockingKey, CallContext } from '../types.js';
import { quoteSoql } from './quoteSoql.js';
import type { ResolvedSalesforceOptions } from './resolveSalesforceOptions.js';
import { searchContactsCapped } from './searchContactsCapped.js';
import { slotKeys } from './searchInChunks.js';

/** Distinct emails per SOQL query, keeping the URL well under Salesforce's limit. */
const EMAILS_PER_QUERY = 100;

/**
 * Fills the slots of email keys: one SOQL `SELECT … FROM Contact WHERE Email IN ('a', 'b', …)` per 100
 * distinct emails (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm),
 * all pages followed, capped under `ctx.maxSearchResults` (see searchContactsCapped). SOQL compares text
 * case-insensitively, so contacts are handed back to keys by lower-cased email. A failed query puts its
 * error in its keys' slots. Never rejects.
 */
export async function searchByEmail(
  options: ResolvedSalesforceOptions,
  keys: readonly BlockingKey[],
  results: Array<IdentityRecord[] | Error>,
  ctx: CallContext,
): Promise<void> {
  const slots = slotKeys(keys, (key) => {
    if (key.kind !== 'email' || key.value.trim() === '') return null;
    const email = key.value.trim().toLowerCase();
    return { id: email, term: email };
  });
  await searchContactsCapped(
    options,
    {
      slots,
      termsPerQuery: EMAILS_PER_QUERY,
      where: (emails) => `Email IN (${emails.map(quoteSoql).join(', ')})`,
      matches: (contact, email) => contact.Email?.trim().toLowerCase() === email,
    },
    results,
    ctx,
  );
}
