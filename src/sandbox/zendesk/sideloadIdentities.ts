import type { ZendeskUser } from '../dataset/types.js';
import type { FakeRequest } from '../fakeTypes.js';
import type { ZendeskIndex } from './indexZendeskData.js';
import { renderIdentities } from './renderIdentities.js';

/**
 * The `identities` sideload when the request asks for it with `include=identities` (a comma list that may
 * name other sideloads, which the sandbox ignores); otherwise an empty object to spread into the body.
 */
export function sideloadIdentities(req: FakeRequest, users: readonly ZendeskUser[], index: ZendeskIndex): { identities?: Record<string, unknown>[] } {
  const include = (req.query.get('include') ?? '').split(',').map((part) => part.trim());
  if (!include.includes('identities')) return {};
  return { identities: users.flatMap((user) => renderIdentities(user, index.identityBaseIds.get(user.id) ?? 0, req.origin)) };
}
