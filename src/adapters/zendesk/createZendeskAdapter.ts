import type { SourceAdapter } from '../types.js';
import { getUsersByIds } from './getUsersByIds.js';
import { listRequestedTickets } from './listRequestedTickets.js';
import { resolveZendeskOptions, type ZendeskAdapterOptions } from './resolveZendeskOptions.js';
import { searchUsers } from './searchUsers.js';
import { searchTicketRequesters } from './searchTicketRequesters.js';
import { splitLookupKeys } from '../splitLookupKeys.js';

/**
 * A source adapter for Zendesk Support (kind `zendesk`; capabilities `search` and `tickets`) over the
 * injected HTTP client. `ref.id` is the user's numeric id as text; `ref.source` is `options.name`.
 * - `search`: users/search per key (see searchUsers): `email:`, `phone:`, `name:"…"`, `name:doe* name:j*`
 *   for `namePrefix` keys, or `external_id=`; end users only; under `ctx.maxSearchResults` = M pages of
 *   min(100, M+1) users, stopped once M+1 end users are held. Phonetic, birth-date and address keys → `[]`
 *   (users carry no birth date or address).
 *   `ticketNumber` keys → one tickets/show_many + one users/show_many for the batch (see searchTicketRequesters).
 * - `getByIds`: users/show_many in chunks of 100 (see getUsersByIds).
 * - `ticketsByOwner`: users/{id}/tickets/requested per owner, cursor-paged (see listRequestedTickets).
 * Every failure is an UpstreamError: 429 → `rate_limited` with `retryAfterMs`, 401/403 → `auth`,
 * 5xx → `unavailable`, HTML/empty/malformed/unexpected bodies → `bad_response`; per key where the port
 * allows. Retries, breakers and deadlines belong to the caller and the HTTP client. Stateless: one
 * instance serves all requests. Throws a TypeError for an invalid option.
 */
export function createZendeskAdapter(options: ZendeskAdapterOptions): SourceAdapter {
  const resolved = resolveZendeskOptions(options);
  const adapter = {
    name: resolved.name,
    kind: 'zendesk',
    // Every call builds its records from its own response: provenance is stamped on them, not on copies.
    freshValues: true,
    capabilities: { search: true, searchKeys: ['email', 'phone', 'name', 'namePrefix', 'identifier'], orders: false, tickets: true, activities: false, lookupKinds: ['ticketNumber'] },
    search: (keys, ctx) =>
      splitLookupKeys(keys, 'ticketNumber', (values) => searchTicketRequesters(resolved, values, ctx), (rest) => searchUsers(resolved, rest, ctx)),
    getByIds: (ids, ctx) => getUsersByIds(resolved, ids, ctx),
    ticketsByOwner: (ownerIds, ctx) => listRequestedTickets(resolved, ownerIds, ctx),
  } satisfies SourceAdapter;
  return adapter;
}
