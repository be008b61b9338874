import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../../src/domain/index.js';
import { isUpstreamError } from '../../../src/adapters/UpstreamError.js';
import type { RequestLogEntry } from '../../../src/sandbox/fakeTypes.js';
import { get } from '../../sandbox/zendesk/zendeskFixture.js';
import { type AdapterHarness, startAdapterHarness } from './zendeskAdapterHarness.js';

const numbers = (value: Ticket[] | Error | undefined): string[] => {
  if (!Array.isArray(value)) throw new Error(`expected tickets, got ${String(value)}`);
  return value.map((t) => t.number);
};
const ownerOf = (entry: RequestLogEntry): string => /\/users\/(\d+)\//.exec(entry.path)?.[1] ?? '?';

/** Most requests whose [receivedAt, finishedAt] intervals overlap at one instant. */
function peakOverlap(log: readonly RequestLogEntry[]): number {
  const edges = log.flatMap((r) => [
    { at: r.receivedAt, step: 1 },
    { at: r.finishedAt ?? Infinity, step: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.step - b.step);
  let current = 0;
  let peak = 0;
  for (const edge of edges) {
    current += edge.step;
    peak = Math.max(peak, current);
  }
  return peak;
}

describe('listRequestedTickets: users/{id}/tickets/requested', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness({ adapter: { ticketsPageSize: 2 } });
  });
  afterAll(() => h.close());
  afterEach(() => h.server.reset());

  it('follows cursor pages to the end: 5 tickets at page size 2 take 3 calls', async () => {
    const [tickets] = await h.tickets(['1001'], {});
    expect(numbers(tickets)).toEqual(['5003', '5005', '5002', '5004', '5001']);
    const log = h.server.requests();
    expect(log).toHaveLength(3);
    expect(log.every((r) => r.route === 'users.tickets.requested' && r.path === '/api/v2/users/1001/tickets/requested.json')).toBe(true);
    expect(log[0]?.query).toEqual({ 'page[size]': '2', sort_by: 'created_at', sort_order: 'desc' });
    expect(log.slice(1).every((r) => typeof r.query['page[after]'] === 'string')).toBe(true);
    expect(new Set(log.map((r) => r.query['page[after]'])).size).toBe(3);
  });

  it('maps tickets onto the domain shape', async () => {
    const [tickets] = await h.tickets(['1001'], {});
    if (!Array.isArray(tickets)) throw new Error('expected tickets');
    expect(tickets.find((t) => t.number === '5002')).toEqual({
      ref: { source: 'zd', id: '5002' },
      ownerRef: { source: 'zd', id: '1001' },
      kind: 'TICKET',
      number: '5002',
      subject: 'Ticket 5002',
      status: 'SOLVED',
      sourceStatus: 'solved',
      priority: 'high',
      channel: 'web',
      createdAt: '2024-03-01T10:00:00Z',
      updatedAt: '2024-03-02T11:00:00Z',
      closedAt: '2024-03-02T11:00:00Z',
    });
    expect(tickets.find((t) => t.number === '5005')).toMatchObject({ status: 'ON_HOLD', closedAt: null });
  });

  it('makes one list call chain per owner, keeps owner order, [] for an owner without tickets or unknown to Zendesk', async () => {
    const result = await h.tickets(['1002', '1007', '424242', '1005', 'abc', '1002'], {});
    expect(numbers(result[0])).toEqual(['5007', '5006']);
    expect(numbers(result[1])).toEqual([]);
    expect(numbers(result[2])).toEqual([]);
    expect(numbers(result[3])).toEqual(['5011', '5010', '5009']);
    expect(isUpstreamError(result[4]) && result[4].kind).toBe('rejected');
    expect(numbers(result[5])).toEqual(['5007', '5006']);
    const calls = h.server.requests().map(ownerOf);
    expect(calls.sort()).toEqual(['1002', '1005', '1005', '1007', '424242']);
    expect(h.server.requests().find((r) => ownerOf(r) === '424242')?.status).toBe(404);
  });

  it('keeps at most maxConcurrentOwners owners in flight', async () => {
    const bounded = await startAdapterHarness({ adapter: { maxConcurrentOwners: 2 } });
    try {
      bounded.server.addFault({ match: { route: 'users.tickets.requested' }, delayMs: 120 });
      const started = performance.now();
      const result = await bounded.tickets(['1001', '1002', '1003', '1005', '1006', '1007'], {});
      const elapsed = performance.now() - started;
      expect(result.every(Array.isArray)).toBe(true);
      const log = bounded.server.requests();
      expect(log).toHaveLength(6);
      expect(peakOverlap(log)).toBe(2);
      expect(elapsed).toBeGreaterThanOrEqual(3 * 120);
    } finally {
      await bounded.close();
    }
  });

  it('puts one owner’s failure in its slot only', async () => {
    const solo = await startAdapterHarness({ adapter: { maxConcurrentOwners: 1 } });
    try {
      solo.server.addFault({ match: { path: '/users/1002/' }, fault: { kind: 'preset', preset: 'unavailable' } });
      const [first, failed, last] = await solo.tickets(['1003', '1002', '1006'], {});
      expect(numbers(first)).toEqual(['5008']);
      expect(isUpstreamError(failed) && [failed.kind, failed.status, failed.vendorCode]).toEqual(['unavailable', 503, 'Service Unavailable']);
      expect(numbers(last)).toEqual(['5012']);
    } finally {
      await solo.close();
    }
  });

  it('stops at maxPages and logs the cut', async () => {
    const capped = await startAdapterHarness({ adapter: { ticketsPageSize: 1, maxPages: 2 } });
    try {
      const [tickets] = await capped.tickets(['1001'], {});
      expect(numbers(tickets)).toEqual(['5003', '5005']);
      expect(capped.server.requests()).toHaveLength(2);
      expect(capped.logs).toEqual([expect.objectContaining({ level: 40, source: 'zd', maxPages: 2 })]);
    } finally {
      await capped.close();
    }
  });

  it('stops with bad_response when the same cursor comes back twice', async () => {
    const body = { tickets: [], meta: { has_more: true, after_cursor: 'same', before_cursor: null }, links: { next: `${h.server.origin}/api/v2/users/1001/tickets/requested.json?page%5Bsize%5D=2&page%5Bafter%5D=same`, prev: null } };
    h.server.addFault({ match: { route: 'users.tickets.requested' }, fault: { kind: 'status', status: 200, body } });
    const [result] = await h.tickets(['1001'], {});
    expect(isUpstreamError(result) && [result.kind, result.message]).toEqual(['bad_response', 'Zendesk returned the same cursor twice']);
    expect(h.server.requests()).toHaveLength(2);
  });

  it('continues with page[after] when a page has a cursor but no next link', async () => {
    const real = await get(h.server, '/api/v2/users/1001/tickets/requested.json?page[size]=2&sort_by=created_at&sort_order=desc');
    h.server.reset();
    h.server.addFault({ match: { route: 'users.tickets.requested' }, fault: { kind: 'status', status: 200, body: { ...real.json, links: null } }, times: 1 });
    const [tickets] = await h.tickets(['1001'], {});
    expect(numbers(tickets)).toEqual(['5003', '5005', '5002', '5004', '5001']);
    const log = h.server.requests();
    expect(log).toHaveLength(3);
    expect(log[1]?.query).toEqual({ 'page[size]': '2', sort_by: 'created_at', sort_order: 'desc', 'page[after]': real.json.meta.after_cursor });
  });

  it('fails an owner whose ticket has an undocumented status', async () => {
    const ticket = { id: 1, status: 'archived', created_at: '2024-01-01T00:00:00Z' };
    h.server.addFault({ match: { route: 'users.tickets.requested' }, fault: { kind: 'status', status: 200, body: { tickets: [ticket], meta: { has_more: false } } } });
    const [result] = await h.tickets(['1001'], {});
    expect(isUpstreamError(result) && result.kind).toBe('bad_response');
  });
});
