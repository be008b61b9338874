import { z } from 'zod';
import type { IdentityRecord } from '../../domain/index.js';
import type { BlockingKey, CallContext } from '../types.js';
import { getContactsByIds } from './getContactsByIds.js';
import { queryAll } from './queryAll.js';
import { quoteSoql } from './quoteSoql.js';
import type { ResolvedSalesforceOptions } from './resolveSalesforceOptions.js';
import { searchInChunks, slotKeys } from './searchInChunks.js';

/** Distinct case numbers per SOQL query. */
const CASE_NUMBERS_PER_QUERY = 100;

const wireCaseOwner = z.object({ CaseNumber: z.string(), ContactId: z.string().nullable() });

/**
 * A case number as typed → the CaseNumber Salesforce stores: digits, left-padded with zeros to the default
 * auto-number width of 8 (`1001` → `00001001`); null for anything else.
 */
export function caseNumberTerm(value: string): string | null {
  const text = value.trim().replace(/^#/, '');
  if (!/^\d{1,30}$/.test(text)) return null;
  return text.length >= 8 ? text : text.padStart(8, '0');
}

/**
 * Fills the slots of `ticketNumber` keys (console lookup, issue 14) with the contacts of the cases of that
 * CaseNumber: one SOQL `SELECT CaseNumber, ContactId FROM Case WHERE CaseNumber IN (…)` per 100 distinct
 * numbers (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_case.htm),
 * then the contacts through one sObject Collections call (see getContactsByIds). A case without a contact
 * gives `[]`. A failed query puts its error in its keys' slots. Never rejects.
 */
export async function searchByCaseNumber(
  options: ResolvedSalesforceOptions,
  keys: readonly BlockingKey[],
  results: Array<IdentityRecord[] | Error>,
  ctx: CallContext,
): Promise<void> {
  const slots = slotKeys(keys, (key) => {
    if (key.kind !== 'ticketNumber') return null;
    const term = caseNumberTerm(key.value);
    return term === null ? null : { id: term, term };
  });
  await searchInChunks(
    slots,
    CASE_NUMBERS_PER_QUERY,
    async (numbers) => {
      const soql = `SELECT CaseNumber, ContactId FROM Case WHERE CaseNumber IN (${numbers.map(quoteSoql).join(', ')})`;
      const contactOf = new Map<string, string>();
      for (const c of await queryAll(options, soql, wireCaseOwner, ctx)) if (c.ContactId) contactOf.set(c.CaseNumber, c.ContactId);
      const ids = [...new Set(contactOf.values())];
      const contacts = ids.length > 0 ? await getContactsByIds(options, ids, ctx) : [];
      const byId = new Map<string, IdentityRecord>();
      contacts.forEach((contact, i) => {
        if (contact instanceof Error) throw contact;
        if (contact) byId.set(ids[i]!, contact);
      });
      return (number) => {
        const contact = byId.get(contactOf.get(number) ?? '');
        return contact ? [contact] : [];
      };
    },
    results,
  );
}
