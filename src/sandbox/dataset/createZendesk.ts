import { DAY_MS } from './createClock.js';
import type { SharedEmail } from './createPeople.js';
import { createTickets } from './createTickets.js';
import type { DatasetContext } from './DatasetContext.js';
import { formatPhone, type PhoneStyle } from './formatPhone.js';
import { pickContactPoints } from './pickContactPoints.js';
import { timeZoneForState } from './timeZoneForState.js';
import type { GroundTruthEntry, SandboxPerson, ZendeskTicket, ZendeskUser } from './types.js';
import { familyNameVariant, givenNameVariant } from './variants.js';

/** First end-user id (11 digits). */
const FIRST_USER_ID = 10_000_000_001;
/** Phone formats agents type into Zendesk. */
const ZENDESK_PHONE_STYLES: readonly PhoneStyle[] = ['spacedE164', 'digits'];
/** How Zendesk records differ from the person (probabilities 0..1). */
const NOISE = {
  contactPoints: { missingEmail: 0.05, missingPhone: 0.2 },
  givenName: { nickname: 0.2, typo: 0.03 },
  familyTypo: 0.03,
  unverified: 0.15,
  inactive: 0.02,
} as const;
const TAGS = ['vip', 'churn-risk', 'beta', 'newsletter'];

/** The simulated Zendesk account plus the ground truth of its end users. */
export interface ZendeskRecords {
  readonly users: ZendeskUser[];
  readonly tickets: ZendeskTicket[];
  readonly truth: GroundTruthEntry[];
}

type UserDraft = Omit<ZendeskUser, 'id' | 'createdAt' | 'updatedAt'> & {
  readonly personId: string;
  readonly createdMs: number;
};

/**
 * One end user per Zendesk person, ids from 10000000001 in created order. `name` is one string (nicknames
 * and typos show here); emails are lower case and unique (only a household's holder may carry its shared
 * email); phones are free text.
 */
export function createZendesk(
  ctx: DatasetContext,
  people: readonly SandboxPerson[],
  sharedEmails: ReadonlyMap<string, SharedEmail>,
): ZendeskRecords {
  const { faker, clock } = ctx;
  const drafts: UserDraft[] = [];
  for (const person of people) {
    if (!person.systems.includes('zendesk')) continue;
    const sharedEmail = sharedEmails.get(person.householdId)?.email ?? null;
    const points = pickContactPoints(faker, person.email, sharedEmail, NOISE.contactPoints);
    const given = givenNameVariant(faker, person.givenName, NOISE.givenName);
    const family = familyNameVariant(faker, person.familyName, NOISE.familyTypo);
    const phone = points.hasPhone ? formatPhone(person.phone, faker.helpers.arrayElement(ZENDESK_PHONE_STYLES)) : null;
    drafts.push({
      personId: person.personId,
      name: `${given} ${family}`,
      email: points.email,
      phone,
      externalId: null,
      organizationId: null,
      role: 'end-user',
      active: !faker.datatype.boolean(NOISE.inactive),
      verified: points.email !== null && !faker.datatype.boolean(NOISE.unverified),
      tags: faker.helpers.arrayElements(TAGS, { min: 0, max: 1 }),
      timeZone: timeZoneForState(person.address.region),
      locale: 'en-US',
      createdMs: clock.between(clock.startMs, clock.nowMs - 14 * DAY_MS),
    });
  }
  const truth: GroundTruthEntry[] = [];
  const users = drafts
    .sort((a, b) => a.createdMs - b.createdMs)
    .map(({ personId, createdMs, ...fields }, index): ZendeskUser => {
      const id = FIRST_USER_ID + index;
      truth.push({ system: 'zendesk', recordType: 'User', id: String(id), personId });
      const updatedAt = clock.iso(clock.between(createdMs, clock.nowMs));
      return { id, ...fields, createdAt: clock.iso(createdMs), updatedAt };
    });
  return { users, tickets: createTickets(ctx, users), truth };
}
