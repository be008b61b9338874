import { DAY_MS } from './createClock.js';
import type { DatasetContext } from './DatasetContext.js';
import { formatPhone, type PhoneStyle } from './formatPhone.js';
import { pickContactPoints } from './pickContactPoints.js';
import type { SandboxPerson, SfContact } from './types.js';
import { emailCaseVariant, familyNameVariant, givenNameVariant } from './variants.js';

/** Phone formats people type into Salesforce forms. */
const SF_PHONE_STYLES: readonly PhoneStyle[] = ['parenthesized', 'dashed', 'dotted'];
/** How Salesforce records differ from the person (probabilities 0..1). */
const NOISE = {
  contactPoints: { missingEmail: 0.05, missingPhone: 0.05 },
  givenName: { nickname: 0.25, typo: 0.03 },
  familyTypo: 0.03,
  emailCase: 0.15,
  mobileOnly: 0.15,
  noMailingAddress: 0.04,
  birthdate: 0.85,
  optedOutOfEmail: 0.08,
  doNotCall: 0.05,
} as const;
const COUNTRY_SPELLINGS = [
  { weight: 6, value: 'US' },
  { weight: 3, value: 'United States' },
  { weight: 1, value: 'USA' },
] as const;

/** Internal: a Contact before ids are assigned in created-date order. */
export type ContactDraft = Omit<SfContact, 'id' | 'accountId' | 'createdDate' | 'lastModifiedDate'> & {
  readonly personId: string;
  readonly householdId: string;
  readonly createdMs: number;
  readonly modifiedMs: number;
};

/**
 * The person's main Contact, created within 30 days after its Account. Carries `sharedEmail` instead of the
 * person's own email when the household has one (Salesforce allows duplicate emails).
 */
export function createContactDraft(
  ctx: DatasetContext,
  person: SandboxPerson,
  sharedEmail: string | null,
  accountCreatedMs: number,
): ContactDraft {
  const { faker, clock } = ctx;
  const points = pickContactPoints(faker, sharedEmail ?? person.email, sharedEmail, NOISE.contactPoints);
  const email =
    points.email !== null && faker.datatype.boolean(NOISE.emailCase) ? emailCaseVariant(faker, points.email) : points.email;
  const phone = points.hasPhone ? formatPhone(person.phone, faker.helpers.arrayElement(SF_PHONE_STYLES)) : null;
  const mobileOnly = phone !== null && faker.datatype.boolean(NOISE.mobileOnly);
  const address = faker.datatype.boolean(NOISE.noMailingAddress) ? null : person.address;
  const createdMs = clock.between(accountCreatedMs, accountCreatedMs + 30 * DAY_MS);
  return {
    personId: person.personId,
    householdId: person.householdId,
    firstName: givenNameVariant(faker, person.givenName, NOISE.givenName),
    lastName: familyNameVariant(faker, person.familyName, NOISE.familyTypo),
    email,
    phone: mobileOnly ? null : phone,
    mobilePhone: mobileOnly ? phone : null,
    mailingStreet: address?.line1 ?? null,
    mailingCity: address?.city ?? null,
    mailingState: address?.region ?? null,
    mailingPostalCode: address?.postcode ?? null,
    mailingCountry: address === null ? null : faker.helpers.weightedArrayElement(COUNTRY_SPELLINGS),
    birthdate: faker.datatype.boolean(NOISE.birthdate) ? person.birthDate : null,
    hasOptedOutOfEmail: faker.datatype.boolean(NOISE.optedOutOfEmail),
    doNotCall: faker.datatype.boolean(NOISE.doNotCall),
    createdMs,
    modifiedMs: clock.between(createdMs, clock.nowMs),
  };
}

/**
 * A later, sparser second Contact for the same person, as a web form or list import creates it: the same
 * email (so it can be found), the phone always present in `Phone` in a freshly picked format, no address or
 * birthdate.
 */
export function createDuplicateDraft(ctx: DatasetContext, person: SandboxPerson, original: ContactDraft): ContactDraft {
  const { faker, clock } = ctx;
  const createdMs = clock.between(original.createdMs, clock.nowMs);
  return {
    ...original,
    firstName: givenNameVariant(faker, person.givenName, NOISE.givenName),
    phone: formatPhone(person.phone, faker.helpers.arrayElement(SF_PHONE_STYLES)),
    mobilePhone: null,
    mailingStreet: null,
    mailingCity: null,
    mailingState: null,
    mailingPostalCode: null,
    mailingCountry: null,
    birthdate: null,
    hasOptedOutOfEmail: false,
    doNotCall: false,
    createdMs,
    modifiedMs: clock.between(createdMs, clock.nowMs),
  };
}
