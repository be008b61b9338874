import { DAY_MS } from './createClock.js';
import type { DatasetContext } from './DatasetContext.js';
import { SUPPORT_TOPICS } from './supportTopics.js';
import type { ZendeskTicket, ZendeskUser } from './types.js';

const FIRST_TICKET_ID = 10_001;
/** Agents tickets are assigned to; they are not end users, so they are not in `users`. */
const AGENT_IDS: readonly number[] = [9_000_000_001, 9_000_000_002, 9_000_000_003, 9_000_000_004, 9_000_000_005];
const TICKETS_PER_USER = [
  { weight: 40, value: 0 },
  { weight: 25, value: 1 },
  { weight: 15, value: 2 },
  { weight: 8, value: 3 },
  { weight: 6, value: 4 },
  { weight: 3, value: 5 },
  { weight: 3, value: 6 },
] as const;
/** Solved tickets close automatically after 28 days, so old tickets are mostly closed. */
const CLOSING_AFTER_MS = 28 * DAY_MS;
/** Tickets stay `new` only until an agent first looks, within 2 days. */
const TRIAGED_AFTER_MS = 2 * DAY_MS;
const OLD_STATUS = [
  { weight: 85, value: 'closed' },
  { weight: 12, value: 'solved' },
  { weight: 3, value: 'hold' },
] as const;
const ACTIVE_STATUS = [
  { weight: 20, value: 'open' },
  { weight: 20, value: 'pending' },
  { weight: 5, value: 'hold' },
  { weight: 55, value: 'solved' },
] as const;
const FRESH_STATUS = [
  { weight: 40, value: 'new' },
  { weight: 40, value: 'open' },
  { weight: 20, value: 'pending' },
] as const;
const PRIORITY = [
  { weight: 20, value: 'low' },
  { weight: 55, value: 'normal' },
  { weight: 20, value: 'high' },
  { weight: 5, value: 'urgent' },
] as const;
const TYPE = [
  { weight: 40, value: 'question' },
  { weight: 20, value: 'problem' },
  { weight: 25, value: 'incident' },
  { weight: 15, value: 'task' },
] as const;
const CHANNEL = [
  { weight: 40, value: 'email' },
  { weight: 30, value: 'web' },
  { weight: 5, value: 'api' },
  { weight: 10, value: 'voice' },
  { weight: 15, value: 'chat' },
] as const;

type TicketDraft = Omit<ZendeskTicket, 'id'> & { readonly createdMs: number };

/**
 * 0–6 tickets per user, created after the user, requested and submitted by that user. Ids (from 10001)
 * follow created order; status follows age (`new` only in the last 2 days, old ones mostly `closed`); a
 * `new` ticket is unassigned and never updated after creation.
 */
export function createTickets(ctx: DatasetContext, users: readonly ZendeskUser[]): ZendeskTicket[] {
  const { faker, clock } = ctx;
  const drafts: TicketDraft[] = [];
  for (const user of users) {
    const count = faker.helpers.weightedArrayElement(TICKETS_PER_USER);
    for (let k = 0; k < count; k++) {
      const createdMs = clock.between(Date.parse(user.createdAt), clock.nowMs);
      const ageMs = clock.nowMs - createdMs;
      const status = faker.helpers.weightedArrayElement(
        ageMs > CLOSING_AFTER_MS ? OLD_STATUS : ageMs > TRIAGED_AFTER_MS ? ACTIVE_STATUS : FRESH_STATUS,
      );
      const topic = faker.helpers.arrayElement(SUPPORT_TOPICS);
      const isNew = status === 'new';
      drafts.push({
        requesterId: user.id,
        submitterId: user.id,
        assigneeId: isNew ? null : faker.helpers.arrayElement(AGENT_IDS),
        subject: topic.subject,
        description: topic.description,
        status,
        priority: faker.helpers.weightedArrayElement(PRIORITY),
        type: faker.helpers.weightedArrayElement(TYPE),
        tags: topic.tags,
        channel: faker.helpers.weightedArrayElement(CHANNEL),
        createdAt: clock.iso(createdMs),
        updatedAt: clock.iso(isNew ? createdMs : clock.between(createdMs, createdMs + 35 * DAY_MS)),
        createdMs,
      });
    }
  }
  return drafts
    .sort((a, b) => a.createdMs - b.createdMs)
    .map(({ createdMs: _createdMs, ...fields }, index) => ({ id: FIRST_TICKET_ID + index, ...fields }));
}
