import type { ZendeskTicket, ZendeskUser } from '../../dataset/types.js';
import type { FakeRoute } from '../../fakeTypes.js';
import type { ZendeskIndex } from '../indexZendeskData.js';
import { matchTicket } from '../matchTicket.js';
import { matchUser } from '../matchUser.js';
import { paginateOffset } from '../paginateOffset.js';
import { parseSearchQuery } from '../parseSearchQuery.js';
import { renderTicket } from '../renderTicket.js';
import { renderUser } from '../renderUser.js';
import { type SortKeys, sortRecords } from '../sortRecords.js';
import { invalidParameter } from '../zendeskErrorBodies.js';

/** Results one search query can page through; page 11 at 100 per page is a 422. */
export const SEARCH_MAX_RESULTS = 1_000;

type Hit = { readonly id: number; readonly user: ZendeskUser; readonly ticket?: undefined } | { readonly id: number; readonly ticket: ZendeskTicket; readonly user?: undefined };

const STATUS_ORDER = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
const PRIORITY_ORDER = ['low', 'normal', 'high', 'urgent'];
const ordinal = (order: readonly string[], value: string | undefined): number | null => {
  const at = value === undefined ? -1 : order.indexOf(value);
  return at === -1 ? null : at;
};
const SEARCH_SORT_KEYS: SortKeys<Hit> = {
  created_at: (h) => Date.parse(h.user?.createdAt ?? h.ticket?.createdAt ?? ''),
  updated_at: (h) => Date.parse(h.user?.updatedAt ?? h.ticket?.updatedAt ?? ''),
  status: (h) => ordinal(STATUS_ORDER, h.ticket?.status),
  priority: (h) => ordinal(PRIORITY_ORDER, h.ticket?.priority),
  ticket_type: (h) => h.ticket?.type ?? null,
};

/**
 * `GET /api/v2/search[.json]?query=…` (https://developer.zendesk.com/api-reference/ticketing/ticket-management/search/):
 * users (see matchUser) and tickets (see matchTicket) matching every term, `type:user|ticket` narrowing;
 * results carry `result_type`; offset paging with at most 1 000 reachable results (beyond → 422) while
 * `count` stays the true total; `page[size]` → 400. Default order is users then tickets by ascending id;
 * `sort_by` (`created_at`, `updated_at`, `status`, `priority`, `ticket_type`) with `sort_order` (default desc).
 */
export function searchRoute(index: ZendeskIndex): FakeRoute {
  return {
    name: 'search',
    method: 'GET',
    pattern: /^\/api\/v2\/search(?:\.json)?$/,
    handler(req) {
      const query = req.query.get('query');
      if (query === null || query.trim() === '') return invalidParameter('query is required');
      const terms = parseSearchQuery(query);
      const hits: Hit[] = [
        ...index.users.filter((user) => matchUser(user, terms)).map((user) => ({ id: user.id, user })),
        ...index.tickets
          .filter((ticket) => matchTicket(ticket, index.usersById.get(ticket.requesterId), terms))
          .map((ticket) => ({ id: ticket.id, ticket })),
      ];
      const sorted = sortRecords(req, hits, SEARCH_SORT_KEYS, { key: null, order: 'desc' });
      if (!sorted.ok) return sorted.response;
      const page = paginateOffset(req, sorted.items, {
        maxRecords: SEARCH_MAX_RESULTS,
        overLimit: () => ({
          status: 422,
          body: { error: 'invalid', description: 'Invalid search: Requested response size was greater than Search Response Limits' },
        }),
      });
      if (!page.ok) return page.response;
      const results = page.items.map((hit) =>
        hit.user
          ? { ...renderUser(hit.user, req.origin), result_type: 'user' }
          : { ...renderTicket(hit.ticket, index.usersById.get(hit.ticket.requesterId)?.organizationId ?? null, req.origin), result_type: 'ticket' },
      );
      return { status: 200, body: { results, facets: null, next_page: page.next_page, previous_page: page.previous_page, count: page.count } };
    },
  };
}
