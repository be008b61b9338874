import type { ZendeskTicket } from '../../dataset/types.js';
import type { FakeRoute } from '../../fakeTypes.js';
import type { ZendeskIndex } from '../indexZendeskData.js';
import { renderTicket } from '../renderTicket.js';
import { invalidParameter } from '../zendeskErrorBodies.js';
import { SHOW_MANY_MAX_IDS } from './showManyUsersRoute.js';

/**
 * `GET /api/v2/tickets/show_many[.json]?ids=1,2`
 * (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-multiple-tickets): at most
 * 100 ids (else 400); unknown ids are omitted; tickets in ascending id order, so clients match by id.
 */
export function showManyTicketsRoute(index: ZendeskIndex): FakeRoute {
  const byId = new Map<number, ZendeskTicket>(index.tickets.map((t) => [t.id, t]));
  return {
    name: 'tickets.show_many',
    method: 'GET',
    pattern: /^\/api\/v2\/tickets\/show_many(?:\.json)?$/,
    handler(req) {
      const ids = req.query.get('ids');
      if (ids === null) return invalidParameter('ids is required');
      const list = ids.split(',').map((v) => v.trim()).filter((v) => v !== '');
      if (list.length > SHOW_MANY_MAX_IDS) return invalidParameter(`ids: at most ${SHOW_MANY_MAX_IDS} values per request`);
      const found = new Map<number, ZendeskTicket>();
      for (const value of list) {
        const ticket = /^\d+$/.test(value) ? byId.get(Number(value)) : undefined;
        if (ticket) found.set(ticket.id, ticket);
      }
      const tickets = [...found.values()].sort((a, b) => a.id - b.id);
      return {
        status: 200,
        body: {
          tickets: tickets.map((t) => renderTicket(t, index.usersById.get(t.requesterId)?.organizationId ?? null, req.origin)),
          next_page: null,
          previous_page: null,
          count: tickets.length,
        },
      };
    },
  };
}
