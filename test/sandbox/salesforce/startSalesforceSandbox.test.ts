import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FakeServer } from '../../../src/sandbox/fakeTypes.js';
import { startSalesforceSandbox } from '../../../src/sandbox/salesforce/index.js';
import { IDS, pagerContacts, salesforceFixture, sfId } from './salesforceFixture.js';

const TOKEN = 'test-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };
let server: FakeServer;

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

async function get(path: string, headers: Record<string, string> = AUTH): Promise<Answer> {
  const res = await fetch(`${server.origin}${path}`, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? '' : (JSON.parse(text) as unknown) };
}

async function post(path: string, body: unknown): Promise<Answer> {
  const res = await fetch(`${server.origin}${path}`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as unknown };
}

const query = (soql: string, version = 'v63.0'): string => `/services/data/${version}/query?q=${encodeURIComponent(soql)}`;

beforeAll(async () => {
  server = await startSalesforceSandbox(salesforceFixture(pagerContacts(5)), { accessToken: TOKEN, batchSize: 2 });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
});

describe('startSalesforceSandbox: versions and auth', () => {
  it('lists API versions without auth', async () => {
    const answer = await get('/services/data/', {});
    expect(answer.status).toBe(200);
    expect(answer.body).toContainEqual({ label: "Spring '25", url: '/services/data/v63.0', version: '63.0' });
  });

  it.each([[{}], [{ authorization: 'Bearer wrong' }], [{ authorization: TOKEN }]])('rejects a query with headers %j as INVALID_SESSION_ID', async (headers) => {
    const answer = await get(query('SELECT Id FROM Contact'), headers);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
  });

  it('counts API usage in Sforce-Limit-Info on every answer', async () => {
    const first = await get(query('SELECT Id FROM Account'));
    const second = await get('/services/data/v63.0/nope');
    const used = (a: Answer): number => Number(/^api-usage=(\d+)\/100000$/.exec(a.headers.get('sforce-limit-info') ?? '')?.[1]);
    expect(second.status).toBe(404);
    expect(second.body).toEqual([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    expect(used(second)).toBe(used(first) + 1);
  });

  it('rejects invalid options with a TypeError naming the option', async () => {
    await expect(startSalesforceSandbox(salesforceFixture(), { batchSize: 0 })).rejects.toThrow(/batchSize must be an integer from 1 to 2000, got 0/);
    await expect(startSalesforceSandbox(salesforceFixture(), { accessToken: '' })).rejects.toThrow(/accessToken must be a non-empty string/);
    await expect(startSalesforceSandbox(salesforceFixture(), { port: -1 })).rejects.toThrow(/port must be an integer/);
  });
});

describe('startSalesforceSandbox: query and paging', () => {
  it('answers a one-page query with done:true', async () => {
    const answer = await get(query(`SELECT Id, Account.Name FROM Contact WHERE Email = 'JANE@example.com' LIMIT 1`));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: { type: 'Contact', url: `/services/data/v63.0/sobjects/Contact/${IDS.jane}` },
          Id: IDS.jane,
          Account: { attributes: { type: 'Account', url: `/services/data/v63.0/sobjects/Account/${IDS.acme}` }, Name: 'Acme Corp' },
        },
      ],
    });
  });

  it('pages with nextRecordsUrl until done and logs each call', async () => {
    const seen: unknown[] = [];
    let answer = await get(query("SELECT Id FROM Contact WHERE LastName = 'Pager' ORDER BY CreatedDate", 'v64.0'));
    for (;;) {
      const body = answer.body as { totalSize: number; done: boolean; nextRecordsUrl?: string; records: { Id: string }[] };
      expect(body.totalSize).toBe(5);
      seen.push(...body.records.map((r) => r.Id));
      if (body.done) {
        expect(body.nextRecordsUrl).toBeUndefined();
        break;
      }
      expect(body.nextRecordsUrl).toMatch(/^\/services\/data\/v64\.0\/query\/01g[0-9A-Za-z]+-\d+$/);
      answer = await get(body.nextRecordsUrl ?? '');
    }
    expect(seen).toEqual(pagerContacts(5).map((c) => c.id));
    expect(server.requests().map((r) => r.route)).toEqual(['query', 'queryMore', 'queryMore']);
  });

  it('counts sub-query child records toward a page, as Salesforce does, with at least one parent per page', async () => {
    const soql = `SELECT Id, (SELECT Id FROM Cases) FROM Contact WHERE Id IN ('${IDS.jane}', '${IDS.john}', '${IDS.mary}', '${IDS.wei}') ORDER BY LastName`;
    const pages: Array<Array<{ Id: string; Cases: { records: unknown[] } | null }>> = [];
    let answer = await get(query(soql));
    for (;;) {
      const body = answer.body as { done: boolean; nextRecordsUrl?: string; records: Array<{ Id: string; Cases: { records: unknown[] } | null }> };
      pages.push(body.records);
      if (body.done) break;
      answer = await get(body.nextRecordsUrl ?? '');
    }
    // Doe (Jane, 4 cases: weight 5) alone; O'Brien (Mary, 0) cannot share with Smith (John, 2: weight 3); Wei.
    expect(pages.map((p) => p.map((r) => [r.Id, r.Cases?.records.length ?? 0]))).toEqual([[[IDS.jane, 4]], [[IDS.mary, 0]], [[IDS.john, 2]], [[IDS.wei, 0]]]);
  });

  it('lets Sforce-Query-Options lower the page size, but not below 200', async () => {
    const big = await startSalesforceSandbox(salesforceFixture(pagerContacts(250)), { accessToken: TOKEN });
    try {
      const res = await fetch(`${big.origin}${query("SELECT Id FROM Contact WHERE LastName = 'Pager'")}`, { headers: { ...AUTH, 'sforce-query-options': 'batchSize=10' } });
      const body = (await res.json()) as { done: boolean; records: unknown[]; nextRecordsUrl: string };
      expect(body.records).toHaveLength(200);
      expect(body.nextRecordsUrl).toMatch(/-200$/);
    } finally {
      await big.close();
    }
  });

  it.each(['01gUNKNOWN000000AAW-2', 'garbage'])('answers INVALID_QUERY_LOCATOR for locator %s', async (locator) => {
    const answer = await get(`/services/data/v63.0/query/${locator}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual([{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }]);
  });

  it.each([
    ['SELECT Id, Foo FROM Contact', 'INVALID_FIELD'],
    ['SELECT Id FROM Contact WHERE', 'MALFORMED_QUERY'],
    ['SELECT Id FROM Widget', 'INVALID_TYPE'],
    ['', 'MALFORMED_QUERY'],
  ])('answers %j with 400 %s in an array body', async (soql, errorCode) => {
    const answer = await get(query(soql));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual([expect.objectContaining({ errorCode, message: expect.any(String) })]);
  });
});

describe('startSalesforceSandbox: search, rows and collections', () => {
  it('finds contacts by phone digits with SOSL', async () => {
    const sosl = 'FIND {4155551212 OR 6505550000} IN PHONE FIELDS RETURNING Contact(Id, Phone, MobilePhone)';
    const answer = await get(`/services/data/v63.0/search?q=${encodeURIComponent(sosl)}`);
    expect(answer.status).toBe(200);
    const records = (answer.body as { searchRecords: { Id: string; attributes: { type: string } }[] }).searchRecords;
    expect(records.map((r) => r.Id)).toEqual([IDS.jane, IDS.john, IDS.janeDup]);
    expect(records[0]?.attributes.type).toBe('Contact');
  });

  it('answers MALFORMED_SEARCH for bad SOSL', async () => {
    const answer = await get(`/services/data/v63.0/search?q=${encodeURIComponent('FIND 4155551212')}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual([expect.objectContaining({ errorCode: 'MALFORMED_SEARCH' })]);
  });

  it('serves one contact with the requested fields, 404 for an unknown id, MALFORMED_ID for a bad one', async () => {
    const found = await get(`/services/data/v63.0/sobjects/Contact/${IDS.john}?fields=Id,Email`);
    expect(found.body).toEqual({ attributes: { type: 'Contact', url: `/services/data/v63.0/sobjects/Contact/${IDS.john}` }, Id: IDS.john, Email: 'john.smith@example.org' });
    const missing = await get(`/services/data/v63.0/sobjects/Contact/${sfId('003', 777)}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    const bad = await get(`/services/data/v63.0/sobjects/Contact/${IDS.acme}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual([{ message: `Contact ID: id value of incorrect type: ${IDS.acme}`, errorCode: 'MALFORMED_ID', fields: ['Id'] }]);
  });

  it('retrieves a collection by GET in request order with null slots', async () => {
    const ids = [IDS.mary, sfId('003', 777), 'bogus', IDS.jane.slice(0, 15)];
    const answer = await get(`/services/data/v63.0/composite/sobjects/Contact?ids=${ids.join(',')}&fields=Id,LastName`);
    expect(answer.status).toBe(200);
    expect((answer.body as ({ Id: string } | null)[]).map((r) => r?.Id ?? null)).toEqual([IDS.mary, null, null, IDS.jane]);
  });

  it('retrieves a collection by POST and refuses more than 800 ids by GET', async () => {
    const posted = await post('/services/data/v63.0/composite/sobjects/Contact', { ids: [IDS.wei, IDS.john], fields: ['Id', 'Phone'] });
    expect(posted.body).toEqual([
      { attributes: { type: 'Contact', url: `/services/data/v63.0/sobjects/Contact/${IDS.wei}` }, Id: IDS.wei, Phone: '+44 20 7123 4567' },
      { attributes: { type: 'Contact', url: `/services/data/v63.0/sobjects/Contact/${IDS.john}` }, Id: IDS.john, Phone: '415.555.1313' },
    ]);
    const ids = Array.from({ length: 801 }, (_, i) => sfId('003', i)).join(',');
    const tooLong = await get(`/services/data/v63.0/composite/sobjects/Contact?ids=${ids}&fields=Id`);
    expect(tooLong.status).toBe(414);
  });

  it.each([
    [{ ids: [IDS.jane], fields: ['Nope'] }, 'INVALID_FIELD'],
    [{ ids: [IDS.jane], fields: ['Account.Name'] }, 'INVALID_FIELD'],
    [{ ids: [] , fields: ['Id'] }, 'MISSING_ARGUMENT'],
    ['{not json', 'JSON_PARSER_ERROR'],
    [{ ids: Array.from({ length: 2001 }, () => IDS.jane), fields: ['Id'] }, 'LIMIT_EXCEEDED'],
  ])('answers a collection POST of %j with 400 %s', async (body, errorCode) => {
    const answer = await post('/services/data/v63.0/composite/sobjects/Contact', body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual([expect.objectContaining({ errorCode })]);
  });
});

describe('startSalesforceSandbox: fault presets', () => {
  it.each([
    ['throttle', 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'],
    ['serverError', 500, 'UNKNOWN_EXCEPTION', expect.stringContaining('An unexpected error occurred')],
    ['unavailable', 503, 'SERVER_UNAVAILABLE', expect.stringContaining('Service Unavailable')],
  ] as const)('answers the %s preset in Salesforce form', async (preset, status, errorCode, message) => {
    server.addFault({ match: { route: 'query' }, fault: { kind: 'preset', preset, retryAfterSeconds: 5 }, times: 1 });
    const answer = await get(query('SELECT Id FROM Contact'));
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual([{ message, errorCode }]);
    expect(answer.headers.get('retry-after')).toBeNull();
    expect(answer.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/100000$/);
    const next = await get(query('SELECT Id FROM Contact'));
    expect(next.status).toBe(200);
    expect(server.requests().map((r) => [r.route, r.status, r.fault])).toEqual([
      ['query', status, 'preset'],
      ['query', 200, null],
    ]);
  });

  it('applies rules by route only to matching calls', async () => {
    server.addFault({ match: { route: 'search' }, fault: { kind: 'html' } });
    const q = await get(query('SELECT Id FROM Account'));
    const res = await fetch(`${server.origin}/services/data/v63.0/search?q=${encodeURIComponent('FIND {abc} RETURNING Contact')}`, { headers: AUTH });
    expect(q.status).toBe(200);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('text/html');
  });
});
