import type { IdentityRecord } from '../../domain/index.js';
import type { BlockingKey, CallContext } from '../types.js';
import { quoteSoql } from './quoteSoql.js';
import type { ResolvedSalesforceOptions } from './resolveSalesforceOptions.js';
import { searchContactsCapped } from './searchContactsCapped.js';
import { slotKeys } from './searchInChunks.js';
import type { WireContact } from './wireSchemas.js';

/** Distinct names per SOQL query. */
const NAMES_PER_QUERY = 50;

interface NameKey {
  readonly family: string;
  readonly given: string | null;
}

/**
 * Fills the slots of name keys: one SOQL per 50 distinct names,
 * `SELECT … FROM Contact WHERE (LastName = 'Doe' AND FirstName = 'Jane') OR LastName = 'Roe'`
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_conditionexpression.htm),
 * all pages followed, capped under `ctx.maxSearchResults` (see searchContactsCapped); the first name is
 * only required when the key has one. Contacts are handed back by case-insensitive comparison, as SOQL
 * matched them. A failed query puts its error in its keys' slots. Never rejects.
 */
export async function searchByName(
  options: ResolvedSalesforceOptions,
  keys: readonly BlockingKey[],
  results: Array<IdentityRecord[] | Error>,
  ctx: CallContext,
): Promise<void> {
  const slots = slotKeys<NameKey>(keys, (key) => {
    if (key.kind !== 'name' || key.family.trim() === '') return null;
    const name = { family: key.family.trim(), given: key.given?.trim() ? key.given.trim() : null };
    return { id: `${name.family.toLowerCase()}\u0000${name.given?.toLowerCase() ?? ''}`, term: name };
  });
  await searchContactsCapped(
    options,
    {
      slots,
      termsPerQuery: NAMES_PER_QUERY,
      where: (names) =>
        names
          .map((name) => (name.given === null ? `LastName = ${quoteSoql(name.family)}` : `(LastName = ${quoteSoql(name.family)} AND FirstName = ${quoteSoql(name.given)})`))
          .join(' OR '),
      matches: nameMatches,
    },
    results,
    ctx,
  );
}

function nameMatches(contact: WireContact, name: NameKey): boolean {
  if (contact.LastName?.toLowerCase() !== name.family.toLowerCase()) return false;
  return name.given === null || contact.FirstName?.toLowerCase() === name.given.toLowerCase();
}
