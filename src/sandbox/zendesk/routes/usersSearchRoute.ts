import type { ZendeskUser } from '../../dataset/types.js';
import type { FakeRoute } from '../../fakeTypes.js';
import type { ZendeskIndex } from '../indexZendeskData.js';
import { matchUser } from '../matchUser.js';
import { paginateOffset } from '../paginateOffset.js';
import { parseSearchQuery } from '../parseSearchQuery.js';
import { renderUser } from '../renderUser.js';
import { sideloadIdentities } from '../sideloadIdentities.js';
import { invalidParameter } from '../zendeskErrorBodies.js';

/** Records an offset query may reach on users/search before Zendesk answers 400. */
export const USERS_SEARCH_MAX_RECORDS = 10_000;

/**
 * `GET /api/v2/users/search[.json]` (https://developer.zendesk.com/api-reference/ticketing/users/users/#search-users):
 * `query` in search syntax (see matchUser) or the exact `external_id` parameter; offset paging only,
 * ascending id; every role is returned, as the real endpoint does.
 */
export function usersSearchRoute(index: ZendeskIndex): FakeRoute {
  return {
    name: 'users.search',
    method: 'GET',
    pattern: /^\/api\/v2\/users\/search(?:\.json)?$/,
    handler(req) {
      const externalId = req.query.get('external_id');
      const query = req.query.get('query');
      let matches: readonly ZendeskUser[];
      if (externalId !== null) matches = index.usersByExternalId.get(externalId) ?? [];
      else if (query !== null && query.trim() !== '') {
        const terms = parseSearchQuery(query);
        matches = index.users.filter((user) => matchUser(user, terms));
      } else return invalidParameter('query or external_id is required');
      const page = paginateOffset(req, matches, {
        maxRecords: USERS_SEARCH_MAX_RECORDS,
        overLimit: () => invalidParameter(`Offset pagination is limited to the first ${USERS_SEARCH_MAX_RECORDS} records`),
      });
      if (!page.ok) return page.response;
      return {
        status: 200,
        body: {
          users: page.items.map((user) => renderUser(user, req.origin)),
          ...sideloadIdentities(req, page.items, index),
          next_page: page.next_page,
          previous_page: page.previous_page,
          count: page.count,
        },
      };
    },
  };
}
