import { describe, expect, it } from 'vitest';
import { findShowcasePerson, generateDataset, type SandboxDataset, type SandboxPerson } from '../../../src/sandbox/dataset/index.js';
import { indexDataset } from './indexDataset.js';

const dataset = generateDataset();

/** The contract, restated independently of the implementation. */
function qualifies(data: SandboxDataset, person: SandboxPerson): boolean {
  const index = indexDataset(data);
  const contacts = index.contacts.filter((r) => r.person === person).map((r) => r.record);
  const customers = index.customers.filter((r) => r.person === person).map((r) => r.record);
  const users = index.users.filter((r) => r.person === person).map((r) => r.record);
  const [contact, customer, user] = [contacts[0], customers[0], users[0]];
  if (contacts.length !== 1 || customers.length !== 1 || users.length !== 1 || !contact || !customer || !user) return false;
  if (index.households.has(person.householdId)) return false;
  return (
    contact.email !== null && (contact.phone !== null || contact.mobilePhone !== null) &&
    customer.email !== null && customer.phone !== null && user.email !== null && user.phone !== null &&
    data.shopify.orders.filter((o) => o.customerId === customer.id).length >= 2 &&
    data.zendesk.tickets.some((t) => t.requesterId === user.id) &&
    data.salesforce.cases.some((c) => c.contactId === contact.id)
  );
}

describe('findShowcasePerson: choice', () => {
  const showcase = findShowcasePerson(dataset);

  it('returns a person who meets the contract, with their records', () => {
    expect(qualifies(dataset, showcase.person)).toBe(true);
    const owner = (system: string, id: string) => dataset.truth.find((e) => e.system === system && e.id === id)?.personId;
    expect(owner('salesforce', showcase.contact.id)).toBe(showcase.person.personId);
    expect(owner('shopify', String(showcase.customer.id))).toBe(showcase.person.personId);
    expect(owner('zendesk', String(showcase.user.id))).toBe(showcase.person.personId);
  });

  it('prefers the lowest-id qualifying person whose Salesforce email is in mixed case', () => {
    expect(showcase.contact.email).not.toBe(showcase.contact.email?.toLowerCase());
    const mixed = (p: SandboxPerson) => {
      const id = dataset.truth.find((e) => e.personId === p.personId && e.system === 'salesforce')?.id;
      const email = dataset.salesforce.contacts.find((c) => c.id === id)?.email;
      return email !== undefined && email !== null && email !== email.toLowerCase();
    };
    const earlier = dataset.people.filter((p) => p.personId < showcase.person.personId);
    expect(earlier.filter((p) => qualifies(dataset, p) && mixed(p))).toEqual([]);
  });

  it('falls back to the lowest-id qualifying person when no email is in mixed case', () => {
    const lower: SandboxDataset = { ...dataset, salesforce: { ...dataset.salesforce, contacts: dataset.salesforce.contacts.map((c) => ({ ...c, email: c.email?.toLowerCase() ?? null })) } };
    const chosen = findShowcasePerson(lower);
    const earlier = lower.people.filter((p) => p.personId < chosen.person.personId);
    expect(qualifies(lower, chosen.person)).toBe(true);
    expect(earlier.filter((p) => qualifies(lower, p))).toEqual([]);
  });
});

describe('findShowcasePerson: failure', () => {
  it('throws a clear Error when nobody qualifies', () => {
    const noOrders: SandboxDataset = { ...dataset, shopify: { ...dataset.shopify, orders: [] } };
    expect(() => findShowcasePerson(noOrders)).toThrow(/findShowcasePerson: no person .*seed 42, size 1000/);
  });
});
