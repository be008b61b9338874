import type { z } from 'zod';
import type { BatchResult, CallContext } from '../types.js';
import { chunk, toError } from './chunk.js';
import { invalidIdError } from './invalidIdError.js';
import { CONTACT_KEY_PREFIX, isSalesforceId, salesforceIdKey } from './isSalesforceId.js';
import { queryAll } from './queryAll.js';
import { quoteSoql } from './quoteSoql.js';
import type { ResolvedSalesforceOptions } from './resolveSalesforceOptions.js';

/** Distinct owners per SOQL query, keeping the URL well under Salesforce's limit. */
const OWNERS_PER_QUERY = 100;

/** What to list per owner: a child object queried by its Contact reference field. */
export interface OwnedListSpec<W, T> {
  /** `Case`, `Task`. */
  readonly object: string;
  readonly fields: readonly string[];
  /** The field holding the owning Contact id: `ContactId`, `WhoId`. */
  readonly ownerField: string;
  /** ORDER BY clause giving newest first. */
  readonly orderBy: string;
  readonly schema: z.ZodType<W>;
  readonly ownerOf: (wire: W) => string;
  readonly map: (wire: W, source: string) => T;
}

/**
 * Child records of several contacts with one SOQL per 100 distinct owners,
 * `SELECT … FROM <object> WHERE <ownerField> IN ('003…', …) ORDER BY …`
 * (https://developer.salesforce.com/docs/platform/api-rest/guide/resources-query.md), all pages followed,
 * grouped by owner (15- and 18-char ids match). Results keep input order; `[]` for an owner with none; an
 * id that is not a Contact id gets a `rejected` error without a call; a failed query puts its error in its
 * owners' slots. Never rejects.
 */
export async function listByOwner<W, T>(options: ResolvedSalesforceOptions, ownerIds: readonly string[], spec: OwnedListSpec<W, T>, ctx: CallContext): Promise<BatchResult<T[]>> {
  // One id per owner as the caller wrote it, keyed by the 15-char form both lengths share.
  const wanted = new Map<string, string>();
  for (const id of ownerIds) if (isSalesforceId(id, CONTACT_KEY_PREFIX) && !wanted.has(salesforceIdKey(id))) wanted.set(salesforceIdKey(id), id);
  const groups = new Map<string, T[] | Error>();
  await Promise.all(
    chunk([...wanted.keys()], OWNERS_PER_QUERY).map(async (owners) => {
      try {
        const ids = owners.map((owner) => quoteSoql(wanted.get(owner) ?? owner));
        const soql = `SELECT ${spec.fields.join(', ')} FROM ${spec.object} WHERE ${spec.ownerField} IN (${ids.join(', ')}) ORDER BY ${spec.orderBy}`;
        for (const owner of owners) groups.set(owner, []);
        for (const wire of await queryAll(options, soql, spec.schema, ctx)) {
          const group = groups.get(salesforceIdKey(spec.ownerOf(wire)));
          if (Array.isArray(group)) group.push(spec.map(wire, options.name));
        }
      } catch (error) {
        for (const owner of owners) groups.set(owner, toError(error));
      }
    }),
  );
  return ownerIds.map((id) => (isSalesforceId(id, CONTACT_KEY_PREFIX) ? (groups.get(salesforceIdKey(id)) ?? []) : invalidIdError(options.name, id, 'Contact')));
}
