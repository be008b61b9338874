import type { ZendeskTicket } from '../../dataset/types.js';
import type { FakeRoute } from '../../fakeTypes.js';
import type { ZendeskIndex } from '../indexZendeskData.js';
import { paginateCursor } from '../paginateCursor.js';
import { paginateOffset } from '../paginateOffset.js';
import { renderTicket } from '../renderTicket.js';
import { type SortKeys, sortRecords } from '../sortRecords.js';
import { invalidParameter, recordNotFound } from '../zendeskErrorBodies.js';

const TICKET_SORT_KEYS: SortKeys<ZendeskTicket> = {
  id: (t) => t.id,
  created_at: (t) => Date.parse(t.createdAt),
  updated_at: (t) => Date.parse(t.updatedAt),
};

/**
 * `GET /api/v2/users/{id}/tickets/requested[.json]`
 * (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#list-tickets): cursor pagination
 * when `page[size]` is present, else offset (`page`, `per_page`, 10 000-record cap); `sort_by`
 * (`id`|`created_at`|`updated_at`, default `id`) and `sort_order` (`asc`|`desc`, default `asc`).
 * An unknown user → 404 `RecordNotFound`.
 */
export function requestedTicketsRoute(index: ZendeskIndex): FakeRoute {
  return {
    name: 'users.tickets.requested',
    method: 'GET',
    pattern: /^\/api\/v2\/users\/([^/]+)\/tickets\/requested(?:\.json)?$/,
    handler(req, match) {
      const id = match[1] ?? '';
      const user = /^\d+$/.test(id) ? index.usersById.get(Number(id)) : undefined;
      if (!user) return recordNotFound();
      const sorted = sortRecords(req, index.ticketsByRequester.get(user.id) ?? [], TICKET_SORT_KEYS, { key: 'id', order: 'asc' });
      if (!sorted.ok) return sorted.response;
      const render = (tickets: readonly ZendeskTicket[]): Record<string, unknown>[] =>
        tickets.map((ticket) => renderTicket(ticket, user.organizationId, req.origin));
      if (req.query.has('page[size]')) {
        const page = paginateCursor(req, sorted.items);
        if (!page.ok) return page.response;
        return { status: 200, body: { tickets: render(page.items), meta: page.meta, links: page.links } };
      }
      const page = paginateOffset(req, sorted.items, {
        maxRecords: 10_000,
        overLimit: () => invalidParameter('Offset pagination is limited to the first 10000 records; use cursor pagination'),
      });
      if (!page.ok) return page.response;
      return {
        status: 200,
        body: { tickets: render(page.items), next_page: page.next_page, previous_page: page.previous_page, count: page.count },
      };
    },
  };
}
