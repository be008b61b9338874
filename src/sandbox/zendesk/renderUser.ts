import type { ZendeskUser } from '../dataset/types.js';
import { ianaTimeZone } from './ianaTimeZone.js';
import { toZendeskTime } from './toZendeskTime.js';

/**
 * A dataset user in Zendesk's wire shape (https://developer.zendesk.com/api-reference/ticketing/users/users/),
 * with `url` absolute on `origin`.
 */
export function renderUser(user: ZendeskUser, origin: string): Record<string, unknown> {
  return {
    id: user.id,
    url: `${origin}/api/v2/users/${user.id}.json`,
    name: user.name,
    email: user.email,
    phone: user.phone,
    external_id: user.externalId,
    organization_id: user.organizationId,
    role: user.role,
    active: user.active,
    suspended: false,
    verified: user.verified,
    tags: [...user.tags],
    user_fields: {},
    time_zone: user.timeZone,
    iana_time_zone: ianaTimeZone(user.timeZone),
    locale: user.locale,
    photo: null,
    details: '',
    notes: '',
    created_at: toZendeskTime(user.createdAt),
    updated_at: toZendeskTime(user.updatedAt),
  };
}
