import { describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../../src/adapters/http.js';
import { createSalesforceAdapter, salesforceHeaders } from '../../../src/adapters/salesforce/index.js';
import type { RecordWithRelated, SourceAdapter } from '../../../src/adapters/types.js';
import type { FakeServer } from '../../../src/sandbox/fakeTypes.js';
import { IDS, pagerContacts, salesforceFixture, sfId } from '../../sandbox/salesforce/salesforceFixture.js';
import { useSalesforceSandboxes } from './useSalesforceSandboxes.js';

const TOKEN = 'fused-test-token';
const BOTH = { orders: false, tickets: true, activities: true } as const;
let server: FakeServer;
/** Same data, two records per query page. */
let paged: FakeServer;
const clients: HttpClient[] = [];

function adapter(target: FakeServer = server): SourceAdapter {
  const http = createHttpClient({ source: 'crm', baseUrl: target.origin, headers: salesforceHeaders({ accessToken: TOKEN }), timeoutMs: 5000 });
  clients.push(http);
  return createSalesforceAdapter({ name: 'crm', http });
}
const answer = (slot: RecordWithRelated | Error | undefined): RecordWithRelated => {
  if (slot === undefined || slot instanceof Error) throw slot ?? new Error('missing slot');
  return slot;
};

useSalesforceSandboxes(() => salesforceFixture(pagerContacts(5)), TOKEN, clients, (started, startedPaged) => {
  server = started;
  paged = startedPaged;
});

describe('createSalesforceAdapter: fetchWithRelated (Contact with Case and Task child sub-queries)', () => {
  const ids = [IDS.jane, IDS.john, IDS.wei, IDS.orphan, sfId('003', 100), IDS.mary];

  it.each([
    ['one page', () => server],
    ['contacts paged two at a time', () => paged],
  ])('answers what getByIds, ticketsByOwner and activitiesByOwner answer, with one SOQL (%s)', async (_label, target) => {
    const a = adapter(target());
    const [records, tickets, activities] = [await a.getByIds(ids, {}), await a.ticketsByOwner!(ids, {}), await a.activitiesByOwner!(ids, {})];
    target().reset();
    const fused = await a.fetchWithRelated!(ids, BOTH, {});
    expect(fused.map((slot) => answer(slot).record)).toEqual(records);
    expect(fused.map((slot) => answer(slot).tickets)).toEqual(tickets);
    expect(fused.map((slot) => answer(slot).activities)).toEqual(activities);
    const log = target().requests();
    expect(log[0]?.route).toBe('query');
    expect(log.slice(1).every((r) => r.route === 'queryMore')).toBe(true);
    expect(log[0]?.query['q']).toMatch(
      /^SELECT Id, .*LastModifiedDate, \(SELECT Id, CaseNumber, .* FROM Cases ORDER BY CreatedDate DESC\), \(SELECT Id, WhoId, .* FROM Tasks ORDER BY ActivityDate DESC NULLS LAST, CreatedDate DESC\) FROM Contact WHERE Id IN \(/,
    );
    if (target() === server) expect(log).toHaveLength(1);
  });

  it('asks only for the child lists wanted', async () => {
    const [jane] = await adapter().fetchWithRelated!([IDS.jane], { orders: false, tickets: true, activities: false }, {});
    expect(answer(jane).tickets).toHaveLength(4);
    expect(answer(jane)).not.toHaveProperty('activities');
    expect(server.requests()[0]?.query['q']).not.toContain('FROM Tasks');
  });

  it('gives a null record with empty lists for an unknown contact, matches 15-char ids, and rejects a bad id without a call', async () => {
    const [unknown, short, bad] = await adapter().fetchWithRelated!([sfId('003', 999), IDS.jane.slice(0, 15), 'bad-id'], BOTH, {});
    expect(unknown).toEqual({ record: null, tickets: [], activities: [] });
    expect(answer(short).record?.ref.id).toBe(IDS.jane);
    expect(answer(short).tickets).toHaveLength(4);
    expect(bad).toMatchObject({ kind: 'rejected' });
    expect(server.requests()).toHaveLength(1);
  });

  it('follows a child set Salesforce cut short through its nextRecordsUrl', async () => {
    const a = adapter();
    const [full] = await a.ticketsByOwner!([IDS.jane], {});
    const [contact] = (await a.getByIds([IDS.jane], {})) as Array<{ ref: { id: string } }>;
    expect(contact).toBeTruthy();
    server.reset();
    // The real first page, with Jane's cases cut after two and a locator for the rest.
    const firstPage = await fetch(`${server.origin}/services/data/v63.0/query?q=${encodeURIComponent(`SELECT Id, CaseNumber, ContactId, Subject, Status, Priority, Origin, IsClosed, CreatedDate, ClosedDate, LastModifiedDate FROM Case WHERE ContactId = '${IDS.jane}' ORDER BY CreatedDate DESC`)}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const cases = ((await firstPage.json()) as { records: unknown[] }).records;
    const contactPage = await fetch(
      `${server.origin}/services/data/v63.0/query?q=${encodeURIComponent(`SELECT Id, FirstName, LastName, Name, Email, Phone, MobilePhone, MailingStreet, MailingCity, MailingState, MailingPostalCode, MailingCountry, Birthdate, HasOptedOutOfEmail, DoNotCall, CreatedDate, LastModifiedDate FROM Contact WHERE Id = '${IDS.jane}'`)}`,
      { headers: { authorization: `Bearer ${TOKEN}` } },
    );
    const janeRow = ((await contactPage.json()) as { records: Array<Record<string, unknown>> }).records[0]!;
    const locator = '/services/data/v63.0/query/01gCHILD-2';
    server.addFault({
      match: { route: 'query' },
      times: 1,
      fault: { kind: 'status', status: 200, body: { totalSize: 1, done: true, records: [{ ...janeRow, Cases: { totalSize: 4, done: false, nextRecordsUrl: locator, records: cases.slice(0, 2) } }] } },
    });
    server.addFault({ match: { path: '01gCHILD' }, times: 1, fault: { kind: 'status', status: 200, body: { totalSize: 4, done: true, records: cases.slice(2) } } });
    server.clearRequests();
    const [jane] = await a.fetchWithRelated!([IDS.jane], { orders: false, tickets: true, activities: false }, {});
    expect(answer(jane).tickets).toEqual(full);
    expect(server.requests().map((r) => r.path)).toEqual([expect.stringMatching(/\/query$/), locator]);
  });

  it('puts a failed query\'s error in the slots of its contacts', async () => {
    server.addFault({ fault: { kind: 'preset', preset: 'serverError' } });
    const result = await adapter().fetchWithRelated!([IDS.jane, IDS.john], BOTH, {});
    expect(result).toEqual([expect.objectContaining({ kind: 'unavailable' }), expect.objectContaining({ kind: 'unavailable' })]);
  });
});
