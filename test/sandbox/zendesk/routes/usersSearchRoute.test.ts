import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../../../../src/sandbox/fakeTypes.js';
import { startZendeskSandbox } from '../../../../src/sandbox/zendesk/index.js';
import { FIXTURE_TICKETS, FIXTURE_USERS, get, manyUsers, zendeskDataset } from '../zendeskFixture.js';

const ids = (body: { users: Array<{ id: number }> }): number[] => body.users.map((u) => u.id);

describe('usersSearchRoute: GET /api/v2/users/search', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startZendeskSandbox(zendeskDataset([...FIXTURE_USERS, ...manyUsers(5)], FIXTURE_TICKETS));
  });
  afterAll(() => server.close());
  afterEach(() => server.reset());

  it.each<[string, number[]]>([
    ['email:john.smith@example.com', [1002]],
    ['email:JANE.DOE@EXAMPLE.COM', [1001]],
    ['phone:+14155551212', [1001, 1004]],
    ['phone:"(212) 555-0100"', [1002]],
    ['phone:212.555.0100', [1002]],
    ['name:"Jane Doe"', [1001, 1004]],
    ['name:jane', [1001, 1004, 1006]],
    ['jane role:end-user', [1001, 1006]],
    ['name:"jose alvarez garcia"', [1003]],
    ['email:nobody@example.com', []],
  ])('finds %j', async (query, expected) => {
    const answer = await get(server, `/api/v2/users/search.json?query=${encodeURIComponent(query)}`);
    expect(answer.status).toBe(200);
    expect(ids(answer.json)).toEqual(expected);
    expect(answer.json.count).toBe(expected.length);
  });

  it('renders users in Zendesk wire shape with absolute urls and second-precision times', async () => {
    const answer = await get(server, '/api/v2/users/search.json?query=email:jane.doe@example.com');
    expect(answer.json).toEqual({ users: [expect.any(Object)], next_page: null, previous_page: null, count: 1 });
    expect(answer.json.users[0]).toMatchObject({
      id: 1001,
      url: `${server.origin}/api/v2/users/1001.json`,
      name: 'Jane Doe',
      email: 'jane.doe@example.com',
      phone: '(415) 555-1212',
      external_id: 'crm-1001',
      organization_id: 501,
      role: 'end-user',
      active: true,
      suspended: false,
      verified: true,
      tags: ['vip'],
      user_fields: {},
      time_zone: 'Pacific Time (US & Canada)',
      iana_time_zone: 'America/Los_Angeles',
      locale: 'en-US',
      created_at: '2024-01-10T09:00:00Z',
      updated_at: '2024-05-02T08:30:00Z',
    });
  });

  it('looks up external_id exactly, without search syntax', async () => {
    const exact = await get(server, '/api/v2/users/search.json?external_id=crm-1006');
    const syntax = await get(server, '/api/v2/users/search.json?external_id=external_id:crm-1006');
    expect(ids(exact.json)).toEqual([1006]);
    expect(ids(syntax.json)).toEqual([]);
  });

  it('pages by offset with absolute next_page and previous_page links to the end', async () => {
    const seen: number[] = [];
    let next: string | null = '/api/v2/users/search.json?query=name:pat&per_page=2';
    while (next !== null) {
      const answer = await get(server, next);
      expect(answer.json.count).toBe(5);
      seen.push(...ids(answer.json));
      next = answer.json.next_page;
      if (next !== null) expect(next.startsWith(`${server.origin}/api/v2/users/search.json?`)).toBe(true);
    }
    expect(seen).toEqual([20001, 20002, 20003, 20004, 20005]);
    const log = server.requests();
    expect(log.map((r) => r.query.page)).toEqual([undefined, '2', '3']);
    expect(log.every((r) => r.query.query === 'name:pat' && r.query.per_page === '2')).toBe(true);
    const last = await get(server, '/api/v2/users/search.json?query=name:pat&per_page=2&page=3');
    expect(last.json.previous_page).toBe(`${server.origin}/api/v2/users/search.json?query=name%3Apat&per_page=2&page=2`);
  });

  it('sideloads identities on request', async () => {
    const answer = await get(server, '/api/v2/users/search.json?query=email:jane.doe@example.com&include=identities');
    expect(answer.json.identities).toEqual([
      expect.objectContaining({ user_id: 1001, type: 'email', value: 'jane.doe@example.com', primary: true }),
      expect.objectContaining({ user_id: 1001, type: 'phone_number', value: '(415) 555-1212', primary: true }),
    ]);
  });

  it.each<[string, number, unknown]>([
    ['?query=jane&page[size]=10', 400, { error: { title: 'Invalid attribute', message: expect.any(String) } }],
    ['?query=jane&page=101', 400, { error: 'invalid', description: expect.stringContaining('10000') }],
    ['?query=jane&page=201&per_page=50', 400, { error: 'invalid', description: expect.stringContaining('10000') }],
    ['', 400, { error: 'invalid', description: expect.stringContaining('query') }],
    ['?query=%20', 400, { error: 'invalid', description: expect.stringContaining('query') }],
  ])('refuses %s', async (query, status, body) => {
    const answer = await get(server, `/api/v2/users/search.json${query}`);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual(body);
  });

  it('serves the 100th page, the last one under the offset cap', async () => {
    const answer = await get(server, '/api/v2/users/search.json?query=jane&page=100');
    expect(answer.status).toBe(200);
    expect(answer.json.users).toEqual([]);
  });
});
