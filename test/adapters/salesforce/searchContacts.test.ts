import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../src/adapters/http.js';
import type { HttpClient } from '../../../src/adapters/http.js';
import { createSalesforceAdapter, salesforceHeaders } from '../../../src/adapters/salesforce/index.js';
import type { BlockingKey, SourceAdapter } from '../../../src/adapters/types.js';
import type { SfContact } from '../../../src/sandbox/dataset/types.js';
import type { FakeServer } from '../../../src/sandbox/fakeTypes.js';
import { IDS, salesforceFixture, sfId } from '../../sandbox/salesforce/salesforceFixture.js';
import { useSalesforceSandboxes } from './useSalesforceSandboxes.js';

// The blocking-key kinds added for multi-pass blocking (namePrefix, birthDate, postcodeStreet) and the
// maxSearchResults cap, over loopback against the SOQL fake.

const TOKEN = 'search-test-token';
const COMMON = 30;
let server: FakeServer;
/** Same data, two records per query page. */
let paged: FakeServer;
const clients: HttpClient[] = [];

function contact(n: number, over: Partial<SfContact> & Pick<SfContact, 'lastName'>): SfContact {
  return {
    id: sfId('003', n),
    accountId: IDS.acme,
    firstName: null,
    email: null,
    phone: null,
    mobilePhone: null,
    mailingStreet: null,
    mailingCity: null,
    mailingState: null,
    mailingPostalCode: null,
    mailingCountry: null,
    birthdate: null,
    hasOptedOutOfEmail: false,
    doNotCall: false,
    createdDate: '2024-01-01T00:00:00.000Z',
    lastModifiedDate: '2024-01-02T00:00:00.000Z',
    ...over,
  };
}

const EXTRA = {
  percent: contact(200, { lastName: '100%Pure', firstName: 'Pat' }),
  percentDecoy: contact(201, { lastName: '100xPure', firstName: 'Pat' }),
  underscore: contact(202, { lastName: 'A_C', firstName: 'Ann' }),
  underscoreDecoy: contact(203, { lastName: 'ABC', firstName: 'Ann' }),
  backslash: contact(204, { lastName: 'Ba\\ck', firstName: 'Bo' }),
  zipPlus4: contact(205, { lastName: 'Zip', mailingPostalCode: '94105-1234', mailingStreet: '1 Market Street' }),
  london: contact(206, { lastName: 'Holmes', mailingPostalCode: 'SW1A 1AA', mailingStreet: '10 Downing Street' }),
  londonOther: contact(207, { lastName: 'Watson', mailingPostalCode: 'SW1A 1AA', mailingStreet: '12 Downing Street' }),
  twin: contact(208, { lastName: 'Twin', birthdate: '1985-04-12' }),
};
const commons = Array.from({ length: COMMON }, (_, i) => contact(300 + i, { lastName: 'Common', firstName: `C${i}`, birthdate: '1970-01-01' }));
const rare = contact(400, { lastName: 'Rare', firstName: 'Ruth', birthdate: '1971-07-07' });

function adapter(target: FakeServer = server): SourceAdapter {
  const http = createHttpClient({ source: 'crm', baseUrl: target.origin, headers: salesforceHeaders({ accessToken: TOKEN }), timeoutMs: 5000 });
  clients.push(http);
  return createSalesforceAdapter({ name: 'crm', http });
}

const prefix = (family: string, given: string | null = null): BlockingKey => ({ kind: 'namePrefix', family, given });
const birth = (value: string): BlockingKey => ({ kind: 'birthDate', value });
const address = (postcode: string, street: string): BlockingKey => ({ kind: 'postcodeStreet', postcode, street });
const name = (family: string, given: string | null = null): BlockingKey => ({ kind: 'name', family, given });
const ids = (slot: unknown): string[] => {
  if (!Array.isArray(slot)) throw new Error(`expected a list, got ${String(slot)}`);
  return slot.map((r: { ref: { id: string } }) => r.ref.id).sort();
};
const queries = (target: FakeServer = server): string[] => target.requests().flatMap((r) => (r.route === 'query' ? [r.query['q'] ?? ''] : []));
const whereOf = (soql: string): string => soql.slice(soql.indexOf(' WHERE ') + 7);

useSalesforceSandboxes(() => salesforceFixture([...Object.values(EXTRA), ...commons, rare]), TOKEN, clients, (started, startedPaged) => {
  server = started;
  paged = startedPaged;
});

describe('Salesforce search: declared key kinds', () => {
  it('declares the kinds SOQL can serve and not phonetic codes', () => {
    expect(adapter().capabilities.searchKeys).toEqual(['email', 'phone', 'name', 'namePrefix', 'birthDate', 'postcodeStreet', 'identifier']);
  });
});

describe('Salesforce search: namePrefix', () => {
  it('batches prefixes into one SOQL with LIKE and hands contacts back per key', async () => {
    const keys = [prefix('do', 'j'), prefix('smi'), prefix('or', 'o'), prefix('or', 'x'), prefix('zzz'), prefix('DO', 'J')];
    const results = await adapter().search(keys, {});
    expect(results.map(ids)).toEqual([[IDS.jane, IDS.janeDup].sort(), [IDS.john], [IDS.orphan], [], [], [IDS.jane, IDS.janeDup].sort()]);
    expect(queries().map(whereOf)).toEqual([
      "(LastName LIKE 'do%' AND FirstName LIKE 'j%') OR LastName LIKE 'smi%' OR (LastName LIKE 'or%' AND FirstName LIKE 'o%') OR (LastName LIKE 'or%' AND FirstName LIKE 'x%') OR LastName LIKE 'zzz%'",
    ]);
  });

  it('escapes %, _, backslashes and quotes so a value only matches itself', async () => {
    const keys = [prefix('100%'), prefix('a_c'), prefix('ba\\'), prefix("x' OR LastName LIKE '"), prefix("o'b")];
    const results = await adapter().search(keys, {});
    expect(results.map(ids)).toEqual([[EXTRA.percent.id], [EXTRA.underscore.id], [EXTRA.backslash.id], [], [IDS.mary]]);
    expect(queries().map(whereOf)).toEqual([
      "LastName LIKE '100\\%%' OR LastName LIKE 'a\\_c%' OR LastName LIKE 'ba\\\\%' OR LastName LIKE 'x\\' OR LastName LIKE \\'%' OR LastName LIKE 'o\\'b%'",
    ]);
  });

  it('sends nothing for a family prefix shorter than two characters', async () => {
    const results = await adapter().search([prefix('d', 'j'), prefix(' ')], {});
    expect(results).toEqual([[], []]);
    expect(server.requests()).toHaveLength(0);
  });
});

describe('Salesforce search: birthDate', () => {
  it('batches dates as unquoted literals and sends only real YYYY-MM-DD dates', async () => {
    const keys = [birth('1985-04-12'), birth('1990-12-31'), birth('1985-4-12'), birth("1985-04-12' OR Id != null"), birth('2023-02-30'), birth('1999-01-01')];
    const results = await adapter().search(keys, {});
    expect(results.map(ids)).toEqual([[IDS.jane, EXTRA.twin.id].sort(), [IDS.wei], [], [], [], []]);
    expect(queries().map(whereOf)).toEqual(['Birthdate = 1985-04-12 OR Birthdate = 1990-12-31 OR Birthdate = 1999-01-01']);
  });
});

describe('Salesforce search: postcodeStreet', () => {
  it('finds ZIP+4 and spaced postcodes from their normalised form, street by prefix, in one query', async () => {
    const keys = [address('94105', '1 mar'), address('SW1A1AA', '10 dow'), address('SW1A1AA', '1'), address('94105', "1 m' OR Id != null OR Name = '")];
    const results = await adapter().search(keys, {});
    expect(results.map(ids)).toEqual([[IDS.jane, EXTRA.zipPlus4.id].sort(), [EXTRA.london.id], [EXTRA.london.id, EXTRA.londonOther.id].sort(), []]);
    expect(queries().map(whereOf)).toEqual([
      "(MailingPostalCode LIKE '94105%' AND MailingStreet LIKE '1 mar%') OR (MailingPostalCode IN ('SW1A1AA', 'SW1A 1AA') AND MailingStreet LIKE '10 dow%') OR (MailingPostalCode IN ('SW1A1AA', 'SW1A 1AA') AND MailingStreet LIKE '1%') OR (MailingPostalCode LIKE '94105%' AND MailingStreet LIKE '1 m\\' OR Id != null OR Name = \\'%')",
    ]);
  });
});

describe('Salesforce search: maxSearchResults', () => {
  it('reads every page of a common surname without a cap', async () => {
    const [found] = await adapter(paged).search([name('Common')], {});
    expect(ids(found)).toHaveLength(COMMON);
    expect(paged.requests()).toHaveLength(COMMON / 2);
  });

  it('asks for M+1 records with LIMIT and reads only their pages', async () => {
    const [found] = await adapter(paged).search([name('Common')], { maxSearchResults: 3 });
    expect(ids(found)).toHaveLength(4);
    expect(queries(paged)).toHaveLength(1);
    expect(queries(paged)[0]).toMatch(/ WHERE LastName = 'Common' LIMIT 4$/);
    expect(paged.requests().map((r) => r.route)).toEqual(['query', 'queryMore']);
  });

  it('re-asks the rare keys of a batch cut off by a common one, so they lose nothing', async () => {
    const results = await adapter().search([name('Common'), name('Rare'), birth('1970-01-01'), birth('1971-07-07'), prefix('com'), prefix('rar')], { maxSearchResults: 5 });
    expect(results.map((slot) => ids(slot).length)).toEqual([6, 1, 6, 1, 6, 1]);
    expect(ids(results[1])).toEqual([rare.id]);
    expect(ids(results[3])).toEqual([rare.id]);
    expect(ids(results[5])).toEqual([rare.id]);
    // Per kind: the batch (LIMIT 6 × 2 keys) cut off by the 30 Commons, then the rare key alone.
    expect(queries().map(whereOf).sort()).toEqual(
      [
        "LastName = 'Common' OR LastName = 'Rare' LIMIT 12",
        "LastName = 'Rare' LIMIT 6",
        'Birthdate = 1970-01-01 OR Birthdate = 1971-07-07 LIMIT 12',
        'Birthdate = 1971-07-07 LIMIT 6',
        "LastName LIKE 'com%' OR LastName LIKE 'rar%' LIMIT 12",
        "LastName LIKE 'rar%' LIMIT 6",
      ].sort(),
    );
  });

  it('needs no second query when the batch stays under its limit', async () => {
    const results = await adapter().search([name('Doe'), name('Rare')], { maxSearchResults: 5 });
    expect(results.map(ids)).toEqual([[IDS.jane, IDS.janeDup].sort(), [rare.id]]);
    expect(queries().map(whereOf)).toEqual(["LastName = 'Doe' OR LastName = 'Rare' LIMIT 12"]);
  });

  it('cuts a phone key to M+1 contacts too', async () => {
    const [found] = await adapter().search([{ kind: 'phone', value: '+14155551212' }], { maxSearchResults: 0 });
    expect(ids(found)).toHaveLength(1);
  });
});
