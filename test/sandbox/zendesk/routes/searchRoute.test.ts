import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../../../../src/sandbox/fakeTypes.js';
import { startZendeskSandbox } from '../../../../src/sandbox/zendesk/index.js';
import { FIXTURE_TICKETS, FIXTURE_USERS, get, zendeskDataset, zendeskTicket } from '../zendeskFixture.js';

const manyTickets = Array.from({ length: 1_050 }, (_, k) => zendeskTicket({ id: 100_000 + k, requesterId: 1007, status: 'solved' }));
const results = (body: { results: Array<{ id: number; result_type: string }> }): string[] => body.results.map((r) => `${r.result_type}:${r.id}`);

describe('searchRoute: GET /api/v2/search', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startZendeskSandbox(zendeskDataset(FIXTURE_USERS, [...FIXTURE_TICKETS, ...manyTickets]));
  });
  afterAll(() => server.close());
  afterEach(() => server.reset());

  it.each<[string, string[]]>([
    ['type:ticket requester:1002', ['ticket:5006', 'ticket:5007']],
    ['type:ticket requester:john.smith@example.com status<solved', ['ticket:5006']],
    ['type:ticket requester:1001 status>=solved', ['ticket:5001', 'ticket:5002']],
    ['type:user email:madonna@example.com', ['user:1005']],
    ['type:ticket tags:refund', ['ticket:5008']],
    ['madonna', ['user:1005']],
  ])('finds %j', async (query, expected) => {
    const answer = await get(server, `/api/v2/search.json?query=${encodeURIComponent(query)}`);
    expect(answer.status).toBe(200);
    expect(results(answer.json)).toEqual(expected);
    expect(answer.json).toMatchObject({ facets: null, next_page: null, previous_page: null, count: expected.length });
  });

  it('sorts by sort_by, newest first by default', async () => {
    const answer = await get(server, `/api/v2/search.json?query=${encodeURIComponent('type:ticket requester:1001')}&sort_by=created_at`);
    expect(results(answer.json)).toEqual(['ticket:5003', 'ticket:5005', 'ticket:5002', 'ticket:5004', 'ticket:5001']);
  });

  it('reports the true count but serves only the first 1,000 results: page 11 is a 422', async () => {
    const query = `query=${encodeURIComponent('type:ticket requester:1007')}`;
    const tenth = await get(server, `/api/v2/search.json?${query}&page=10`);
    const eleventh = await get(server, tenth.json.next_page);
    expect(tenth.status).toBe(200);
    expect(tenth.json.count).toBe(1_050);
    expect(tenth.json.results).toHaveLength(100);
    expect(eleventh.status).toBe(422);
    expect(eleventh.json).toEqual({ error: 'invalid', description: expect.stringContaining('Search Response Limits') });
    expect(server.requests().map((r) => r.status)).toEqual([200, 422]);
  });

  it.each<[string, number]>([
    ['?query=jane&page[size]=10', 400],
    ['?query=', 400],
    ['?query=jane&sort_by=name', 400],
  ])('refuses %s with %i', async (query, status) => {
    const answer = await get(server, `/api/v2/search.json${query}`);
    expect(answer.status).toBe(status);
  });
});
