import type { IdentityRecord } from '../../domain/index.js';
import type { BatchResult, BlockingKey, CallContext } from '../types.js';
import type { ResolvedSalesforceOptions } from './resolveSalesforceOptions.js';
import { searchByCaseNumber } from './searchByCaseNumber.js';
import { searchByBirthDate } from './searchByBirthDate.js';
import { searchByEmail } from './searchByEmail.js';
import { searchByName } from './searchByName.js';
import { searchByNamePrefix } from './searchByNamePrefix.js';
import { searchByPhone } from './searchByPhone.js';
import { searchByPostcodeStreet } from './searchByPostcodeStreet.js';

/**
 * Candidate contacts per blocking key, in key order, each kind batched into its own calls, all in parallel:
 * email keys into SOQL `Email IN (…)`, phone keys into one SOSL phone search, name keys into SOQL on
 * LastName (+ FirstName), `namePrefix` keys into SOQL `LastName LIKE 'abc%'` (+ FirstName), `birthDate`
 * keys into SOQL `Birthdate = YYYY-MM-DD`, `postcodeStreet` keys into SOQL on MailingPostalCode +
 * `MailingStreet LIKE`; `ticketNumber` keys → Case by CaseNumber, then its contacts (see searchByCaseNumber). Every SOQL search is capped under `ctx.maxSearchResults` (see searchContactsCapped),
 * the SOSL one cut per key. Identifier and `namePhonetic` keys (and blank values) get `[]` without a call:
 * Contacts carry no identifier the gateway searches by, and SOQL has no phonetic operator. A failed call
 * puts its error in its keys' slots; the promise never rejects.
 */
export async function searchContacts(options: ResolvedSalesforceOptions, keys: readonly BlockingKey[], ctx: CallContext): Promise<BatchResult<IdentityRecord[]>> {
  const results: Array<IdentityRecord[] | Error> = keys.map(() => []);
  await Promise.all(
    [searchByEmail, searchByPhone, searchByName, searchByNamePrefix, searchByBirthDate, searchByPostcodeStreet, searchByCaseNumber].map((search) => search(options, keys, results, ctx)),
  );
  return results;
}
