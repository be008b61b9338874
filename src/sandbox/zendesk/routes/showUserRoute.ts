import type { FakeRoute } from '../../fakeTypes.js';
import type { ZendeskIndex } from '../indexZendeskData.js';
import { renderUser } from '../renderUser.js';
import { sideloadIdentities } from '../sideloadIdentities.js';
import { recordNotFound } from '../zendeskErrorBodies.js';

/**
 * `GET /api/v2/users/{id}[.json]` (https://developer.zendesk.com/api-reference/ticketing/users/users/#show-user)
 * → `{user}`; an unknown or non-numeric id → 404 `RecordNotFound`. Must be listed after the fixed
 * `users/search` and `users/show_many` routes, whose names it would otherwise capture.
 */
export function showUserRoute(index: ZendeskIndex): FakeRoute {
  return {
    name: 'users.show',
    method: 'GET',
    pattern: /^\/api\/v2\/users\/([^/]+?)(?:\.json)?$/,
    handler(req, match) {
      const id = match[1] ?? '';
      const user = /^\d+$/.test(id) ? index.usersById.get(Number(id)) : undefined;
      if (!user) return recordNotFound();
      return { status: 200, body: { user: renderUser(user, req.origin), ...sideloadIdentities(req, [user], index) } };
    },
  };
}
