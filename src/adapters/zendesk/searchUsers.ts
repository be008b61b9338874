import type { IdentityRecord } from '../../domain/index.js';
import { searchCap } from '../searchCap.js';
import type { BatchResult, BlockingKey, CallContext } from '../types.js';
import { UpstreamError } from '../UpstreamError.js';
import { mapConcurrent } from './mapConcurrent.js';
import { mapUser } from './mapUser.js';
import { type ZendeskSearchRequest, renderSearchRequest } from './renderSearchRequest.js';
import { requestZendesk } from './requestZendesk.js';
import type { ResolvedZendeskOptions } from './resolveZendeskOptions.js';
import { toError } from './zendeskIds.js';
import { type WireIdentity, type WireUser, wireUsersPage } from './wireSchemas.js';

const SEARCH_PER_PAGE = 100;

/**
 * The adapter's `search`: one users/search call chain per distinct key (identical keys share it), at most
 * `maxConcurrentOwners` keys in flight, each following `next_page` to the end or to `maxPages` (then cut
 * off with a warning). Only end users (`role: end-user`) are returned; agents and admins are not customers.
 * Under `ctx.maxSearchResults` = M a key asks for pages of min(100, M+1) users and stops paging once it holds
 * M+1 end users, returning those. Keys Zendesk cannot search (phonetic codes; users carry no birth date or
 * address) give `[]`; a failed key gets its UpstreamError in its own slot.
 */
export async function searchUsers(options: ResolvedZendeskOptions, keys: readonly BlockingKey[], ctx: CallContext): Promise<BatchResult<IdentityRecord[]>> {
  const shared = new Map<string, Promise<IdentityRecord[] | Error>>();
  return mapConcurrent(keys, options.maxConcurrentOwners, (key) => {
    const request = renderSearchRequest(key);
    if (request === null) return Promise.resolve([]);
    const id = JSON.stringify(request.params);
    let pending = shared.get(id);
    if (!pending) {
      pending = searchOne(options, request, key.kind, ctx, searchCap(ctx)).catch(toError);
      shared.set(id, pending);
    }
    return pending;
  });
}

async function searchOne(options: ResolvedZendeskOptions, request: ZendeskSearchRequest, keyKind: string, ctx: CallContext, cap: number | null): Promise<IdentityRecord[]> {
  const users = new Map<number, WireUser>();
  const endUsers = (): WireUser[] => [...users.values()].filter((user) => user.role === 'end-user');
  const identities: WireIdentity[] = [];
  const seen = new Set<string>();
  // https://developer.zendesk.com/api-reference/ticketing/users/users/#search-users (offset paging only)
  let call: { path: string; params?: Record<string, string | number> } = {
    path: 'api/v2/users/search.json',
    params: { ...request.params, per_page: cap === null ? SEARCH_PER_PAGE : Math.max(1, Math.min(SEARCH_PER_PAGE, cap)), include: 'identities' },
  };
  for (let page = 1; ; page += 1) {
    if (page > options.maxPages) {
      options.logger?.warn({ source: options.name, keyKind, maxPages: options.maxPages }, 'zendesk users/search cut off at maxPages');
      break;
    }
    const body = await requestZendesk(options, { ...call, signal: ctx.signal }, wireUsersPage);
    for (const user of body.users) users.set(user.id, user);
    identities.push(...(body.identities ?? []));
    const next = body.next_page ?? null;
    if (next === null || next === '') break;
    if (cap !== null && endUsers().length >= cap) break;
    if (seen.has(next)) {
      throw new UpstreamError({ source: options.name, kind: 'bad_response', message: 'Zendesk users/search returned the same next_page twice', method: 'GET' });
    }
    seen.add(next);
    call = { path: next };
  }
  const found = endUsers();
  return (cap === null ? found : found.slice(0, cap)).map((user) => mapUser(options.name, user, identities));
}
