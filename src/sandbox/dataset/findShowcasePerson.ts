import type { SandboxDataset, SandboxPerson, SfContact, ShopifyCustomer, ZendeskUser } from './types.js';

/** A person the demo can show off, with their one record in each system. */
export interface ShowcasePerson {
  readonly person: SandboxPerson;
  readonly contact: SfContact;
  readonly customer: ShopifyCustomer;
  readonly user: ZendeskUser;
}

interface Holdings {
  contacts: SfContact[];
  customers: ShopifyCustomer[];
  users: ZendeskUser[];
}

/**
 * A person who has exactly one record in each of the three systems, each carrying an email and a phone
 * (Salesforce `Phone` or `MobilePhone`), who shares a household with nobody (every multi-person household
 * shares an email), and who has at least 2 Shopify orders, 1 Zendesk ticket and 1 Salesforce case. Among
 * those, the lowest `personId` whose Salesforce email is in mixed case (so the demo shows normalisation at
 * work); when there is none, the lowest `personId`. Records are found through `dataset.truth`. Throws an
 * Error when nobody qualifies (possible only for very small datasets).
 */
export function findShowcasePerson(dataset: SandboxDataset): ShowcasePerson {
  const holdings = holdingsByPerson(dataset);
  const householdSizes = countBy(dataset.people, (person) => person.householdId);
  const ordersByCustomer = countBy(dataset.shopify.orders, (order) => order.customerId);
  const ticketsByUser = countBy(dataset.zendesk.tickets, (ticket) => ticket.requesterId);
  const casesByContact = countBy(dataset.salesforce.cases, (sfCase) => sfCase.contactId);
  const byId = [...dataset.people].sort((a, b) => personNumber(a) - personNumber(b));
  let first: ShowcasePerson | undefined;
  for (const person of byId) {
    if (householdSizes.get(person.householdId) !== 1) continue;
    const held = holdings.get(person.personId);
    const contact = onlyOne(held?.contacts);
    const customer = onlyOne(held?.customers);
    const user = onlyOne(held?.users);
    if (contact === undefined || customer === undefined || user === undefined) continue;
    const reachable =
      contact.email !== null && (contact.phone ?? contact.mobilePhone) !== null &&
      customer.email !== null && customer.phone !== null &&
      user.email !== null && user.phone !== null;
    const active =
      (ordersByCustomer.get(customer.id) ?? 0) >= 2 &&
      (ticketsByUser.get(user.id) ?? 0) >= 1 &&
      (casesByContact.get(contact.id) ?? 0) >= 1;
    if (!reachable || !active) continue;
    const candidate = { person, contact, customer, user };
    if (contact.email !== contact.email?.toLowerCase()) return candidate;
    first ??= candidate;
  }
  if (first) return first;
  throw new Error(
    `findShowcasePerson: no person in the dataset (seed ${dataset.seed}, size ${dataset.size}) is in all three ` +
      'systems outside a shared household with an email and phone everywhere, 2+ orders, a ticket and a case; ' +
      'generate a larger dataset',
  );
}

function holdingsByPerson(dataset: SandboxDataset): Map<string, Holdings> {
  const contacts = new Map(dataset.salesforce.contacts.map((record) => [record.id, record]));
  const customers = new Map(dataset.shopify.customers.map((record) => [String(record.id), record]));
  const users = new Map(dataset.zendesk.users.map((record) => [String(record.id), record]));
  const holdings = new Map<string, Holdings>();
  for (const entry of dataset.truth) {
    let held = holdings.get(entry.personId);
    if (held === undefined) {
      held = { contacts: [], customers: [], users: [] };
      holdings.set(entry.personId, held);
    }
    const contact = entry.system === 'salesforce' ? contacts.get(entry.id) : undefined;
    const customer = entry.system === 'shopify' ? customers.get(entry.id) : undefined;
    const user = entry.system === 'zendesk' ? users.get(entry.id) : undefined;
    if (contact) held.contacts.push(contact);
    if (customer) held.customers.push(customer);
    if (user) held.users.push(user);
  }
  return holdings;
}

function onlyOne<T>(records: readonly T[] | undefined): T | undefined {
  return records?.length === 1 ? records[0] : undefined;
}

function countBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** `p0042` → 42, so ordering does not depend on id padding. */
function personNumber(person: SandboxPerson): number {
  return Number(person.personId.slice(1));
}
