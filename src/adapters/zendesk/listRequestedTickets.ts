import type { SourceRef, Ticket } from '../../domain/index.js';
import type { BatchResult, CallContext } from '../types.js';
import { sortNewestFirst } from '../sortNewestFirst.js';
import { isUpstreamError, UpstreamError } from '../UpstreamError.js';
import { mapConcurrent } from './mapConcurrent.js';
import { mapTicket } from './mapTicket.js';
import { requestZendesk } from './requestZendesk.js';
import type { ResolvedZendeskOptions } from './resolveZendeskOptions.js';
import { wireTicketsCursorPage } from './wireSchemas.js';
import { invalidIdError, isZendeskId, toError } from './zendeskIds.js';

/**
 * The adapter's `ticketsByOwner`. Zendesk has no batch endpoint per requester, so each distinct owner gets
 * its own `users/{id}/tickets/requested?page[size]=…&sort_by=created_at&sort_order=desc` chain, at most
 * `maxConcurrentOwners` in flight, following `links.next` (or `page[after]`) while `meta.has_more`, up to
 * `maxPages` (then cut off with a warning). A repeated cursor stops the owner with a `bad_response`.
 * Per owner: its tickets newest first; `[]` when Zendesk answers 404 (no such user); an Error for an
 * invalid id or any other failure, in that owner's slot only.
 */
export async function listRequestedTickets(options: ResolvedZendeskOptions, ownerIds: readonly string[], ctx: CallContext): Promise<BatchResult<Ticket[]>> {
  const owners = [...new Set(ownerIds.filter(isZendeskId))];
  const lists = await mapConcurrent(owners, options.maxConcurrentOwners, (id) => listOne(options, id, ctx).catch(toError));
  const byOwner = new Map(owners.map((id, i) => [id, lists[i]] as const));
  return ownerIds.map((id) => byOwner.get(id) ?? invalidIdError(options.name, id));
}

async function listOne(options: ResolvedZendeskOptions, ownerId: string, ctx: CallContext): Promise<Ticket[]> {
  const owner: SourceRef = { source: options.name, id: ownerId };
  const firstParams = { 'page[size]': options.ticketsPageSize, sort_by: 'created_at', sort_order: 'desc' };
  // https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#list-tickets (cursor pagination)
  let call: { path: string; params?: Record<string, string | number> } = { path: `api/v2/users/${ownerId}/tickets/requested.json`, params: firstParams };
  const tickets = new Map<string, Ticket>();
  const cursors = new Set<string>();
  const fail = (message: string): UpstreamError => new UpstreamError({ source: options.name, kind: 'bad_response', message, method: 'GET' });
  for (let page = 1; ; page += 1) {
    if (page > options.maxPages) {
      options.logger?.warn({ source: options.name, maxPages: options.maxPages }, 'zendesk requested tickets cut off at maxPages');
      break;
    }
    let body;
    try {
      body = await requestZendesk(options, { ...call, signal: ctx.signal }, wireTicketsCursorPage);
    } catch (error) {
      if (page === 1 && isUpstreamError(error) && error.status === 404) return [];
      throw error;
    }
    for (const wire of body.tickets) {
      const ticket = mapTicket(owner, wire);
      if (ticket === null) throw fail(`Zendesk ticket ${wire.id} has an undocumented status`);
      tickets.set(ticket.ref.id, ticket);
    }
    if (!body.meta.has_more) break;
    const cursor = body.meta.after_cursor || null;
    const next = body.links?.next || null;
    if (cursor === null && next === null) throw fail('Zendesk said has_more without a cursor or next link');
    const position = cursor ?? next ?? '';
    if (cursors.has(position)) throw fail('Zendesk returned the same cursor twice');
    cursors.add(position);
    call = next !== null ? { path: next } : { path: call.path, params: { ...firstParams, 'page[after]': position } };
  }
  return sortNewestFirst(tickets.values(), (a, b) => Number(b.ref.id) - Number(a.ref.id));
}
