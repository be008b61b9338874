import type { IdentityRecord } from '../../domain/index.js';
import type { BatchResult, CallContext } from '../types.js';
import { mapConcurrent } from './mapConcurrent.js';
import { mapUser } from './mapUser.js';
import { requestZendesk } from './requestZendesk.js';
import type { ResolvedZendeskOptions } from './resolveZendeskOptions.js';
import { wireUsersPage } from './wireSchemas.js';
import { invalidIdError, isZendeskId, toError } from './zendeskIds.js';

/** Most ids Zendesk's show_many takes per call. */
export const SHOW_MANY_CHUNK = 100;

/**
 * The adapter's `getByIds`: distinct valid ids in `users/show_many?ids=…&include=identities` calls of at
 * most 100 (up to `maxConcurrentOwners` in flight). Results in input order: the record, `null` where
 * Zendesk omitted the id (it does not error for unknown ids) or the user is not an end user (agents are
 * not customers), a `rejected` UpstreamError for an id that is not a canonical Zendesk id (no call made),
 * and a failed chunk's error in the slots of that chunk only.
 */
export async function getUsersByIds(options: ResolvedZendeskOptions, ids: readonly string[], ctx: CallContext): Promise<BatchResult<IdentityRecord | null>> {
  const wanted = [...new Set(ids.filter(isZendeskId))];
  const chunks: string[][] = [];
  for (let i = 0; i < wanted.length; i += SHOW_MANY_CHUNK) chunks.push(wanted.slice(i, i + SHOW_MANY_CHUNK));
  const found = new Map<string, IdentityRecord | Error>();
  await mapConcurrent(chunks, options.maxConcurrentOwners, async (chunk) => {
    try {
      // https://developer.zendesk.com/api-reference/ticketing/users/users/#show-many-users
      const body = await requestZendesk(
        options,
        { path: 'api/v2/users/show_many.json', params: { ids: chunk.join(','), include: 'identities' }, signal: ctx.signal },
        wireUsersPage,
      );
      for (const user of body.users) {
        if (user.role === 'end-user') found.set(String(user.id), mapUser(options.name, user, body.identities ?? []));
      }
    } catch (error) {
      const failure = toError(error);
      for (const id of chunk) found.set(id, failure);
    }
  });
  return ids.map((id) => (isZendeskId(id) ? (found.get(id) ?? null) : invalidIdError(options.name, id)));
}
