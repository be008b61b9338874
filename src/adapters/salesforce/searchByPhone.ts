import type { IdentityRecord } from '../../domain/index.js';
import { searchCap } from '../searchCap.js';
import type { BlockingKey, CallContext } from '../types.js';
import { escapeSoslTerm } from './escapeSoslTerm.js';
import { mapContact } from './mapContact.js';
import { requestSalesforce } from './requestSalesforce.js';
import { searchInChunks, slotKeys } from './searchInChunks.js';
import type { ResolvedSalesforceOptions } from './resolveSalesforceOptions.js';
import { CONTACT_FIELDS } from './salesforceFields.js';
import { wireContactSearch } from './wireSchemas.js';

/** Distinct phone terms per SOSL search. */
const PHONES_PER_SEARCH = 50;
/** Digits compared: a national number without its country code (NANP is 10 digits). */
const SIGNIFICANT_DIGITS = 10;

/**
 * Fills the slots of phone keys (E.164, `+14155551212`): one SOSL
 * `FIND {4155551212 OR …} IN PHONE FIELDS RETURNING Contact(…)` per 50 distinct numbers
 * (https://developer.salesforce.com/docs/platform/api-rest/guide/resources-search.md). Stored phones are
 * free text (`(415) 555-1212`) that SOQL could only match exactly; SOSL compares digits. Contacts are
 * handed back to keys whose last 10 digits equal those of `Phone` or `MobilePhone`. SOSL has no paging and
 * caps a search at 2000 records; under `ctx.maxSearchResults` = M a key keeps M+1 of its contacts. A failed search puts its error in its keys' slots. Never rejects.
 */
export async function searchByPhone(
  options: ResolvedSalesforceOptions,
  keys: readonly BlockingKey[],
  results: Array<IdentityRecord[] | Error>,
  ctx: CallContext,
): Promise<void> {
  const slots = slotKeys(keys, (key) => {
    if (key.kind !== 'phone') return null;
    const term = significantDigits(key.value);
    // SOSL rejects one-character terms; such a key cannot match a phone anyway.
    return term.length >= 2 ? { id: term, term } : null;
  });
  await searchInChunks(
    slots,
    PHONES_PER_SEARCH,
    async (terms) => {
      const sosl = `FIND {${terms.map(escapeSoslTerm).join(' OR ')}} IN PHONE FIELDS RETURNING Contact(${CONTACT_FIELDS.join(', ')})`;
      const call = { method: 'GET', path: `services/data/${options.apiVersion}/search`, params: { q: sosl }, signal: ctx.signal } as const;
      const contacts = (await requestSalesforce(options, call, wireContactSearch)).searchRecords;
      const cap = searchCap(ctx);
      return (term) => {
        const matched = contacts.filter((c) => [c.Phone, c.MobilePhone].some((phone) => phone && phoneMatches(significantDigits(phone), term)));
        return (cap === null ? matched : matched.slice(0, cap)).map((c) => mapContact(c, options.name));
      };
    },
    results,
  );
}

function significantDigits(phone: string): string {
  return phone.replace(/\D/g, '').slice(-SIGNIFICANT_DIGITS);
}

function phoneMatches(stored: string, term: string): boolean {
  return stored.length > 0 && (term.length >= SIGNIFICANT_DIGITS ? stored === term : stored.endsWith(term));
}
