import type { ZendeskUser } from '../../dataset/types.js';
import type { FakeRoute } from '../../fakeTypes.js';
import type { ZendeskIndex } from '../indexZendeskData.js';
import { renderUser } from '../renderUser.js';
import { sideloadIdentities } from '../sideloadIdentities.js';
import { invalidParameter } from '../zendeskErrorBodies.js';

/** Most ids (or external ids) one show_many call takes. */
export const SHOW_MANY_MAX_IDS = 100;

/**
 * `GET /api/v2/users/show_many[.json]?ids=1,2` or `?external_ids=a,b`
 * (https://developer.zendesk.com/api-reference/ticketing/users/users/#show-many-users): at most 100
 * values (else 400); unknown ids are **omitted**, duplicates collapse, and users come back in ascending
 * id order rather than request order, so clients must match by id.
 */
export function showManyUsersRoute(index: ZendeskIndex): FakeRoute {
  return {
    name: 'users.show_many',
    method: 'GET',
    pattern: /^\/api\/v2\/users\/show_many(?:\.json)?$/,
    handler(req) {
      const ids = req.query.get('ids');
      const externalIds = req.query.get('external_ids');
      const list = (ids ?? externalIds ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
      if (ids === null && externalIds === null) return invalidParameter('ids or external_ids is required');
      if (list.length > SHOW_MANY_MAX_IDS) return invalidParameter(`${ids !== null ? 'ids' : 'external_ids'}: at most ${SHOW_MANY_MAX_IDS} values per request`);
      const found = new Map<number, ZendeskUser>();
      for (const value of list) {
        const users = ids !== null ? [index.usersById.get(/^\d+$/.test(value) ? Number(value) : NaN)] : (index.usersByExternalId.get(value) ?? []);
        for (const user of users) if (user) found.set(user.id, user);
      }
      const users = [...found.values()].sort((a, b) => a.id - b.id);
      return {
        status: 200,
        body: {
          users: users.map((user) => renderUser(user, req.origin)),
          ...sideloadIdentities(req, users, index),
          next_page: null,
          previous_page: null,
          count: users.length,
        },
      };
    },
  };
}
