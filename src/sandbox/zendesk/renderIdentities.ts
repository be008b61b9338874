import type { ZendeskUser } from '../dataset/types.js';
import { toZendeskTime } from './toZendeskTime.js';

/**
 * The user's identities as `include=identities` sideloads them: an `email` identity for the email and a
 * `phone_number` identity for the phone, each primary, with ids `baseId` and `baseId + 1`.
 */
export function renderIdentities(user: ZendeskUser, baseId: number, origin: string): Record<string, unknown>[] {
  const identities: Record<string, unknown>[] = [];
  const add = (id: number, type: string, value: string, verified: boolean): void => {
    identities.push({
      url: `${origin}/api/v2/users/${user.id}/identities/${id}.json`,
      id,
      user_id: user.id,
      type,
      value,
      verified,
      primary: true,
      undeliverable_count: 0,
      deliverable_state: 'deliverable',
      created_at: toZendeskTime(user.createdAt),
      updated_at: toZendeskTime(user.updatedAt),
    });
  };
  if (user.email !== null) add(baseId, 'email', user.email, user.verified);
  if (user.phone !== null) add(baseId + 1, 'phone_number', user.phone, false);
  return identities;
}
