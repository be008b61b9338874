import { DAY_MS } from './createClock.js';
import type { DatasetContext } from './DatasetContext.js';
import { salesforceId } from './salesforceId.js';
import type { SfContact, SfTask } from './types.js';

const TASKS_PER_CONTACT = [
  { weight: 30, value: 0 },
  { weight: 20, value: 1 },
  { weight: 15, value: 2 },
  { weight: 10, value: 3 },
  { weight: 8, value: 4 },
  { weight: 6, value: 5 },
  { weight: 5, value: 6 },
  { weight: 3, value: 7 },
  { weight: 3, value: 8 },
] as const;
const SUBTYPE = [
  { weight: 35, value: 'Call' },
  { weight: 40, value: 'Email' },
  { weight: 25, value: 'Task' },
] as const;
const SUBJECTS: Readonly<Record<(typeof SUBTYPE)[number]['value'], readonly string[]>> = {
  Call: ['Call: order follow-up', 'Call: returned missed call', 'Call: delivery question', 'Call: renewal reminder'],
  Email: ['Email: order confirmation', 'Email: welcome series', 'Email: re: refund request', 'Email: survey follow-up'],
  Task: ['Send loyalty welcome pack', 'Follow up on open case', 'Update mailing address', 'Check warranty claim'],
};
/** To-dos due more than this long ago are mostly done. */
const OVERDUE_AFTER_MS = 7 * DAY_MS;
const OVERDUE_STATUS = [
  { weight: 85, value: 'Completed' },
  { weight: 10, value: 'Not Started' },
  { weight: 5, value: 'In Progress' },
] as const;
const OPEN_STATUS = [
  { weight: 45, value: 'Not Started' },
  { weight: 35, value: 'In Progress' },
  { weight: 20, value: 'Completed' },
] as const;
const PRIORITY = [
  { weight: 85, value: 'Normal' },
  { weight: 15, value: 'High' },
] as const;
/** Share of Tasks related to the Contact's Account (`WhatId`). */
const WHAT_ID_RATE = 0.8;

type TaskDraft = Omit<SfTask, 'id'> & { readonly createdMs: number };

/**
 * 0–8 Tasks per Contact, created after the Contact: logged calls (with a duration) and emails are
 * `Completed` on their creation day; to-dos are due within 14 days of creation (never after now). Ids follow
 * created-date order.
 */
export function createTasks(ctx: DatasetContext, contacts: readonly SfContact[]): SfTask[] {
  const { faker, clock } = ctx;
  const drafts: TaskDraft[] = [];
  for (const contact of contacts) {
    const count = faker.helpers.weightedArrayElement(TASKS_PER_CONTACT);
    for (let k = 0; k < count; k++) {
      const createdMs = clock.between(Date.parse(contact.createdDate), clock.nowMs);
      const taskSubtype = faker.helpers.weightedArrayElement(SUBTYPE);
      const dueMs = taskSubtype === 'Task' ? clock.between(createdMs, createdMs + 14 * DAY_MS) : createdMs;
      const status =
        taskSubtype !== 'Task'
          ? 'Completed'
          : faker.helpers.weightedArrayElement(clock.nowMs - dueMs > OVERDUE_AFTER_MS ? OVERDUE_STATUS : OPEN_STATUS);
      drafts.push({
        whoId: contact.id,
        whatId: faker.datatype.boolean(WHAT_ID_RATE) ? contact.accountId : null,
        subject: faker.helpers.arrayElement(SUBJECTS[taskSubtype]),
        status,
        priority: faker.helpers.weightedArrayElement(PRIORITY),
        taskSubtype,
        activityDate: clock.date(dueMs),
        callDurationInSeconds: taskSubtype === 'Call' ? faker.number.int({ min: 30, max: 1800 }) : null,
        createdDate: clock.iso(createdMs),
        lastModifiedDate: clock.iso(clock.between(Math.max(createdMs, dueMs), clock.nowMs)),
        createdMs,
      });
    }
  }
  return drafts
    .sort((a, b) => a.createdMs - b.createdMs)
    .map(({ createdMs: _createdMs, ...fields }, index) => ({ id: salesforceId('00T', index), ...fields }));
}
