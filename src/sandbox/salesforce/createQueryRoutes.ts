import type { FakeRoute } from '../fakeTypes.js';
import { executeSoql } from './executeSoql.js';
import { parseSoql } from './parseSoql.js';
import type { SfWireRecord } from './renderRecord.js';
import type { SalesforceFakeContext } from './SalesforceFakeContext.js';
import { malformedQuery, SalesforceFakeError } from './SalesforceFakeError.js';
import { withSalesforceErrors } from './withSalesforceErrors.js';

const MIN_HEADER_BATCH_SIZE = 200;
const MAX_BATCH_SIZE = 2000;

/**
 * The Query resource: `GET …/query?q=<SOQL>` and the next-page link `GET …/query/<locator>-<offset>`.
 * Pages hold `ctx.batchSize` records, lowered per request by `Sforce-Query-Options: batchSize=N`
 * (N clamped to 200..2000 as Salesforce does); child records of sub-queries count toward a page, as in
 * Salesforce ("child objects count toward the number of records for the batch size"), a page holding at least
 * one parent. An unknown locator or offset answers 400 `INVALID_QUERY_LOCATOR`.
 */
export function createQueryRoutes(ctx: SalesforceFakeContext): FakeRoute[] {
  return [
    {
      name: 'query',
      method: 'GET',
      pattern: /^\/services\/data\/(v\d+\.\d+)\/query\/?$/,
      handler: withSalesforceErrors((req, match) => {
        const version = match[1] ?? '';
        const q = req.query.get('q');
        if (q === null || q.trim() === '') throw malformedQuery('A query string has to be specified');
        const records = executeSoql(ctx.db, parseSoql(q), version);
        const batchSize = effectiveBatchSize(headerText(req.headers['sforce-query-options']), ctx.batchSize);
        const locator = pageEnd(records, 0, batchSize) < records.length ? ctx.locators.open({ records, batchSize }) : '';
        return { status: 200, body: page(version, locator, records, 0, batchSize) };
      }),
    },
    {
      name: 'queryMore',
      method: 'GET',
      pattern: /^\/services\/data\/(v\d+\.\d+)\/query\/([^/]+)$/,
      handler: withSalesforceErrors((_req, match) => {
        const version = match[1] ?? '';
        const [, locator = '', offsetText = ''] = /^([A-Za-z0-9]+)-(\d+)$/.exec(match[2] ?? '') ?? [];
        const cursor = ctx.locators.get(locator);
        const offset = Number(offsetText);
        if (!cursor || !Number.isInteger(offset) || offset <= 0 || offset >= cursor.records.length) {
          throw new SalesforceFakeError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
        }
        return { status: 200, body: page(version, locator, cursor.records, offset, cursor.batchSize) };
      }),
    },
  ];
}

function page(version: string, locator: string, records: readonly SfWireRecord[], offset: number, batchSize: number): Record<string, unknown> {
  const end = pageEnd(records, offset, batchSize);
  const done = end >= records.length;
  return {
    totalSize: records.length,
    done,
    ...(done ? {} : { nextRecordsUrl: `/services/data/${version}/query/${locator}-${end}` }),
    records: records.slice(offset, end),
  };
}

/** Where the page starting at `offset` ends: records plus their sub-query children up to `batchSize`, at least one record. */
function pageEnd(records: readonly SfWireRecord[], offset: number, batchSize: number): number {
  let weight = 0;
  let end = offset;
  while (end < records.length) {
    const next = 1 + childCount(records[end]!);
    if (end > offset && weight + next > batchSize) break;
    weight += next;
    end += 1;
  }
  return end;
}

function childCount(record: SfWireRecord): number {
  let count = 0;
  for (const value of Object.values(record)) {
    if (value !== null && typeof value === 'object' && Array.isArray((value as { records?: unknown }).records)) count += (value as { records: unknown[] }).records.length;
  }
  return count;
}

/** The page size for a request: the configured size, lowered by a valid `batchSize=N` header option. */
export function effectiveBatchSize(header: string | undefined, configured: number): number {
  const match = /(?:^|[,;\s])batchSize\s*=\s*(\d+)/i.exec(header ?? '');
  if (!match?.[1]) return configured;
  const requested = Math.min(MAX_BATCH_SIZE, Math.max(MIN_HEADER_BATCH_SIZE, Number(match[1])));
  return Math.min(configured, requested);
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}
