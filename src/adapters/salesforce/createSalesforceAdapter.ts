import type { SourceAdapter } from '../types.js';
import { getContactsByIds } from './getContactsByIds.js';
import { getContactsWithRelated } from './getContactsWithRelated.js';
import { listByOwner } from './listByOwner.js';
import { mapCase } from './mapCase.js';
import { mapTask } from './mapTask.js';
import { resolveSalesforceOptions } from './resolveSalesforceOptions.js';
import type { SalesforceAdapterOptions } from './resolveSalesforceOptions.js';
import { CASE_FIELDS, TASK_FIELDS } from './salesforceFields.js';
import { searchContacts } from './searchContacts.js';
import { wireCase, wireTask } from './wireSchemas.js';

/**
 * A source adapter for the Salesforce REST API (kind `salesforce`; capabilities `search`, `tickets` from
 * Cases, `activities` from Tasks; no orders) over the injected HTTP client. `ref.id` is the Contact's
 * 18-char Id; `ref.source` is `options.name`.
 * - `search`: per batch (chunked), email keys → one SOQL `Email IN (…)`, phone keys → one SOSL phone
 *   search, name keys → one SOQL on LastName/FirstName, `namePrefix` keys → one SOQL `LastName LIKE 'abc%'
 *   AND FirstName LIKE 'j%'`, `birthDate` keys → one SOQL `Birthdate = 1980-03-04`, `postcodeStreet` keys →
 *   one SOQL on MailingPostalCode + `MailingStreet LIKE '7 wal%'`; under `ctx.maxSearchResults` = M each SOQL
 *   carries `LIMIT (M+1) × terms` and a key keeps at most M+1 contacts (plus one re-query of the rarer keys
 *   when the limit is reached; see searchContactsCapped); identifier and `namePhonetic` keys → `[]` (see
 *   searchContacts).
 * - `search` also serves console lookups: `ticketNumber` keys → SOQL on Case by CaseNumber, then the contacts.
 * - `getByIds`: sObject Collections GET, 200 ids per call (see getContactsByIds).
 * - `ticketsByOwner` / `activitiesByOwner`: one SOQL on Case (`ContactId IN`, `CreatedDate DESC`) / Task
 *   (`WhoId IN`, `ActivityDate DESC`) per 100 owners, grouped per owner (see listByOwner).
 * - `fetchWithRelated`: contacts with their Cases and Tasks as child-relationship sub-queries, one SOQL per
 *   200 contacts (see getContactsWithRelated): a warm 360 asks Salesforce once.
 * Every query follows `nextRecordsUrl` up to `maxPages`. Every failure is an UpstreamError: 403
 * REQUEST_LIMIT_EXCEEDED → `rate_limited`, 401/INVALID_SESSION_ID → `auth`, other 4xx → `rejected`, 5xx →
 * `unavailable`, HTML/empty/malformed/unexpected bodies → `bad_response`, in the slots of the keys whose
 * call failed; batches never reject. Retries, breakers and deadlines belong to the caller and the HTTP
 * client (pass `ctx.signal`). Stateless: one instance serves all requests. Throws a TypeError for an
 * invalid option.
 */
export function createSalesforceAdapter(options: SalesforceAdapterOptions): SourceAdapter {
  const resolved = resolveSalesforceOptions(options);
  const adapter = {
    name: resolved.name,
    kind: 'salesforce',
    // Every call builds its records from its own response: provenance is stamped on them, not on copies.
    freshValues: true,
    capabilities: { search: true, searchKeys: ['email', 'phone', 'name', 'namePrefix', 'birthDate', 'postcodeStreet', 'identifier'], orders: false, tickets: true, activities: true, lookupKinds: ['ticketNumber'] },
    search: (keys, ctx) => searchContacts(resolved, keys, ctx),
    getByIds: (ids, ctx) => getContactsByIds(resolved, ids, ctx),
    fetchWithRelated: (ids, want, ctx) => getContactsWithRelated(resolved, ids, want, ctx),
    ticketsByOwner: (ownerIds, ctx) =>
      listByOwner(
        resolved,
        ownerIds,
        { object: 'Case', fields: CASE_FIELDS, ownerField: 'ContactId', orderBy: 'CreatedDate DESC', schema: wireCase, ownerOf: (c) => c.ContactId, map: mapCase },
        ctx,
      ),
    activitiesByOwner: (ownerIds, ctx) =>
      listByOwner(
        resolved,
        ownerIds,
        // Undated tasks last: SOQL sorts nulls first unless told otherwise.
        { object: 'Task', fields: TASK_FIELDS, ownerField: 'WhoId', orderBy: 'ActivityDate DESC NULLS LAST, CreatedDate DESC', schema: wireTask, ownerOf: (t) => t.WhoId, map: mapTask },
        ctx,
      ),
  } satisfies SourceAdapter;
  return adapter;
}
