import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ size: 120, seed: 14 });
});
afterAll(async () => {
  await t?.close();
});

const LOOKUP = `query($q: String!) { customerLookup(query: $q) {
  status key { kind normalized } triedKinds matchedKinds truncated
  customer { id identity { links { source id } } }
  candidates { reason score matchedKinds matchedRecords { source id } customer { id identity { links { source id } } } }
} }`;

interface Lookup {
  customerLookup: {
    status: string;
    key: { kind: string; normalized: string };
    triedKinds: string[];
    matchedKinds: string[];
    truncated: boolean;
    customer: null | { id: string; identity: { links: Array<{ source: string; id: string }> } };
    candidates: Array<{ reason: string; score: number; matchedKinds: string[]; matchedRecords: Array<{ source: string; id: string }>; customer: { id: string; identity: { links: Array<{ source: string; id: string }> } } }>;
  };
}

async function lookup(q: string): Promise<Lookup['customerLookup']> {
  const res = await t.gql<Lookup>(LOOKUP, { q });
  expect(res.errors).toBeUndefined();
  return res.data!.customerLookup;
}

const linksOf = (c: { identity: { links: Array<{ source: string; id: string }> } }): string[] => c.identity.links.map((l) => `${l.source}/${l.id}`);
/** The person found for `q`: the customer when matched, else the candidate holding `ref`. */
const holder = (r: Lookup['customerLookup'], ref: string) => (r.customer ? [r.customer] : r.candidates.map((c) => c.customer)).find((c) => linksOf(c).includes(ref));

describe('customerLookup: console kinds', () => {
  it('finds the customer of an order by its name (#1001) as ORDER_NUMBER', async () => {
    const order = t.sandbox.dataset.shopify.orders[3]!;
    const r = await lookup(order.name);
    expect(r.triedKinds).toEqual(['ORDER_NUMBER', 'TICKET_NUMBER']);
    expect(r.matchedKinds).toContain('ORDER_NUMBER');
    expect(holder(r, `shopify/${order.customerId}`)).toBeDefined();
  });

  it('finds a Zendesk ticket requester by ticket id, saying TICKET_NUMBER matched', async () => {
    const ticket = t.sandbox.dataset.zendesk.tickets.at(-1)!;
    const r = await lookup(String(ticket.id));
    expect(r.triedKinds).toEqual(['ORDER_NUMBER', 'TICKET_NUMBER']);
    expect(r.matchedKinds).toEqual(['TICKET_NUMBER']);
    expect(r.key).toEqual({ kind: 'TICKET_NUMBER', normalized: String(ticket.id) });
    expect(holder(r, `zendesk/${ticket.requesterId}`)).toBeDefined();
  });

  it('finds a Salesforce case contact by CaseNumber with or without zero padding', async () => {
    const kase = t.sandbox.dataset.salesforce.cases[5]!;
    for (const q of [kase.caseNumber, String(Number(kase.caseNumber))]) {
      const r = await lookup(q);
      expect(r.matchedKinds).toContain('TICKET_NUMBER');
      expect(holder(r, `salesforce/${kase.contactId}`)).toBeDefined();
    }
  });

  it('tries a bare number as each kind and ranks the people found, with reasons, instead of guessing', async () => {
    // 1001 is order #1001 and case 00001001: two different people in this dataset.
    const order = t.sandbox.dataset.shopify.orders.find((o) => o.name === '#1001')!;
    const kase = t.sandbox.dataset.salesforce.cases.find((c) => c.caseNumber === '00001001')!;
    const r = await lookup('1001');
    expect(r.matchedKinds).toEqual(expect.arrayContaining(['ORDER_NUMBER', 'TICKET_NUMBER']));
    expect(r.status).toBe('AMBIGUOUS');
    const byOrder = r.candidates.find((c) => linksOf(c.customer).includes(`shopify/${order.customerId}`))!;
    const byCase = r.candidates.find((c) => linksOf(c.customer).includes(`salesforce/${kase.contactId}`))!;
    expect(byOrder.matchedKinds).toContain('ORDER_NUMBER');
    expect(byOrder.reason).toMatch(/order number found in shopify/);
    expect(byCase.matchedKinds).toContain('TICKET_NUMBER');
    expect(byCase.reason).toMatch(/ticket\/case number found in salesforce/);
  });

  it('finds a person by name, narrowed by birth date, and drops people whose birth date differs', async () => {
    const contact = t.sandbox.dataset.salesforce.contacts.find((c) => c.firstName && c.birthdate)!;
    const r = await lookup(`${contact.firstName} ${contact.lastName} ${contact.birthdate}`);
    expect(r.key.kind).toBe('NAME');
    const found = holder(r, `salesforce/${contact.id}`);
    expect(found).toBeDefined();
    const wrong = await lookup(`${contact.firstName} ${contact.lastName} 1900-01-01`);
    expect(holder(wrong, `salesforce/${contact.id}`)).toBeUndefined();
  });

  it('reads "Family, Given" and reports a name that nobody has as NOT_FOUND', async () => {
    const contact = t.sandbox.dataset.salesforce.contacts.find((c) => c.firstName)!;
    const r = await lookup(`${contact.lastName}, ${contact.firstName}`);
    expect(holder(r, `salesforce/${contact.id}`)).toBeDefined();
    const none = await lookup('Zyxwvut Qqqqq');
    expect([none.status, none.key.kind, none.candidates]).toEqual(['NOT_FOUND', 'NAME', []]);
  });

  it('rejects unreadable input with INVALID_LOOKUP', async () => {
    const res = await t.gql(LOOKUP, { q: '%%%' });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('INVALID_LOOKUP');
  });
});
