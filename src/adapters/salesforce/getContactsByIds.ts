import type { IdentityRecord } from '../../domain/index.js';
import type { BatchResult, CallContext } from '../types.js';
import { UpstreamError } from '../UpstreamError.js';
import { chunk, toError } from './chunk.js';
import { invalidIdError } from './invalidIdError.js';
import { CONTACT_KEY_PREFIX, isSalesforceId } from './isSalesforceId.js';
import { mapContact } from './mapContact.js';
import { requestSalesforce } from './requestSalesforce.js';
import type { ResolvedSalesforceOptions } from './resolveSalesforceOptions.js';
import { CONTACT_FIELDS } from './salesforceFields.js';
import { wireCollection } from './wireSchemas.js';

/** Ids per sObject Collections GET: well under the ~800 that fit in a URL. */
const IDS_PER_CALL = 200;

/**
 * Contacts by id through sObject Collections, `GET composite/sobjects/Contact?ids=…&fields=…`
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_retrieve.htm),
 * 200 distinct ids per call, calls in parallel. Results keep input order: `null` where Salesforce has no
 * such contact; an id that is not a 15/18-char Contact id gets a `rejected` error without a call; a failed
 * call puts its error in the slots of its ids only.
 */
export async function getContactsByIds(options: ResolvedSalesforceOptions, ids: readonly string[], ctx: CallContext): Promise<BatchResult<IdentityRecord | null>> {
  const results: Array<IdentityRecord | null | Error> = ids.map((id) => (isSalesforceId(id, CONTACT_KEY_PREFIX) ? null : invalidIdError(options.name, id, 'Contact')));
  const wanted = [...new Set(ids.filter((id) => isSalesforceId(id, CONTACT_KEY_PREFIX)))];
  const found = new Map<string, IdentityRecord | null | Error>();
  await Promise.all(
    chunk(wanted, IDS_PER_CALL).map(async (part) => {
      try {
        const records = await requestSalesforce(
          options,
          {
            method: 'GET',
            path: `services/data/${options.apiVersion}/composite/sobjects/Contact`,
            params: { ids: part.join(','), fields: CONTACT_FIELDS.join(',') },
            signal: ctx.signal,
          },
          wireCollection,
        );
        if (records.length !== part.length) {
          throw new UpstreamError({
            source: options.name,
            kind: 'bad_response',
            message: `Salesforce returned ${records.length} slots for ${part.length} ids`,
            method: 'GET',
            status: 200,
          });
        }
        part.forEach((id, i) => {
          const record = records[i];
          found.set(id, record ? mapContact(record, options.name) : null);
        });
      } catch (error) {
        for (const id of part) found.set(id, toError(error));
      }
    }),
  );
  return results.map((slot, i) => (slot instanceof Error ? slot : (found.get(ids[i] ?? '') ?? null)));
}
