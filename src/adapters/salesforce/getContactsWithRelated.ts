import { z } from 'zod';
import type { Activity, IdentityRecord, Ticket } from '../../domain/index.js';
import type { BatchResult, CallContext, RecordWithRelated, RelatedWant } from '../types.js';
import { UpstreamError } from '../UpstreamError.js';
import { chunk, toError } from './chunk.js';
import { invalidIdError } from './invalidIdError.js';
import { CONTACT_KEY_PREFIX, isSalesforceId, salesforceIdKey } from './isSalesforceId.js';
import { mapCase } from './mapCase.js';
import { mapContact } from './mapContact.js';
import { mapTask } from './mapTask.js';
import { queryAll } from './queryAll.js';
import { quoteSoql } from './quoteSoql.js';
import { badShape, requestSalesforce } from './requestSalesforce.js';
import type { ResolvedSalesforceOptions } from './resolveSalesforceOptions.js';
import { CASE_FIELDS, CONTACT_FIELDS, TASK_FIELDS } from './salesforceFields.js';
import { wireCase, wireContact, wireQueryPage, wireTask } from './wireSchemas.js';

/**
 * Contacts per SOQL: 200 quoted 18-char ids (~4.4 KB) plus the field lists keep the GET URL far below the
 * ~16 KB Salesforce accepts, so a list of 200 customers is one query.
 */
export const CONTACTS_PER_FUSED_QUERY = 200;

/** A child relationship as a parent record carries it: `null` when the parent has no such children. */
const wireChildSet = z
  .object({ totalSize: z.number(), done: z.boolean(), nextRecordsUrl: z.string().nullish(), records: z.array(z.unknown()) })
  .nullish();
const wireContactWithChildren = wireContact.extend({ Cases: wireChildSet, Tasks: wireChildSet });
type WireChildSet = z.infer<typeof wireChildSet>;

/** The SOQL for `ids` (already valid Contact ids) with the child sub-queries `want` asks for. */
export function contactsWithRelatedSoql(ids: readonly string[], want: RelatedWant): string {
  const select = [...CONTACT_FIELDS];
  // https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_query_using.htm
  if (want.tickets) select.push(`(SELECT ${CASE_FIELDS.join(', ')} FROM Cases ORDER BY CreatedDate DESC)`);
  // Undated tasks last: SOQL sorts nulls first unless told otherwise.
  if (want.activities) select.push(`(SELECT ${TASK_FIELDS.join(', ')} FROM Tasks ORDER BY ActivityDate DESC NULLS LAST, CreatedDate DESC)`);
  return `SELECT ${select.join(', ')} FROM Contact WHERE Id IN (${ids.map(quoteSoql).join(', ')})`;
}

/**
 * The adapter's `fetchWithRelated`: contacts with their Cases (`want.tickets`) and Tasks (`want.activities`)
 * in ONE SOQL per 200 contacts, the lists as parent-to-child relationship sub-queries
 * (`SELECT …, (SELECT … FROM Cases ORDER BY CreatedDate DESC), (SELECT … FROM Tasks …) FROM Contact WHERE Id
 * IN (…)`, https://developer.salesforce.com/docs/platform/api-rest/guide/resources-query.md). A child set
 * Salesforce cut short (`done: false`) is followed through its `nextRecordsUrl` up to `maxPages`. Orders are
 * not a Salesforce list here (`[]` never asked). Results keep input order: `{ record: null }` with empty lists
 * for an unknown contact, a `rejected` error for an id that is not a Contact id (no call made), a failed
 * query's error in the slots of its contacts. Never rejects.
 */
export async function getContactsWithRelated(options: ResolvedSalesforceOptions, ids: readonly string[], want: RelatedWant, ctx: CallContext): Promise<BatchResult<RecordWithRelated>> {
  const wanted = new Map<string, string>();
  for (const id of ids) if (isSalesforceId(id, CONTACT_KEY_PREFIX) && !wanted.has(salesforceIdKey(id))) wanted.set(salesforceIdKey(id), id);
  const found = new Map<string, RecordWithRelated | Error>();
  await Promise.all(
    chunk([...wanted.keys()], CONTACTS_PER_FUSED_QUERY).map(async (keys) => {
      try {
        const soql = contactsWithRelatedSoql(
          keys.map((key) => wanted.get(key) ?? key),
          want,
        );
        for (const wire of await queryAll(options, soql, wireContactWithChildren, ctx)) {
          const record: IdentityRecord = mapContact(wire, options.name);
          const [tickets, activities] = await Promise.all([
            want.tickets ? readChildren(options, wire.Cases, wireCase, (c) => mapCase(c, options.name), ctx) : undefined,
            want.activities ? readChildren(options, wire.Tasks, wireTask, (t) => mapTask(t, options.name), ctx) : undefined,
          ]);
          found.set(salesforceIdKey(wire.Id), { record, ...(tickets ? { tickets } : {}), ...(activities ? { activities } : {}) });
        }
        for (const key of keys) if (!found.has(key)) found.set(key, { record: null, ...(want.tickets ? { tickets: [] } : {}), ...(want.activities ? { activities: [] } : {}) });
      } catch (error) {
        for (const key of keys) found.set(key, toError(error));
      }
    }),
  );
  return ids.map((id) => (isSalesforceId(id, CONTACT_KEY_PREFIX) ? (found.get(salesforceIdKey(id)) ?? { record: null }) : invalidIdError(options.name, id, 'Contact')));
}

/** A child set's records, following `nextRecordsUrl` while `done` is false (up to `maxPages` pages). */
async function readChildren<W, T extends Ticket | Activity>(options: ResolvedSalesforceOptions, set: WireChildSet, schema: z.ZodType<W>, map: (wire: W) => T, ctx: CallContext): Promise<T[] | Error> {
  const out: T[] = [];
  let page = set ?? { totalSize: 0, done: true, records: [] };
  const seen = new Set<string>();
  for (let pages = 1; ; pages += 1) {
    for (const item of page.records) {
      const parsed = schema.safeParse(item);
      if (!parsed.success) return badShape(options.name, parsed.error, 'GET', '/query', 200);
      out.push(map(parsed.data));
    }
    const next = page.nextRecordsUrl;
    if (page.done) return out;
    if (!next || seen.has(next)) return new UpstreamError({ source: options.name, kind: 'bad_response', message: 'Salesforce child records not done without a new nextRecordsUrl', method: 'GET', status: 200 });
    if (pages >= options.maxPages) {
      options.logger?.warn({ source: options.name, pages, fetched: out.length, totalSize: page.totalSize }, 'Salesforce child records cut off at maxPages');
      return out;
    }
    seen.add(next);
    try {
      page = await requestSalesforce(options, { method: 'GET', path: next, signal: ctx.signal }, wireQueryPage);
    } catch (error) {
      return toError(error);
    }
  }
}
