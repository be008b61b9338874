import type { SandboxDataset, ZendeskTicket, ZendeskUser } from '../dataset/types.js';

/** Look-up tables over the dataset's Zendesk records, built once when the sandbox starts. */
export interface ZendeskIndex {
  /** Every user, ascending id. */
  readonly users: readonly ZendeskUser[];
  readonly usersById: ReadonlyMap<number, ZendeskUser>;
  /** Users per `externalId` (the dataset does not promise uniqueness). */
  readonly usersByExternalId: ReadonlyMap<string, readonly ZendeskUser[]>;
  /** Every ticket, ascending id. */
  readonly tickets: readonly ZendeskTicket[];
  /** Tickets per requester id, ascending id. */
  readonly ticketsByRequester: ReadonlyMap<number, readonly ZendeskTicket[]>;
  /** First identity id of each user: its email identity gets this id, its phone identity this + 1. */
  readonly identityBaseIds: ReadonlyMap<number, number>;
  /** Replaces a user with `patch` applied and `updatedAt` now; null for an unknown id. The dataset is untouched. */
  updateUser(id: number, patch: Partial<Pick<ZendeskUser, 'name' | 'email' | 'phone'>>): ZendeskUser | null;
  /** Replaces a ticket with `patch` applied and `updatedAt` now; null for an unknown id. */
  updateTicket(id: number, patch: Partial<Pick<ZendeskTicket, 'subject' | 'status' | 'priority'>>): ZendeskTicket | null;
}

const FIRST_IDENTITY_ID = 360_000_000_000;

/** Indexes `dataset.zendesk`; the dataset is read, never modified (updates replace the index's own entries). */
export function indexZendeskData(dataset: SandboxDataset): ZendeskIndex {
  const users = [...dataset.zendesk.users].sort((a, b) => a.id - b.id);
  const tickets = [...dataset.zendesk.tickets].sort((a, b) => a.id - b.id);
  const usersById = new Map<number, ZendeskUser>();
  const usersByExternalId = new Map<string, ZendeskUser[]>();
  const identityBaseIds = new Map<number, number>();
  users.forEach((user, position) => {
    usersById.set(user.id, user);
    identityBaseIds.set(user.id, FIRST_IDENTITY_ID + position * 2);
    if (user.externalId !== null) usersByExternalId.set(user.externalId, [...(usersByExternalId.get(user.externalId) ?? []), user]);
  });
  const ticketsByRequester = new Map<number, ZendeskTicket[]>();
  for (const ticket of tickets) {
    const list = ticketsByRequester.get(ticket.requesterId);
    if (list) list.push(ticket);
    else ticketsByRequester.set(ticket.requesterId, [ticket]);
  }
  return {
    users,
    usersById,
    usersByExternalId,
    tickets,
    ticketsByRequester,
    identityBaseIds,
    updateUser(id, patch) {
      const current = usersById.get(id);
      if (!current) return null;
      const next: ZendeskUser = { ...current, ...patch, updatedAt: new Date().toISOString() };
      users[users.indexOf(current)] = next;
      usersById.set(id, next);
      if (next.externalId !== null) usersByExternalId.set(next.externalId, (usersByExternalId.get(next.externalId) ?? []).map((u) => (u === current ? next : u)));
      return next;
    },
    updateTicket(id, patch) {
      const at = tickets.findIndex((t) => t.id === id);
      const current = tickets[at];
      if (!current) return null;
      const next: ZendeskTicket = { ...current, ...patch, updatedAt: new Date().toISOString() };
      tickets[at] = next;
      const list = ticketsByRequester.get(current.requesterId);
      if (list) list[list.indexOf(current)] = next;
      return next;
    },
  };
}
