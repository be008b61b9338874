import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../src/adapters/http.js';
import type { HttpClient } from '../../../src/adapters/http.js';
import { createSalesforceAdapter, salesforceHeaders } from '../../../src/adapters/salesforce/index.js';
import type { BlockingKey, SourceAdapter } from '../../../src/adapters/types.js';
import { UpstreamError } from '../../../src/adapters/UpstreamError.js';
import type { FaultSpec } from '../../../src/sandbox/fakeTypes.js';
import type { FakeServer } from '../../../src/sandbox/fakeTypes.js';
import { IDS, pagerContacts, salesforceFixture, sfId } from '../../sandbox/salesforce/salesforceFixture.js';
import { useSalesforceSandboxes } from './useSalesforceSandboxes.js';

const TOKEN = 'adapter-test-token';
let server: FakeServer;
/** Same data, two records per query page. */
let paged: FakeServer;
const clients: HttpClient[] = [];

interface AdapterSetup {
  readonly server?: FakeServer;
  readonly token?: string;
  readonly timeoutMs?: number;
  readonly maxPages?: number;
  readonly logger?: pino.Logger;
}

function adapter(setup: AdapterSetup = {}): SourceAdapter {
  const target = setup.server ?? server;
  const http = createHttpClient({ source: 'crm', baseUrl: target.origin, headers: salesforceHeaders({ accessToken: setup.token ?? TOKEN }), timeoutMs: setup.timeoutMs ?? 5000 });
  clients.push(http);
  return createSalesforceAdapter({ name: 'crm', http, ...(setup.maxPages ? { maxPages: setup.maxPages } : {}), ...(setup.logger ? { logger: setup.logger } : {}) });
}

const email = (value: string): BlockingKey => ({ kind: 'email', value });
const phone = (value: string): BlockingKey => ({ kind: 'phone', value });
const name = (family: string, given: string | null = null): BlockingKey => ({ kind: 'name', family, given });
const refIds = (slot: unknown): string[] => {
  if (!Array.isArray(slot)) throw new Error(`expected a list, got ${String(slot)}`);
  return slot.map((r: { ref: { id: string } }) => r.ref.id);
};
const routes = (target: FakeServer = server): (string | null)[] => target.requests().map((r) => r.route);

useSalesforceSandboxes(() => salesforceFixture(pagerContacts(5)), TOKEN, clients, (started, startedPaged) => {
  server = started;
  paged = startedPaged;
});

describe('createSalesforceAdapter: shape', () => {
  it('declares its kind and capabilities', () => {
    const created = adapter();
    expect(created).toMatchObject({ name: 'crm', kind: 'salesforce', capabilities: { search: true, orders: false, tickets: true, activities: true } });
    expect(created.ordersByOwner).toBeUndefined();
  });
});

describe('createSalesforceAdapter: search', () => {
  it('sends one SOQL query for a batch of email keys and matches case-insensitively', async () => {
    const keys = [email('jane@example.com'), email('john.smith@example.org'), email("mary.o'brien@example.net"), email('nobody@example.com'), email('JANE@EXAMPLE.COM')];
    const results = await adapter().search(keys, {});
    expect(results.map(refIds)).toEqual([[IDS.jane, IDS.janeDup], [IDS.john], [IDS.mary], [], [IDS.jane, IDS.janeDup]]);
    const log = server.requests();
    expect(log.map((r) => r.route)).toEqual(['query']);
    expect(log[0]?.query['q']).toBe(
      "SELECT Id, FirstName, LastName, Name, Email, Phone, MobilePhone, MailingStreet, MailingCity, MailingState, MailingPostalCode, MailingCountry, Birthdate, HasOptedOutOfEmail, DoNotCall, CreatedDate, LastModifiedDate FROM Contact WHERE Email IN ('jane@example.com', 'john.smith@example.org', 'mary.o\\'brien@example.net', 'nobody@example.com')",
    );
  });

  it('maps the contacts it finds to identity records', async () => {
    const [found] = await adapter().search([email('jane@example.com')], {});
    expect(Array.isArray(found) ? found[0] : found).toEqual({
      ref: { source: 'crm', id: IDS.jane },
      names: [{ given: 'Jane', family: 'Doe', full: 'Jane Doe' }],
      emails: ['Jane@Example.com'],
      phones: ['(415) 555-1212'],
      addresses: [{ line1: '1 Market St', city: 'San Francisco', region: 'CA', postcode: '94105', country: 'US' }],
      birthDate: '1985-04-12',
      identifiers: {},
      createdAt: '2024-05-01T12:00:00.000Z',
      updatedAt: '2024-06-01T08:30:00.000Z',
      consent: [
        { channel: 'email', status: 'NO_OBJECTION', sourceValue: 'HasOptedOutOfEmail=false', updatedAt: '2024-06-01T08:30:00.000Z' },
        { channel: 'phone', status: 'NO_OBJECTION', sourceValue: 'DoNotCall=false', updatedAt: '2024-06-01T08:30:00.000Z' },
      ],
    });
  });

  it('finds phones stored in other formats with one SOSL search', async () => {
    const keys = [phone('+14155551212'), phone('+16505550000'), phone('+442071234567'), phone('+19995550000'), phone('+14155551212')];
    const results = await adapter().search(keys, {});
    expect(results.map(refIds)).toEqual([[IDS.jane, IDS.janeDup], [IDS.john], [IDS.wei], [], [IDS.jane, IDS.janeDup]]);
    const log = server.requests();
    expect(log.map((r) => r.route)).toEqual(['search']);
    expect(log[0]?.query['q']).toMatch(/^FIND \{4155551212 OR 6505550000 OR 2071234567 OR 9995550000\} IN PHONE FIELDS RETURNING Contact\(Id, /);
  });

  it('searches names by last name, and first name when given, in one query', async () => {
    const results = await adapter().search([name('Doe', 'Jane'), name("O'Brien"), name('Smith', 'Jim'), name('doe', 'JANE')], {});
    expect(results.map(refIds)).toEqual([[IDS.jane, IDS.janeDup], [IDS.mary], [], [IDS.jane, IDS.janeDup]]);
    const log = server.requests();
    expect(log).toHaveLength(1);
    expect(log[0]?.query['q']).toMatch(/WHERE \(LastName = 'Doe' AND FirstName = 'Jane'\) OR LastName = 'O\\'Brien' OR \(LastName = 'Smith' AND FirstName = 'Jim'\)$/);
  });

  it('answers a mixed batch with one call per key kind and none for identifier keys', async () => {
    const keys: BlockingKey[] = [{ kind: 'identifier', type: 'loyaltyNumber', value: 'L-1' }, phone('+14155551313'), email('john.smith@example.org'), name('Wei'), email('')];
    const results = await adapter().search(keys, {});
    expect(results.map(refIds)).toEqual([[], [IDS.john], [IDS.john], [IDS.wei], []]);
    expect(routes().sort()).toEqual(['query', 'query', 'search']);
  });

  it('makes no call for identifier keys alone', async () => {
    const results = await adapter().search([{ kind: 'identifier', type: 'externalId', value: 'X1' }], {});
    expect(results).toEqual([[]]);
    expect(server.requests()).toHaveLength(0);
  });

  it('chunks large email batches at 100 per query', async () => {
    const keys = Array.from({ length: 250 }, (_, i) => email(`pager${i}@example.com`));
    const results = await adapter().search(keys, {});
    expect(results).toHaveLength(250);
    expect(results.slice(0, 6).map(refIds)).toEqual([...pagerContacts(5).map((c) => [c.id]), []]);
    expect(routes()).toEqual(['query', 'query', 'query']);
  });
});

describe('createSalesforceAdapter: getByIds', () => {
  it('keeps input order, nulls unknown ids and errors a malformed id without a call', async () => {
    const unknown = sfId('003', 777);
    const results = await adapter().getByIds([IDS.mary, unknown, 'bogus', IDS.jane.slice(0, 15), IDS.acme, IDS.mary], {});
    expect(results.map((r) => (r instanceof Error ? 'error' : (r?.ref.id ?? null)))).toEqual([IDS.mary, null, 'error', IDS.jane, 'error', IDS.mary]);
    expect(results[2]).toMatchObject({ kind: 'rejected', vendorCode: 'MALFORMED_ID' });
    const log = server.requests();
    expect(log.map((r) => [r.method, r.route])).toEqual([['GET', 'collections']]);
    expect(log[0]?.query['ids']?.split(',')).toEqual([IDS.mary, unknown, IDS.jane.slice(0, 15)]);
  });

  it('chunks at 200 ids per call', async () => {
    const ids = Array.from({ length: 450 }, (_, i) => sfId('003', 1000 + i));
    ids[449] = IDS.john;
    const results = await adapter().getByIds(ids, {});
    expect(results).toHaveLength(450);
    expect(results.filter((r) => r !== null).map((r) => (r instanceof Error ? r : r.ref.id))).toEqual([IDS.john]);
    expect(server.requests().map((r) => r.query['ids']?.split(',').length)).toEqual([200, 200, 50]);
  });
});

describe('createSalesforceAdapter: paging', () => {
  it('follows nextRecordsUrl across three pages', async () => {
    const [found] = await adapter({ server: paged }).search([name('Pager')], {});
    expect(refIds(found)).toEqual(pagerContacts(5).map((c) => c.id));
    expect(routes(paged)).toEqual(['query', 'queryMore', 'queryMore']);
  });

  it('stops at maxPages and logs a warning without customer data', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const [found] = await adapter({ server: paged, maxPages: 2, logger }).search([email('pager0@example.com'), name('Pager')], {}).then((r) => [r[1]]);
    expect(refIds(found)).toHaveLength(4);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 40, source: 'crm', pages: 2, fetched: 4, totalSize: 5, msg: 'Salesforce query cut off at maxPages' });
    expect(lines[0]).not.toMatch(/pager|Pager|@/);
  });

  it.each<[string, string, FaultSpec, string, string | undefined, number]>([
    [
      'the same nextRecordsUrl twice',
      'queryMore',
      { kind: 'status', status: 200, body: { totalSize: 5, done: false, nextRecordsUrl: '/services/data/v63.0/query/01gLOOP-4', records: [] } },
      'bad_response',
      undefined,
      3,
    ],
    ['done:false without nextRecordsUrl', 'query', { kind: 'status', status: 200, body: { totalSize: 5, done: false, records: [] } }, 'bad_response', undefined, 1],
    ['an expired locator', 'queryMore', { kind: 'status', status: 400, body: [{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }] }, 'rejected', 'INVALID_QUERY_LOCATOR', 2],
    ['a session that expires on page 2', 'queryMore', { kind: 'status', status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] }, 'auth', 'INVALID_SESSION_ID', 2],
  ])('fails the key on %s', async (_name, route, fault, kind, vendorCode, calls) => {
    paged.addFault({ match: { route }, fault });
    const [result] = await adapter({ server: paged }).search([name('Pager')], {});
    expect(result).toBeInstanceOf(UpstreamError);
    expect(result).toMatchObject({ kind, vendorCode });
    expect(paged.requests()).toHaveLength(calls);
  });
});

describe('createSalesforceAdapter: tickets and activities', () => {
  it('lists cases of several owners with one paged query, newest first', async () => {
    const results = await adapter({ server: paged }).ticketsByOwner?.([IDS.jane, IDS.john, IDS.wei, 'bad-id', IDS.jane.slice(0, 15)], {});
    expect(results?.map((r) => (r instanceof Error ? r.name : r.map((t) => t.number)))).toEqual([
      ['00001006', '00001004', '00001003', '00001001'],
      ['00001005', '00001002'],
      [],
      'UpstreamError',
      ['00001006', '00001004', '00001003', '00001001'],
    ]);
    const log = paged.requests();
    expect(log.map((r) => r.route)).toEqual(['query', 'queryMore', 'queryMore']);
    expect(log[0]?.query['q']).toBe(
      `SELECT Id, CaseNumber, ContactId, Subject, Status, Priority, Origin, IsClosed, CreatedDate, ClosedDate, LastModifiedDate FROM Case WHERE ContactId IN ('${IDS.jane}', '${IDS.john}', '${IDS.wei}') ORDER BY CreatedDate DESC`,
    );
  });

  it('maps cases to tickets', async () => {
    const [jane] = (await adapter().ticketsByOwner?.([IDS.jane], {})) ?? [];
    expect(Array.isArray(jane) ? jane.at(-1) : jane).toEqual({
      ref: { source: 'crm', id: sfId('500', 1) },
      ownerRef: { source: 'crm', id: IDS.jane },
      kind: 'CASE',
      number: '00001001',
      subject: 'Case 1',
      status: 'CLOSED',
      sourceStatus: 'Closed',
      priority: 'high',
      channel: 'phone',
      createdAt: '2024-01-01T10:00:00.000Z',
      updatedAt: '2024-01-02T10:00:00.000Z',
      closedAt: '2024-01-05T10:00:00.000Z',
    });
  });

  it('lists tasks of several owners with one query, mapped to activities', async () => {
    const results = await adapter().activitiesByOwner?.([IDS.john, IDS.jane, IDS.orphan], {});
    expect(results?.map((r) => (r instanceof Error ? r : r.map((a) => [a.kind, a.occurredAt, a.durationSeconds])))).toEqual([
      [
        ['CALL', '2024-05-15', 60],
        ['TASK', '2024-03-15', null],
      ],
      [
        ['TASK', '2024-04-15', null],
        ['EMAIL', '2024-02-15', null],
        ['CALL', '2024-01-15', 300],
      ],
      [],
    ]);
    const log = server.requests();
    expect(log).toHaveLength(1);
    expect(log[0]?.query['q']).toMatch(/FROM Task WHERE WhoId IN \('.+', '.+', '.+'\) ORDER BY ActivityDate DESC NULLS LAST, CreatedDate DESC$/);
  });
});

describe('createSalesforceAdapter: errors', () => {
  it.each<[string, string, FaultSpec, string | undefined]>([
    ['403 REQUEST_LIMIT_EXCEEDED', 'rate_limited', { kind: 'preset', preset: 'throttle' }, 'REQUEST_LIMIT_EXCEEDED'],
    ['403 permissions', 'rejected', { kind: 'status', status: 403, body: [{ message: 'no', errorCode: 'INSUFFICIENT_ACCESS' }] }, 'INSUFFICIENT_ACCESS'],
    ['500', 'unavailable', { kind: 'preset', preset: 'serverError' }, 'UNKNOWN_EXCEPTION'],
    ['503', 'unavailable', { kind: 'preset', preset: 'unavailable' }, 'SERVER_UNAVAILABLE'],
    ['an HTML 502', 'bad_response', { kind: 'html' }, undefined],
    ['malformed JSON', 'bad_response', { kind: 'malformedJson' }, undefined],
    ['an empty 200', 'bad_response', { kind: 'empty' }, undefined],
    ['an unexpected shape', 'bad_response', { kind: 'status', status: 200, body: { records: 'none' } }, undefined],
    ['a record without Id', 'bad_response', { kind: 'status', status: 200, body: { totalSize: 1, done: true, records: [{ Email: 'x@y.z' }] } }, undefined],
    ['an error object instead of an array', 'rate_limited', { kind: 'status', status: 403, body: { message: 'x', errorCode: 'REQUEST_LIMIT_EXCEEDED' } }, 'REQUEST_LIMIT_EXCEEDED'],
    ['a reset connection', 'unavailable', { kind: 'reset' }, undefined],
  ])('maps %s to %s in the slots of the failed call', async (_name, kind, fault, vendorCode) => {
    server.addFault({ match: { route: 'query' }, fault });
    const results = await adapter().search([email('jane@example.com'), phone('+14155551313'), email('john.smith@example.org')], {});
    expect(results[0]).toBeInstanceOf(UpstreamError);
    expect(results[0]).toMatchObject({ source: 'crm', kind, vendorCode });
    expect(results[2]).toBe(results[0]);
    expect(refIds(results[1])).toEqual([IDS.john]);
    expect(routes().sort()).toEqual(['query', 'search']);
  });

  it('reports no Retry-After for a Salesforce throttle', async () => {
    server.addFault({ match: { route: 'collections' }, fault: { kind: 'preset', preset: 'throttle', retryAfterSeconds: 9 } });
    const [result] = await adapter().getByIds([IDS.jane], {});
    expect(result).toMatchObject({ kind: 'rate_limited', status: 403, retryAfterMs: undefined });
  });

  it('maps a rejected token to auth', async () => {
    const results = await adapter({ token: 'wrong' }).ticketsByOwner?.([IDS.jane, IDS.john], {});
    expect(results?.[0]).toMatchObject({ kind: 'auth', status: 401, vendorCode: 'INVALID_SESSION_ID' });
    expect(results?.[1]).toBe(results?.[0]);
  });

  it('times out a hung call with a short client timeout', async () => {
    server.addFault({ match: { route: 'collections' }, fault: { kind: 'hang' } });
    const started = Date.now();
    const [result] = await adapter({ timeoutMs: 200 }).getByIds([IDS.jane], {});
    expect(result).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('passes the caller signal so a deadline cuts a slow call', async () => {
    server.addFault({ match: { route: 'query' }, delayMs: 300 });
    const results = await adapter().activitiesByOwner?.([IDS.jane], { signal: AbortSignal.timeout(50) });
    expect(results?.[0]).toMatchObject({ kind: 'timeout' });
  });

  it('keeps SOQL text out of error urls and messages', async () => {
    server.addFault({ match: { route: 'query' }, fault: { kind: 'status', status: 400, body: [{ message: "unexpected token: 'jane@example.com'", errorCode: 'MALFORMED_QUERY' }] } });
    const [result] = await adapter().search([email('jane@example.com')], {});
    expect(result).toMatchObject({ kind: 'rejected', vendorCode: 'MALFORMED_QUERY', url: '/services/data/v63.0/query?q=REDACTED' });
    expect((result as Error).message).not.toContain('jane');
  });

  it('keeps SOQL text out of transport error urls', async () => {
    server.addFault({ match: { route: 'query' }, fault: { kind: 'reset' } });
    const [result] = await adapter().search([email('jane@example.com')], {});
    expect(result).toMatchObject({ kind: 'unavailable', url: '/services/data/v63.0/query?q=REDACTED' });
  });
});
