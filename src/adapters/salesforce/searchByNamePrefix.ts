import type { IdentityRecord } from '../../domain/index.js';
import type { BlockingKey, CallContext } from '../types.js';
import { quoteSoqlLikePrefix } from './quoteSoqlLikePrefix.js';
import type { ResolvedSalesforceOptions } from './resolveSalesforceOptions.js';
import { searchContactsCapped } from './searchContactsCapped.js';
import { slotKeys } from './searchInChunks.js';
import type { WireContact } from './wireSchemas.js';

/** Distinct name prefixes per SOQL query. */
const PREFIXES_PER_QUERY = 50;
/** Shortest family prefix searched (the key kind's contract); shorter would match a large share of any org. */
const MIN_FAMILY_PREFIX = 2;

interface PrefixKey {
  readonly family: string;
  readonly given: string | null;
}

/**
 * Fills the slots of `namePrefix` keys: one SOQL per 50 distinct prefixes,
 * `SELECT … FROM Contact WHERE (LastName LIKE 'abc%' AND FirstName LIKE 'j%') OR LastName LIKE 'xy%'`
 * (LIKE: https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm,
 * case-insensitive; the value's own `%`, `_`, quotes and backslashes escaped, see quoteSoqlLikePrefix), all
 * pages followed, capped under `ctx.maxSearchResults` (see searchContactsCapped). Keys whose family prefix is
 * shorter than 2 characters give `[]` without a call. Contacts are handed back to each key whose prefixes
 * start their LastName (and FirstName), compared case-insensitively as LIKE does. The prefixes match the
 * stored text, so a key `obr` does not find `O'Brien`. A failed query puts its error in its keys' slots.
 * Never rejects.
 */
export async function searchByNamePrefix(
  options: ResolvedSalesforceOptions,
  keys: readonly BlockingKey[],
  results: Array<IdentityRecord[] | Error>,
  ctx: CallContext,
): Promise<void> {
  const slots = slotKeys<PrefixKey>(keys, (key) => {
    if (key.kind !== 'namePrefix' || key.family.trim().length < MIN_FAMILY_PREFIX) return null;
    const prefix = { family: key.family.trim(), given: key.given?.trim() ? key.given.trim() : null };
    return { id: `${prefix.family.toLowerCase()}\u0000${prefix.given?.toLowerCase() ?? ''}`, term: prefix };
  });
  await searchContactsCapped(
    options,
    {
      slots,
      termsPerQuery: PREFIXES_PER_QUERY,
      where: (prefixes) =>
        prefixes
          .map((p) =>
            p.given === null ? `LastName LIKE ${quoteSoqlLikePrefix(p.family)}` : `(LastName LIKE ${quoteSoqlLikePrefix(p.family)} AND FirstName LIKE ${quoteSoqlLikePrefix(p.given)})`,
          )
          .join(' OR '),
      matches: prefixMatches,
    },
    results,
    ctx,
  );
}

function prefixMatches(contact: WireContact, prefix: PrefixKey): boolean {
  if (!startsWith(contact.LastName, prefix.family)) return false;
  return prefix.given === null || startsWith(contact.FirstName, prefix.given);
}

function startsWith(text: string | null | undefined, prefix: string): boolean {
  return typeof text === 'string' && text.toLowerCase().startsWith(prefix.toLowerCase());
}
