// Internal: the minimal shapes of Zendesk's JSON the adapter relies on. Unknown extra fields are allowed
// (and dropped); a missing or mistyped field the adapter needs makes the answer a bad_response.
import { z } from 'zod';

const optionalText = z.string().nullable().optional();

/** A user (https://developer.zendesk.com/api-reference/ticketing/users/users/). */
export const wireUser = z.object({
  id: z.number().int(),
  name: optionalText,
  email: optionalText,
  phone: optionalText,
  external_id: z.union([z.string(), z.number()]).nullable().optional(),
  role: z.string(),
  created_at: optionalText,
  updated_at: optionalText,
});
export type WireUser = z.infer<typeof wireUser>;

/** A sideloaded user identity (https://developer.zendesk.com/api-reference/ticketing/users/user_identities/). */
export const wireIdentity = z.object({
  user_id: z.number().int(),
  type: z.string(),
  value: optionalText,
});
export type WireIdentity = z.infer<typeof wireIdentity>;

/** A ticket (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/). */
export const wireTicket = z.object({
  id: z.number().int(),
  subject: optionalText,
  status: z.string(),
  priority: optionalText,
  via: z.object({ channel: optionalText }).nullable().optional(),
  created_at: z.string(),
  updated_at: optionalText,
});
export type WireTicket = z.infer<typeof wireTicket>;

/** `users/search` and `users/show_many` answers (offset paging; show_many has no next page). */
export const wireUsersPage = z.object({
  users: z.array(wireUser),
  identities: z.array(wireIdentity).optional(),
  next_page: optionalText,
});
export type WireUsersPage = z.infer<typeof wireUsersPage>;

/** A cursor page of `users/{id}/tickets/requested`. */
export const wireTicketsCursorPage = z.object({
  tickets: z.array(wireTicket),
  meta: z.object({ has_more: z.boolean(), after_cursor: optionalText }),
  links: z.object({ next: optionalText }).nullable().optional(),
});
export type WireTicketsCursorPage = z.infer<typeof wireTicketsCursorPage>;
