import type { SandboxDataset, SandboxPerson } from '../../../src/sandbox/dataset/index.js';
import { nicknameFor } from '../../../src/sandbox/dataset/nicknames.js';
import { indexDataset, isSingleTypo } from './indexDataset.js';

/** How one system's names differ from the ground truth. */
export interface NameCounts {
  nickname: number;
  givenTypo: number;
  familyTypo: number;
  /** Differences that are neither a nickname nor a single typo: should be 0. */
  unexplained: number;
}

/** Test helper: how often each kind of noise occurs in a dataset, counted from the data alone. */
export interface VariationCounts {
  people: number;
  peopleWithoutEmail: number;
  peopleInHouseholds: number;
  peopleInAllSystems: number;
  salesforceContacts: number;
  shopifyCustomers: number;
  zendeskUsers: number;
  salesforceDuplicatePeople: number;
  salesforceEmailCase: number;
  salesforceMobileOnly: number;
  salesforcePhone: { parenthesized: number; dashed: number; dotted: number; other: number };
  shopifyPaddedEmail: number;
  shopifyPhoneNotE164: number;
  zendeskEmailNotLowerCase: number;
  zendeskPhone: { spacedE164: number; digits: number; other: number };
  missingEmail: { salesforce: number; shopify: number; zendesk: number };
  missingPhone: { salesforce: number; shopify: number; zendesk: number };
  names: { salesforce: NameCounts; shopify: NameCounts; zendesk: NameCounts };
}

/** Counts every kind of record variation in `dataset`. */
export function countVariations(dataset: SandboxDataset): VariationCounts {
  const index = indexDataset(dataset);
  const contactsPerPerson = new Map<string, number>();
  for (const { person } of index.contacts) contactsPerPerson.set(person.personId, (contactsPerPerson.get(person.personId) ?? 0) + 1);
  const sfPhones = index.contacts.map(({ record }) => record.phone ?? record.mobilePhone).filter((p) => p !== null);
  const zdPhones = index.users.map(({ record }) => record.phone).filter((p) => p !== null);
  const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;
  return {
    people: dataset.people.length,
    peopleWithoutEmail: count(dataset.people, (p) => p.email === null),
    peopleInHouseholds: [...index.households.values()].reduce((sum, members) => sum + members.length, 0),
    peopleInAllSystems: count(dataset.people, (p) => p.systems.length === 3),
    salesforceContacts: index.contacts.length,
    shopifyCustomers: index.customers.length,
    zendeskUsers: index.users.length,
    salesforceDuplicatePeople: count([...contactsPerPerson.values()], (n) => n > 1),
    salesforceEmailCase: count(index.contacts, ({ record }) => record.email !== null && record.email !== record.email.toLowerCase()),
    salesforceMobileOnly: count(index.contacts, ({ record }) => record.phone === null && record.mobilePhone !== null),
    salesforcePhone: {
      parenthesized: count(sfPhones, (p) => /^\(\d{3}\) \d{3}-\d{4}$/.test(p)),
      dashed: count(sfPhones, (p) => /^\d{3}-\d{3}-\d{4}$/.test(p)),
      dotted: count(sfPhones, (p) => /^\d{3}\.\d{3}\.\d{4}$/.test(p)),
      other: count(sfPhones, (p) => !/^(\(\d{3}\) |\d{3}-|\d{3}\.)\d{3}[-.]\d{4}$/.test(p)),
    },
    shopifyPaddedEmail: count(index.customers, ({ record }) => record.email !== null && record.email !== record.email.trim()),
    shopifyPhoneNotE164: count(index.customers, ({ record }) => record.phone !== null && !/^\+1\d{10}$/.test(record.phone)),
    zendeskEmailNotLowerCase: count(index.users, ({ record }) => record.email !== null && record.email !== record.email.toLowerCase()),
    zendeskPhone: {
      spacedE164: count(zdPhones, (p) => /^\+1 \d{3}-\d{3}-\d{4}$/.test(p)),
      digits: count(zdPhones, (p) => /^\d{10}$/.test(p)),
      other: count(zdPhones, (p) => !/^(\+1 \d{3}-\d{3}-\d{4}|\d{10})$/.test(p)),
    },
    missingEmail: {
      salesforce: count(index.contacts, ({ record, person }) => record.email === null && person.email !== null),
      shopify: count(index.customers, ({ record, person }) => record.email === null && person.email !== null),
      zendesk: count(index.users, ({ record, person }) => record.email === null && person.email !== null),
    },
    missingPhone: {
      salesforce: count(index.contacts, ({ record }) => record.phone === null && record.mobilePhone === null),
      shopify: count(index.customers, ({ record }) => record.phone === null),
      zendesk: count(index.users, ({ record }) => record.phone === null),
    },
    names: {
      salesforce: countNames(index.contacts.map(({ record, person }) => ({ given: record.firstName ?? '', family: record.lastName, person }))),
      shopify: countNames(index.customers.map(({ record, person }) => ({ given: record.firstName ?? '', family: record.lastName ?? '', person }))),
      zendesk: countNames(index.users.map(({ record, person }) => ({ ...splitName(record.name, person), person }))),
    },
  };
}

function countNames(names: ReadonlyArray<{ given: string; family: string; person: SandboxPerson }>): NameCounts {
  const counts: NameCounts = { nickname: 0, givenTypo: 0, familyTypo: 0, unexplained: 0 };
  for (const { given, family, person } of names) {
    const givenNickname = given === nicknameFor(person.givenName);
    const givenTypo = isSingleTypo(person.givenName, given);
    const familyTypo = isSingleTypo(person.familyName, family);
    if (givenNickname) counts.nickname++;
    if (givenTypo) counts.givenTypo++;
    if (familyTypo) counts.familyTypo++;
    const givenOk = given === person.givenName || givenNickname || givenTypo;
    if (!givenOk || !(family === person.familyName || familyTypo)) counts.unexplained++;
  }
  return counts;
}

/** Splits a Zendesk `name` where the person's given name or nickname would end (typos keep lengths). */
function splitName(name: string, person: SandboxPerson): { given: string; family: string } {
  const lengths = [person.givenName.length, nicknameFor(person.givenName)?.length ?? -1];
  const at = lengths.find((length) => name.charAt(length) === ' ' && name.length - length - 1 === person.familyName.length);
  return at === undefined ? { given: name, family: '' } : { given: name.slice(0, at), family: name.slice(at + 1) };
}
