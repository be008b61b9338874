import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/sandbox/dataset/index.js';
import { salesforceId18 } from '../../../src/sandbox/dataset/salesforceId.js';

const dataset = generateDataset();
const { salesforce: sf, shopify, zendesk } = dataset;

function countBy<T>(items: readonly T[], key: (item: T) => string | number): Map<string | number, number> {
  const counts = new Map<string | number, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Per-owner counts including owners with none. */
function perOwner<T>(owners: ReadonlyArray<string | number>, items: readonly T[], key: (item: T) => string | number): number[] {
  const counts = countBy(items, key);
  return owners.map((owner) => counts.get(owner) ?? 0);
}

describe('generateDataset: Salesforce', () => {
  it.each([
    ['Account', '001', sf.accounts.map((r) => r.id)],
    ['Contact', '003', sf.contacts.map((r) => r.id)],
    ['Case', '500', sf.cases.map((r) => r.id)],
    ['Task', '00T', sf.tasks.map((r) => r.id)],
  ])('gives every %s a unique 18-char id with prefix %s and a correct checksum', (_type, prefix, ids) => {
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9A-Za-z]{18}$/);
      expect(id.startsWith(prefix)).toBe(true);
      expect(salesforceId18(id.slice(0, 15))).toBe(id);
    }
  });

  it('links contacts, cases and tasks to existing records', () => {
    const accounts = new Set(sf.accounts.map((a) => a.id));
    const contacts = new Map(sf.contacts.map((c) => [c.id, c]));
    expect(sf.contacts.every((c) => accounts.has(c.accountId))).toBe(true);
    expect(sf.cases.every((c) => contacts.get(c.contactId)?.accountId === c.accountId)).toBe(true);
    expect(sf.tasks.every((t) => contacts.has(t.whoId) && (t.whatId === null || t.whatId === contacts.get(t.whoId)?.accountId))).toBe(true);
  });

  it('names accounts "<Family> Household", one per household', () => {
    expect(sf.accounts.every((a) => / Household$/.test(a.name))).toBe(true);
    expect(sf.accounts.length).toBeLessThan(sf.contacts.length);
  });

  it('numbers cases with sequential 8-digit case numbers in created order', () => {
    expect(sf.cases.map((c) => c.caseNumber)).toEqual(sf.cases.map((_, i) => String(1001 + i).padStart(8, '0')));
    expect(sf.cases.map((c) => c.createdDate)).toEqual(sf.cases.map((c) => c.createdDate).sort());
  });

  it('closes cases consistently', () => {
    expect(sf.cases.every((c) => c.isClosed === (c.status === 'Closed') && (c.closedDate !== null) === c.isClosed)).toBe(true);
    expect(new Set(sf.cases.map((c) => c.status))).toEqual(new Set(['New', 'Working', 'Escalated', 'Closed']));
    expect(new Set(sf.cases.map((c) => c.origin))).toEqual(new Set(['Email', 'Phone', 'Web']));
  });

  it('records call durations for calls only', () => {
    expect(sf.tasks.every((t) => (t.taskSubtype === 'Call') === (t.callDurationInSeconds !== null))).toBe(true);
    expect(new Set(sf.tasks.map((t) => t.taskSubtype))).toEqual(new Set(['Call', 'Email', 'Task']));
  });

  it('gives each contact 0–4 cases and 0–8 tasks', () => {
    const ids = sf.contacts.map((c) => c.id);
    const cases = perOwner(ids, sf.cases, (c) => c.contactId);
    const tasks = perOwner(ids, sf.tasks, (t) => t.whoId);
    expect([Math.min(...cases), Math.max(...cases)]).toEqual([0, 4]);
    expect([Math.min(...tasks), Math.max(...tasks)]).toEqual([0, 8]);
  });

  it('sets birthdates on most contacts and opt-out flags on some', () => {
    const share = (n: number) => n / sf.contacts.length;
    expect(share(sf.contacts.filter((c) => c.birthdate !== null).length)).toBeGreaterThan(0.7);
    expect(share(sf.contacts.filter((c) => c.birthdate !== null).length)).toBeLessThan(1);
    expect(share(sf.contacts.filter((c) => c.hasOptedOutOfEmail).length)).toBeGreaterThan(0);
    expect(share(sf.contacts.filter((c) => c.doNotCall).length)).toBeGreaterThan(0);
  });
});

describe('generateDataset: Shopify', () => {
  const { customers, orders } = shopify;

  it('numbers customers from 7000000000001 and keeps emails and phones unique', () => {
    expect(customers.map((c) => c.id)).toEqual(customers.map((_, i) => 7_000_000_000_001 + i));
    const phones = customers.flatMap((c) => (c.phone === null ? [] : [c.phone]));
    expect(new Set(phones).size).toBe(phones.length);
  });

  it('names orders #1001... in created order', () => {
    expect(orders.map((o) => o.name)).toEqual(orders.map((_, i) => `#${1001 + i}`));
    expect(orders.map((o) => o.createdAt)).toEqual(orders.map((o) => o.createdAt).sort());
    expect(new Set(orders.flatMap((o) => o.lineItems.map((l) => l.id))).size).toBe(orders.reduce((n, o) => n + o.lineItems.length, 0));
  });

  it('keeps order money consistent: subtotal = Σ qty × price, 8.25% tax, total = subtotal + tax', () => {
    const cents = (amount: string) => Math.round(Number(amount) * 100);
    for (const order of orders) {
      const amounts = [order.subtotalPrice, order.totalTax, order.totalPrice, ...order.lineItems.map((l) => l.unitPrice)];
      expect(amounts.every((a) => /^\d+\.\d{2}$/.test(a))).toBe(true);
      const subtotal = order.lineItems.reduce((sum, l) => sum + l.quantity * cents(l.unitPrice), 0);
      expect(cents(order.subtotalPrice)).toBe(subtotal);
      expect(cents(order.totalTax)).toBe(Math.round((subtotal * 825) / 10_000));
      expect(cents(order.totalPrice)).toBe(subtotal + cents(order.totalTax));
      expect(order.lineItems.length).toBeGreaterThanOrEqual(1);
      expect(order.lineItems.length).toBeLessThanOrEqual(4);
    }
  });

  it('gives customers 0–15 orders, some none', () => {
    const counts = perOwner(customers.map((c) => c.id), orders, (o) => o.customerId);
    expect(Math.min(...counts)).toBe(0);
    expect(Math.max(...counts)).toBeLessThanOrEqual(15);
    expect(Math.max(...counts)).toBeGreaterThan(10);
  });

  it('has mostly paid and fulfilled orders, and some pending, refunded and cancelled ones', () => {
    const statuses = countBy(orders, (o) => `${o.displayFinancialStatus}/${o.displayFulfillmentStatus}`);
    expect((statuses.get('PAID/FULFILLED') ?? 0) / orders.length).toBeGreaterThan(0.7);
    for (const status of ['PENDING/UNFULFILLED', 'REFUNDED/FULFILLED', 'PARTIALLY_REFUNDED/FULFILLED', 'VOIDED/UNFULFILLED']) {
      expect(statuses.get(status), status).toBeGreaterThan(0);
    }
    const cancelled = orders.filter((o) => o.cancelledAt !== null);
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.every((o) => ['VOIDED', 'REFUNDED'].includes(o.displayFinancialStatus))).toBe(true);
    expect(orders.filter((o) => o.displayFinancialStatus === 'VOIDED').every((o) => o.cancelledAt !== null)).toBe(true);
  });

  it('leaves pending orders only in the last days before now', () => {
    const pending = orders.filter((o) => o.displayFinancialStatus === 'PENDING');
    expect(pending.every((o) => Date.parse(dataset.now) - Date.parse(o.createdAt) < 3 * 86_400_000)).toBe(true);
  });
});

describe('generateDataset: Zendesk', () => {
  const { users, tickets } = zendesk;

  it('uses numeric ids of 8 or more digits and unique phones', () => {
    expect(users.every((u) => Number.isSafeInteger(u.id) && u.id >= 10_000_000)).toBe(true);
    expect(new Set(users.map((u) => u.id)).size).toBe(users.length);
    const phones = users.flatMap((u) => (u.phone === null ? [] : [u.phone.replace(/\D/g, '').slice(-10)]));
    expect(new Set(phones).size).toBe(phones.length);
  });

  it('makes each user the requester and submitter of their tickets', () => {
    const ids = new Set(users.map((u) => u.id));
    expect(tickets.every((t) => t.requesterId === t.submitterId && ids.has(t.requesterId))).toBe(true);
    expect(new Set(tickets.map((t) => t.id)).size).toBe(tickets.length);
  });

  it('gives users 0–6 tickets with the documented vocabularies', () => {
    const counts = perOwner(users.map((u) => u.id), tickets, (t) => t.requesterId);
    expect([Math.min(...counts), Math.max(...counts)]).toEqual([0, 6]);
    expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(['new', 'open', 'pending', 'hold', 'solved', 'closed']));
    expect(new Set(tickets.map((t) => t.channel))).toEqual(new Set(['email', 'web', 'api', 'voice', 'chat']));
    expect(new Set(tickets.map((t) => t.priority))).toEqual(new Set(['low', 'normal', 'high', 'urgent']));
    expect(new Set(tickets.map((t) => t.type))).toEqual(new Set(['problem', 'incident', 'question', 'task']));
  });
});
