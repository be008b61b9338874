import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../../../../src/sandbox/fakeTypes.js';
import { startZendeskSandbox } from '../../../../src/sandbox/zendesk/index.js';
import { FIXTURE, get } from '../zendeskFixture.js';

const ticketIds = (body: { tickets: Array<{ id: number }> }): number[] => body.tickets.map((t) => t.id);
const path = '/api/v2/users/1001/tickets/requested.json';

describe('requestedTicketsRoute: GET /api/v2/users/{id}/tickets/requested', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startZendeskSandbox(FIXTURE);
  });
  afterAll(() => server.close());
  afterEach(() => server.reset());

  it('renders tickets in Zendesk wire shape', async () => {
    const answer = await get(server, `${path}?per_page=1`);
    expect(answer.json.tickets[0]).toEqual(
      expect.objectContaining({
        id: 5001,
        url: `${server.origin}/api/v2/tickets/5001.json`,
        external_id: null,
        subject: 'Damaged item',
        raw_subject: 'Damaged item',
        description: 'Details',
        status: 'closed',
        priority: 'normal',
        type: 'question',
        requester_id: 1001,
        submitter_id: 1001,
        assignee_id: null,
        organization_id: 501,
        group_id: null,
        tags: [],
        via: expect.objectContaining({ channel: 'email' }),
        custom_fields: [],
        created_at: '2024-01-05T10:00:00Z',
        updated_at: '2024-01-09T10:00:00Z',
      }),
    );
  });

  it('pages by cursor with page[size], following links.next until has_more is false', async () => {
    const seen: number[] = [];
    const hasMore: boolean[] = [];
    let next: string | null = `${path}?page[size]=2&sort_by=created_at&sort_order=desc`;
    while (next !== null) {
      const answer = await get(server, next);
      seen.push(...ticketIds(answer.json));
      hasMore.push(answer.json.meta.has_more);
      next = answer.json.meta.has_more ? answer.json.links.next : null;
    }
    expect(seen).toEqual([5003, 5005, 5002, 5004, 5001]);
    expect(hasMore).toEqual([true, true, false]);
    const log = server.requests();
    expect(log).toHaveLength(3);
    expect(log.map((r) => r.query['page[after]'] === undefined)).toEqual([true, false, false]);
    expect(log.every((r) => r.query['page[size]'] === '2' && r.query.sort_by === 'created_at' && r.query.sort_order === 'desc')).toBe(true);
  });

  it('goes back with links.prev', async () => {
    const first = await get(server, `${path}?page[size]=2`);
    const second = await get(server, first.json.links.next);
    const back = await get(server, second.json.links.prev);
    expect(ticketIds(first.json)).toEqual([5001, 5002]);
    expect(ticketIds(second.json)).toEqual([5003, 5004]);
    expect(ticketIds(back.json)).toEqual([5001, 5002]);
    expect(back.json.meta.has_more).toBe(false);
  });

  it.each<[string, number[]]>([
    ['', [5001, 5002, 5003, 5004, 5005]],
    ['sort_order=desc', [5005, 5004, 5003, 5002, 5001]],
    ['sort_by=created_at', [5001, 5004, 5002, 5005, 5003]],
    ['sort_by=updated_at&sort_order=desc', [5004, 5003, 5005, 5002, 5001]],
  ])('sorts offset pages by %j', async (query, expected) => {
    const answer = await get(server, `${path}?${query}`);
    expect(ticketIds(answer.json)).toEqual(expected);
    expect(answer.json).toMatchObject({ next_page: null, previous_page: null, count: 5 });
    expect(answer.json.meta).toBeUndefined();
  });

  it('pages by offset without page[size]', async () => {
    const first = await get(server, `${path}?per_page=2`);
    const second = await get(server, first.json.next_page);
    expect(ticketIds(first.json)).toEqual([5001, 5002]);
    expect(ticketIds(second.json)).toEqual([5003, 5004]);
    expect(second.json.previous_page).toBe(`${server.origin}${path}?per_page=2&page=1`);
  });

  it('answers an empty list for a user without tickets', async () => {
    const answer = await get(server, '/api/v2/users/1007/tickets/requested.json?page[size]=10');
    expect(answer.json).toEqual({ tickets: [], meta: { has_more: false, after_cursor: null, before_cursor: null }, links: { next: null, prev: null } });
  });

  it.each<[string, number, string]>([
    ['/api/v2/users/999999/tickets/requested.json', 404, 'RecordNotFound'],
    [`${path}?page[size]=101`, 400, 'InvalidPaginationParameter'],
    [`${path}?page[size]=2&page[after]=not-a-cursor`, 400, 'InvalidPaginationParameter'],
    [`${path}?sort_by=subject`, 400, 'invalid'],
    [`${path}?page=101`, 400, 'invalid'],
  ])('refuses %s with %i %s', async (url, status, error) => {
    const answer = await get(server, url);
    expect([answer.status, answer.json.error]).toEqual([status, error]);
  });
});
