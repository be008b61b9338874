import { z } from 'zod';
import type { IdentityRecord } from '../../domain/index.js';
import type { BatchResult, CallContext } from '../types.js';
import { getUsersByIds, SHOW_MANY_CHUNK } from './getUsersByIds.js';
import { mapConcurrent } from './mapConcurrent.js';
import { requestZendesk } from './requestZendesk.js';
import type { ResolvedZendeskOptions } from './resolveZendeskOptions.js';
import { toError } from './zendeskIds.js';

const wireTicketRequesters = z.object({ tickets: z.array(z.object({ id: z.number().int(), requester_id: z.number().int().nullable() })) });

/** A ticket number as typed (`10665`, `#10665`) → its canonical id text, or null. */
export function ticketIdTerm(value: string): string | null {
  const text = value.trim().replace(/^#/, '');
  return /^\d{1,15}$/.test(text) ? String(Number(text)) : null;
}

/**
 * Requesters of tickets by ticket id (console lookup, issue 14): `tickets/show_many?ids=…` in chunks of 100
 * (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-multiple-tickets), then the
 * requesters through {@link getUsersByIds} (one more batched call). Each key gets its ticket's requester
 * (`[]` for an unknown ticket, a non-numeric value or a requester that is not an end user); a failed call
 * fails the keys it served.
 */
export async function searchTicketRequesters(options: ResolvedZendeskOptions, values: readonly string[], ctx: CallContext): Promise<BatchResult<IdentityRecord[]>> {
  const terms = values.map(ticketIdTerm);
  const distinct = [...new Set(terms.filter((t): t is string => t !== null))];
  const chunks: string[][] = [];
  for (let i = 0; i < distinct.length; i += SHOW_MANY_CHUNK) chunks.push(distinct.slice(i, i + SHOW_MANY_CHUNK));
  const requesterOf = new Map<string, string | Error>();
  await mapConcurrent(chunks, options.maxConcurrentOwners, async (chunk) => {
    try {
      const body = await requestZendesk(options, { path: 'api/v2/tickets/show_many.json', params: { ids: chunk.join(',') }, signal: ctx.signal }, wireTicketRequesters);
      for (const ticket of body.tickets) if (ticket.requester_id !== null) requesterOf.set(String(ticket.id), String(ticket.requester_id));
    } catch (error) {
      const failure = toError(error);
      for (const id of chunk) requesterOf.set(id, failure);
    }
  });
  const userIds = [...new Set([...requesterOf.values()].filter((v): v is string => typeof v === 'string'))];
  const users = userIds.length > 0 ? await getUsersByIds(options, userIds, ctx) : [];
  const userOf = new Map(userIds.map((id, i) => [id, users[i]!]));
  return terms.map((term) => {
    const requester = term === null ? undefined : requesterOf.get(term);
    if (requester === undefined) return [];
    if (requester instanceof Error) return requester;
    const user = userOf.get(requester);
    if (user instanceof Error) return user;
    return user ? [user] : [];
  });
}
