import type { IdentityRecord } from '../../domain/index.js';
import { normalizePostcode } from '../../identity/index.js';
import type { BlockingKey, CallContext } from '../types.js';
import { quoteSoql } from './quoteSoql.js';
import { quoteSoqlLikePrefix } from './quoteSoqlLikePrefix.js';
import type { ResolvedSalesforceOptions } from './resolveSalesforceOptions.js';
import { searchContactsCapped } from './searchContactsCapped.js';
import { slotKeys } from './searchInChunks.js';
import type { WireContact } from './wireSchemas.js';

/** Distinct postcode + street pairs per SOQL query. */
const PAIRS_PER_QUERY = 50;

interface AddressKey {
  /** Normalised postcode (upper case, no spaces or dashes; a US ZIP+4 as its 5 digits). */
  readonly postcode: string;
  readonly street: string;
}

/**
 * Fills the slots of `postcodeStreet` keys: one SOQL per 50 distinct pairs,
 * `SELECT … FROM Contact WHERE (MailingPostalCode IN ('SW1A1AA', 'SW1A 1AA') AND MailingStreet LIKE '7 wal%') OR …`
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm),
 * all pages followed, capped under `ctx.maxSearchResults` (see searchContactsCapped). Keys arrive with the
 * postcode normalised, so the stored forms it stands for are asked for: a 5-digit US ZIP as
 * `MailingPostalCode LIKE '94105%'` (ZIP+4 too), an alphanumeric code as itself and with a space before its
 * last three characters (UK and Canadian inward codes). The street prefix is matched against the start of
 * `MailingStreet` as stored (case-insensitive; `%`, `_`, quotes escaped). Contacts are handed back to the key
 * whose normalised postcode equals theirs and whose street prefix starts their `MailingStreet`. A failed
 * query puts its error in its keys' slots. Never rejects.
 */
export async function searchByPostcodeStreet(
  options: ResolvedSalesforceOptions,
  keys: readonly BlockingKey[],
  results: Array<IdentityRecord[] | Error>,
  ctx: CallContext,
): Promise<void> {
  const slots = slotKeys<AddressKey>(keys, (key) => {
    if (key.kind !== 'postcodeStreet') return null;
    const postcode = normalizePostcode(key.postcode);
    const street = key.street.trim();
    if (postcode === null || street === '') return null;
    return { id: `${postcode}\u0000${street.toLowerCase()}`, term: { postcode, street } };
  });
  await searchContactsCapped(
    options,
    {
      slots,
      termsPerQuery: PAIRS_PER_QUERY,
      where: (pairs) => pairs.map((pair) => `(${postcodeCondition(pair.postcode)} AND MailingStreet LIKE ${quoteSoqlLikePrefix(pair.street)})`).join(' OR '),
      matches: addressMatches,
    },
    results,
    ctx,
  );
}

/** The SOQL condition on MailingPostalCode for a normalised postcode. */
function postcodeCondition(postcode: string): string {
  if (/^\d{5}$/.test(postcode)) return `MailingPostalCode LIKE ${quoteSoqlLikePrefix(postcode)}`;
  const spaced = /^[A-Z0-9]{5,7}$/.test(postcode) && /[A-Z]/.test(postcode) ? `${postcode.slice(0, -3)} ${postcode.slice(-3)}` : null;
  return spaced === null ? `MailingPostalCode = ${quoteSoql(postcode)}` : `MailingPostalCode IN (${quoteSoql(postcode)}, ${quoteSoql(spaced)})`;
}

function addressMatches(contact: WireContact, key: AddressKey): boolean {
  return normalizePostcode(contact.MailingPostalCode) === key.postcode && (contact.MailingStreet ?? '').toLowerCase().startsWith(key.street.toLowerCase());
}
