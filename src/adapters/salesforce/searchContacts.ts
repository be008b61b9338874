import type { IdentityRecord } from '../../domain/index.js';
import type { BatchResult, BlockingKey, CallContext } from '../types.js';
import type { ResolvedSalesforceOptions } from './resolveSalesforceOptions.js';
import { searchByCaseNumber } from './searchByCaseNumber.js';
import { searchByEmail } from './searchByEmail.js';
import { searchByName } from './searchByName.js';
import { searchByPhone } from './searchByPhone.js';

/**
 * Candidate contacts per blocking key, in key order: email keys batched into SOQL `Email IN (…)`, phone
 * keys into one SOSL phone search, name keys into SOQL on LastName (+ FirstName); the three run in
 * parallel; `ticketNumber` keys → Case by CaseNumber, then its contacts (see searchByCaseNumber). Identifier keys (and blank values) get `[]` without a call: Contacts carry no identifier the
 * gateway searches by. A failed call puts its error in its keys' slots; the promise never rejects.
 */
export async function searchContacts(options: ResolvedSalesforceOptions, keys: readonly BlockingKey[], ctx: CallContext): Promise<BatchResult<IdentityRecord[]>> {
  const results: Array<IdentityRecord[] | Error> = keys.map(() => []);
  await Promise.all([searchByEmail(options, keys, results, ctx), searchByPhone(options, keys, results, ctx), searchByName(options, keys, results, ctx), searchByCaseNumber(options, keys, results, ctx)]);
  return results;
}
