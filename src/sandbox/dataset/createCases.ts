import { DAY_MS } from './createClock.js';
import type { DatasetContext } from './DatasetContext.js';
import { salesforceId } from './salesforceId.js';
import { SUPPORT_TOPICS } from './supportTopics.js';
import type { SfCase, SfContact } from './types.js';

const CASES_PER_CONTACT = [
  { weight: 50, value: 0 },
  { weight: 25, value: 1 },
  { weight: 13, value: 2 },
  { weight: 8, value: 3 },
  { weight: 4, value: 4 },
] as const;
/** Cases older than this are mostly closed. */
const SETTLED_AFTER_MS = 21 * DAY_MS;
const SETTLED_STATUS = [
  { weight: 88, value: 'Closed' },
  { weight: 6, value: 'Working' },
  { weight: 3, value: 'Escalated' },
  { weight: 3, value: 'New' },
] as const;
const RECENT_STATUS = [
  { weight: 30, value: 'New' },
  { weight: 40, value: 'Working' },
  { weight: 10, value: 'Escalated' },
  { weight: 20, value: 'Closed' },
] as const;
const PRIORITY = [
  { weight: 30, value: 'Low' },
  { weight: 50, value: 'Medium' },
  { weight: 20, value: 'High' },
] as const;
const ORIGIN = [
  { weight: 45, value: 'Email' },
  { weight: 30, value: 'Phone' },
  { weight: 25, value: 'Web' },
] as const;
const FIRST_CASE_NUMBER = 1001;

type CaseDraft = Omit<SfCase, 'id' | 'caseNumber'> & { readonly createdMs: number };

/**
 * 0–4 Cases per Contact, created after the Contact. Ids and 8-digit case numbers (from `00001001`) follow
 * created-date order across the org; `closedDate` is set exactly when the status is `Closed`.
 */
export function createCases(ctx: DatasetContext, contacts: readonly SfContact[]): SfCase[] {
  const { faker, clock } = ctx;
  const drafts: CaseDraft[] = [];
  for (const contact of contacts) {
    const count = faker.helpers.weightedArrayElement(CASES_PER_CONTACT);
    for (let k = 0; k < count; k++) {
      const createdMs = clock.between(Date.parse(contact.createdDate), clock.nowMs);
      const topic = faker.helpers.arrayElement(SUPPORT_TOPICS);
      const status = faker.helpers.weightedArrayElement(
        clock.nowMs - createdMs > SETTLED_AFTER_MS ? SETTLED_STATUS : RECENT_STATUS,
      );
      const closedMs = status === 'Closed' ? clock.between(createdMs, createdMs + 10 * DAY_MS) : null;
      const modifiedMs = closedMs ?? clock.between(createdMs, createdMs + SETTLED_AFTER_MS);
      drafts.push({
        contactId: contact.id,
        accountId: contact.accountId,
        subject: topic.subject,
        description: topic.description,
        status,
        priority: faker.helpers.weightedArrayElement(PRIORITY),
        origin: faker.helpers.weightedArrayElement(ORIGIN),
        isClosed: closedMs !== null,
        createdDate: clock.iso(createdMs),
        closedDate: closedMs === null ? null : clock.iso(closedMs),
        lastModifiedDate: clock.iso(modifiedMs),
        createdMs,
      });
    }
  }
  return drafts
    .sort((a, b) => a.createdMs - b.createdMs)
    .map(({ createdMs: _createdMs, ...fields }, index) => ({
      id: salesforceId('500', index),
      caseNumber: String(FIRST_CASE_NUMBER + index).padStart(8, '0'),
      ...fields,
    }));
}
