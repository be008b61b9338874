// Internal: a SOQL query followed through every page.
import type { z } from 'zod';
import type { CallContext } from '../types.js';
import { UpstreamError } from '../UpstreamError.js';
import { badShape, requestSalesforce } from './requestSalesforce.js';
import type { ResolvedSalesforceOptions } from './resolveSalesforceOptions.js';
import { wireQueryPage } from './wireSchemas.js';

/**
 * Runs `soql` through the Query resource (https://developer.salesforce.com/docs/platform/api-rest/guide/resources-query.md)
 * and follows `nextRecordsUrl` until `done` (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_query.htm),
 * checking every record against `record`. Guards: after `maxPages` pages the result is cut off with a
 * warning (no PII) on the logger; the same `nextRecordsUrl` twice, or `done: false` without one, rejects
 * with a `bad_response` {@link UpstreamError}. Other failures reject as requestSalesforce does.
 */
export async function queryAll<T>(options: ResolvedSalesforceOptions, soql: string, record: z.ZodType<T>, ctx: CallContext): Promise<T[]> {
  const records: T[] = [];
  const seen = new Set<string>();
  let path = `services/data/${options.apiVersion}/query`;
  let params: Record<string, string> | undefined = { q: soql };
  for (let page = 1; ; page += 1) {
    const body = await requestSalesforce(options, { method: 'GET', path, params, signal: ctx.signal }, wireQueryPage);
    for (const item of body.records) {
      const parsed = record.safeParse(item);
      if (!parsed.success) throw badShape(options.name, parsed.error, 'GET', pathOnly(path), 200);
      records.push(parsed.data);
    }
    if (body.done) return records;
    const next = body.nextRecordsUrl;
    if (!next || seen.has(next)) {
      throw new UpstreamError({
        source: options.name,
        kind: 'bad_response',
        message: next ? 'Salesforce returned the same nextRecordsUrl twice' : 'Salesforce answered done:false without a nextRecordsUrl',
        method: 'GET',
        url: pathOnly(path),
        status: 200,
      });
    }
    if (page >= options.maxPages) {
      options.logger?.warn({ source: options.name, pages: page, fetched: records.length, totalSize: body.totalSize }, 'Salesforce query cut off at maxPages');
      return records;
    }
    seen.add(next);
    path = next;
    params = undefined;
  }
}

function pathOnly(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}
