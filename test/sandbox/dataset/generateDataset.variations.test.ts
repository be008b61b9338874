import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/sandbox/dataset/index.js';
import { countVariations } from './countVariations.js';
import { indexDataset } from './indexDataset.js';

const dataset = generateDataset();
const counts = countVariations(dataset);
const index = indexDataset(dataset);

describe('generateDataset: variations', () => {
  // [what, how many, out of how many records, largest acceptable share]
  it.each([
    ['Salesforce emails in mixed case', counts.salesforceEmailCase, counts.salesforceContacts, 0.25],
    ['Salesforce phones only in MobilePhone', counts.salesforceMobileOnly, counts.salesforceContacts, 0.25],
    ['Salesforce phones as (415) 555-1212', counts.salesforcePhone.parenthesized, counts.salesforceContacts, 0.5],
    ['Salesforce phones as 415-555-1212', counts.salesforcePhone.dashed, counts.salesforceContacts, 0.5],
    ['Salesforce phones as 415.555.1212', counts.salesforcePhone.dotted, counts.salesforceContacts, 0.5],
    ['Salesforce people with a duplicate Contact', counts.salesforceDuplicatePeople, counts.salesforceContacts, 0.05],
    ['Shopify emails with surrounding whitespace', counts.shopifyPaddedEmail, counts.shopifyCustomers, 0.15],
    ['Zendesk phones as +1 415-555-1212', counts.zendeskPhone.spacedE164, counts.zendeskUsers, 0.6],
    ['Zendesk phones as 4155551212', counts.zendeskPhone.digits, counts.zendeskUsers, 0.6],
    ['Salesforce records missing an email', counts.missingEmail.salesforce, counts.salesforceContacts, 0.1],
    ['Shopify records missing an email', counts.missingEmail.shopify, counts.shopifyCustomers, 0.1],
    ['Zendesk records missing an email', counts.missingEmail.zendesk, counts.zendeskUsers, 0.1],
    ['Salesforce records missing a phone', counts.missingPhone.salesforce, counts.salesforceContacts, 0.1],
    ['Shopify records missing a phone', counts.missingPhone.shopify, counts.shopifyCustomers, 0.15],
    ['Zendesk records missing a phone', counts.missingPhone.zendesk, counts.zendeskUsers, 0.25],
    ['Salesforce nicknames', counts.names.salesforce.nickname, counts.salesforceContacts, 0.2],
    ['Shopify nicknames', counts.names.shopify.nickname, counts.shopifyCustomers, 0.2],
    ['Zendesk nicknames', counts.names.zendesk.nickname, counts.zendeskUsers, 0.2],
    ['Salesforce given-name typos', counts.names.salesforce.givenTypo, counts.salesforceContacts, 0.08],
    ['Salesforce family-name typos', counts.names.salesforce.familyTypo, counts.salesforceContacts, 0.08],
    ['Shopify given-name typos', counts.names.shopify.givenTypo, counts.shopifyCustomers, 0.08],
    ['Shopify family-name typos', counts.names.shopify.familyTypo, counts.shopifyCustomers, 0.08],
    ['Zendesk given-name typos', counts.names.zendesk.givenTypo, counts.zendeskUsers, 0.08],
    ['Zendesk family-name typos', counts.names.zendesk.familyTypo, counts.zendeskUsers, 0.08],
  ])('includes %s (%i of %i, at most a share of %d)', (_what, count, total, maxShare) => {
    expect(count).toBeGreaterThan(0);
    expect(count / total).toBeLessThanOrEqual(maxShare);
  });

  it('explains every name difference as a nickname or a single typo', () => {
    expect([counts.names.salesforce, counts.names.shopify, counts.names.zendesk].map((n) => n.unexplained)).toEqual([0, 0, 0]);
  });

  it('uses only the documented phone formats', () => {
    expect([counts.salesforcePhone.other, counts.shopifyPhoneNotE164, counts.zendeskPhone.other]).toEqual([0, 0, 0]);
  });

  it('keeps Zendesk emails lower case', () => {
    expect(counts.zendeskEmailNotLowerCase).toBe(0);
  });

  it('leaves every record with an email or a phone', () => {
    const bare = [
      ...index.contacts.filter(({ record }) => record.email === null && record.phone === null && record.mobilePhone === null),
      ...index.customers.filter(({ record }) => record.email === null && record.phone === null),
      ...index.users.filter(({ record }) => record.email === null && record.phone === null),
    ];
    expect(bare).toEqual([]);
  });

  it('carries only the person’s own email, shared household email or phone in each record', () => {
    const ownEmails = (personId: string) => {
      const person = index.personById.get(personId);
      const members = index.households.get(person?.householdId ?? '') ?? [];
      return new Set([person?.email, ...members.map((m) => m.email)].filter((e) => e != null));
    };
    const digits = (phone: string) => phone.replace(/\D/g, '').slice(-10);
    const records = [
      ...index.contacts.map(({ record, person }) => ({ email: record.email, phone: record.phone ?? record.mobilePhone, person })),
      ...index.customers.map(({ record, person }) => ({ email: record.email, phone: record.phone, person })),
      ...index.users.map(({ record, person }) => ({ email: record.email, phone: record.phone, person })),
    ];
    const strays = records.filter(
      ({ email, phone, person }) =>
        (email !== null && !ownEmails(person.personId).has(email.trim().toLowerCase())) ||
        (phone !== null && digits(phone) !== person.phone.slice(2)),
    );
    expect(strays).toEqual([]);
  });
});

describe('generateDataset: households', () => {
  const households = [...index.households.values()];

  it('puts about 5% of people in 2-person households', () => {
    expect(households.every((members) => members.length === 2)).toBe(true);
    expect(counts.peopleInHouseholds / counts.people).toBeGreaterThan(0.02);
    expect(counts.peopleInHouseholds / counts.people).toBeLessThan(0.08);
  });

  it('gives members one address but different given names and phones', () => {
    for (const [a, b] of households as Array<[(typeof households)[0][0], (typeof households)[0][0]]>) {
      expect(a.address).toEqual(b.address);
      expect(a.givenName).not.toBe(b.givenName);
      expect(a.phone).not.toBe(b.phone);
    }
  });

  it('makes the shared email exactly one member’s canonical email', () => {
    expect(index.sharedEmails.size).toBeGreaterThan(0);
    for (const email of index.sharedEmails) {
      const holders = dataset.people.filter((p) => p.email === email);
      expect(holders).toHaveLength(1);
      expect(index.households.get(holders[0]?.householdId ?? '')).toHaveLength(2);
    }
  });

  it('duplicates the shared email on both members’ Salesforce contacts', () => {
    const bothInSalesforceWithEmail = households.filter((members) =>
      members.every((m) => index.contacts.some(({ record, person }) => person === m && record.email !== null)),
    );
    expect(bothInSalesforceWithEmail.length).toBeGreaterThan(0);
    for (const members of bothInSalesforceWithEmail) {
      const emails = members.map((m) => index.contacts.find(({ person }) => person === m)?.record.email?.toLowerCase());
      expect(new Set(emails).size).toBe(1);
      expect(index.sharedEmails.has(emails[0] ?? '')).toBe(true);
    }
  });

  it.each([
    ['Shopify', index.customers.map(({ record }) => record.email)],
    ['Zendesk', index.users.map(({ record }) => record.email)],
  ])('keeps %s emails unique after trimming and lower-casing', (_system, emails) => {
    const present = emails.filter((e) => e !== null).map((e) => e.trim().toLowerCase());
    expect(new Set(present).size).toBe(present.length);
  });

  it('puts a phone on every record carrying a shared email', () => {
    const records = [
      ...index.contacts.map(({ record }) => ({ email: record.email, phone: record.phone ?? record.mobilePhone })),
      ...index.customers.map(({ record }) => ({ email: record.email, phone: record.phone })),
      ...index.users.map(({ record }) => ({ email: record.email, phone: record.phone })),
    ];
    const shared = records.filter(({ email }) => email !== null && index.sharedEmails.has(email.trim().toLowerCase()));
    expect(shared.length).toBeGreaterThan(index.sharedEmails.size);
    expect(shared.filter(({ phone }) => phone === null)).toEqual([]);
  });
});
