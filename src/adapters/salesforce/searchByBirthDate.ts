import type { IdentityRecord } from '../../domain/index.js';
import type { BlockingKey, CallContext } from '../types.js';
import type { ResolvedSalesforceOptions } from './resolveSalesforceOptions.js';
import { searchContactsCapped } from './searchContactsCapped.js';
import { slotKeys } from './searchInChunks.js';

/** Distinct dates per SOQL query. */
const DATES_PER_QUERY = 100;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Fills the slots of `birthDate` keys: one SOQL per 100 distinct dates,
 * `SELECT … FROM Contact WHERE Birthdate = 1980-03-04 OR Birthdate = 1991-12-31` (a date field takes an
 * unquoted date literal: https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm),
 * all pages followed, capped under `ctx.maxSearchResults` (see searchContactsCapped). Only real calendar dates
 * written `YYYY-MM-DD` are sent (the literal is unquoted, so nothing else may reach the query); other values
 * give `[]` without a call. Contacts are handed back to the key whose date equals their `Birthdate`. A failed
 * query puts its error in its keys' slots. Never rejects.
 */
export async function searchByBirthDate(
  options: ResolvedSalesforceOptions,
  keys: readonly BlockingKey[],
  results: Array<IdentityRecord[] | Error>,
  ctx: CallContext,
): Promise<void> {
  const slots = slotKeys(keys, (key) => {
    if (key.kind !== 'birthDate') return null;
    const date = key.value.trim();
    return isCalendarDate(date) ? { id: date, term: date } : null;
  });
  await searchContactsCapped(
    options,
    {
      slots,
      termsPerQuery: DATES_PER_QUERY,
      where: (dates) => dates.map((date) => `Birthdate = ${date}`).join(' OR '),
      matches: (contact, date) => contact.Birthdate === date,
    },
    results,
    ctx,
  );
}

/** `YYYY-MM-DD` naming a real day (no 2023-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
