import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findShowcasePerson } from '../../src/sandbox/dataset/index.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

let t: TestGateway;
let personOf: (source: string, id: string) => string | undefined;

beforeAll(async () => {
  t = await startTestGateway({ size: 200, seed: 7 });
  const truth = new Map(t.sandbox.dataset.truth.map((e) => [`${e.system}/${e.id}`, e.personId]));
  personOf = (source, id) => truth.get(`${source}/${id}`);
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  for (const server of [t.sandbox.salesforce, t.sandbox.shopify, t.sandbox.zendesk]) server.reset();
});

const LOOKUP = `query($q: String!) { customerLookup(query: $q) {
  status key { kind normalized }
  customer { id displayName emails { value primary sources { source id } } phones { value sources { source id } }
    identity { anchor { source id } links { source id rule confidence linkedTo { source id } matchedOn { attribute level weight } } } }
  candidates { reason matchedRecords { source id } customer { id identity { links { source id } } } }
} }`;

type Links = Array<{ source: string; id: string; rule: string }>;
interface LookupData {
  customerLookup: {
    status: string;
    key: { kind: string; normalized: string };
    customer: null | { id: string; displayName: string; emails: Array<{ value: string; primary: boolean; sources: unknown[] }>; phones: Array<{ value: string }>; identity: { links: Links } };
    candidates: Array<{ reason: string; matchedRecords: Array<{ source: string; id: string }>; customer: { id: string; identity: { links: Links } } }>;
  };
}

describe('gateway: one customer from three sources', () => {
  it('merges the showcase person from Salesforce, Shopify and Zendesk by email', async () => {
    const show = findShowcasePerson(t.sandbox.dataset);
    const res = await t.gql<LookupData>(LOOKUP, { q: ` ${show.contact.email!.toUpperCase()} ` });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    const lookup = res.data!.customerLookup;
    expect(lookup.status).toBe('MATCHED');
    expect(lookup.key).toEqual({ kind: 'EMAIL', normalized: show.contact.email!.trim().toLowerCase() });
    const links = lookup.customer!.identity.links;
    expect(links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'salesforce', id: show.contact.id }),
        expect.objectContaining({ source: 'shopify', id: String(show.customer.id) }),
        expect.objectContaining({ source: 'zendesk', id: String(show.user.id) }),
      ]),
    );
    // Precision: every member is the same ground-truth person.
    expect(new Set(links.map((l) => personOf(l.source, l.id)))).toEqual(new Set([show.person.personId]));
    expect(links[0]!.rule).toBe('SEED');
    expect(lookup.customer!.displayName).toBeTruthy();
  });

  it('finds the same customer by phone in any format', async () => {
    const show = findShowcasePerson(t.sandbox.dataset);
    const formats = [show.person.phone, show.user.phone, show.contact.phone ?? show.contact.mobilePhone, show.customer.phone].filter((p): p is string => Boolean(p));
    expect(new Set(formats).size).toBeGreaterThan(1);
    const ids = new Set<string>();
    for (const phone of formats) {
      const res = await t.gql<LookupData>(LOOKUP, { q: phone });
      expect(res.data?.customerLookup.status, phone).toBe('MATCHED');
      expect(res.data!.customerLookup.key).toEqual({ kind: 'PHONE', normalized: show.person.phone });
      ids.add(res.data!.customerLookup.customer!.id);
    }
    expect(ids.size).toBe(1);
  });

  it('resolves the same customer from any member record and by its id', async () => {
    const show = findShowcasePerson(t.sandbox.dataset);
    const q = `query($s: String!, $id: ID!) { customerBySource(source: $s, id: $id) { id } }`;
    const ids = new Set<string>();
    for (const [s, id] of [['salesforce', show.contact.id], ['shopify', String(show.customer.id)], ['zendesk', String(show.user.id)]]) {
      const res = await t.gql<{ customerBySource: { id: string } }>(q, { s, id });
      expect(res.errors, `${s}/${id}`).toBeUndefined();
      ids.add(res.data!.customerBySource.id);
    }
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const byId = await t.gql<{ customer: { id: string; emails: Array<{ value: string }> } }>(`query($id: ID!) { customer(id: $id) { id emails { value } } }`, { id });
    expect(byId.data!.customer.id).toBe(id);
    expect(byId.data!.customer.emails.map((e) => e.value)).toContain(show.person.email);
  });

  it('returns candidates, not a merge, for a shared household email', async () => {
    const holders = new Map<string, Set<string>>();
    for (const contact of t.sandbox.dataset.salesforce.contacts) {
      if (!contact.email) continue;
      const email = contact.email.trim().toLowerCase();
      holders.set(email, (holders.get(email) ?? new Set()).add(personOf('salesforce', contact.id)!));
    }
    const shared = [...holders].find(([, people]) => people.size > 1);
    expect(shared, 'the sandbox has a household sharing an email').toBeDefined();
    const [email, people] = shared!;
    const res = await t.gql<LookupData>(LOOKUP, { q: email });
    const lookup = res.data!.customerLookup;
    expect(lookup.status).toBe('AMBIGUOUS');
    expect(lookup.customer).toBeNull();
    expect(lookup.candidates.length).toBe(people.size);
    const candidatePeople = lookup.candidates.map((c) => new Set(c.customer.identity.links.map((l) => personOf(l.source, l.id))));
    for (const set of candidatePeople) expect(set.size).toBe(1);
    expect(new Set(candidatePeople.map((s) => [...s][0]))).toEqual(people);
    expect(lookup.candidates[0]!.reason).toContain('other person');
  });
});

describe('gateway: orders and tickets with paging and batching', () => {
  it('pages one customer\'s orders newest first across several pages', async () => {
    const show = findShowcasePerson(t.sandbox.dataset);
    const expected = t.sandbox.dataset.shopify.orders
      .filter((o) => o.customerId === show.customer.id)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
      .map((o) => o.name);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const q = `query($s: String!, $id: ID!, $after: String) { customerBySource(source: $s, id: $id) { orders(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { number source total { amount currencyCode } } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const res: { data?: { customerBySource: { orders: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Array<{ number: string }> } } } | null } = await t.gql(q, { s: 'shopify', id: String(show.customer.id), after });
      const orders = res.data!.customerBySource.orders;
      expect(orders.totalCount).toBe(expected.length);
      seen.push(...orders.nodes.map((n) => n.number));
      if (!orders.pageInfo.hasNextPage) break;
      after = orders.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('fetches 20 customers\' orders and cases in batched calls, not one per customer', async () => {
    const customers = t.sandbox.dataset.shopify.customers.slice(0, 20);
    const idOf = new Map<number, string>();
    for (const c of customers) {
      const res = await t.gql<{ customerBySource: { id: string } }>(`query($id: ID!) { customerBySource(source: "shopify", id: $id) { id } }`, { id: String(c.id) });
      idOf.set(c.id, res.data!.customerBySource.id);
    }
    const ordersOf = (c: { id: number }) => t.sandbox.dataset.shopify.orders.filter((o) => o.customerId === c.id).length;
    const heaviest = [...customers].sort((a, b) => ordersOf(b) - ordersOf(a))[0]!;
    const q = `query($ids: [ID!]!) { customers(ids: $ids) { orders(first: 5) { totalCount } tickets(first: 5) { totalCount } } }`;

    t.clearRequestLogs();
    const one = await t.gql(q, { ids: [idOf.get(heaviest.id)] });
    expect(one.errors).toBeUndefined();
    const callsForOne = t.sandbox.shopify.requests().length;

    t.clearRequestLogs();
    const res = await t.gql<{ customers: Array<{ orders: { totalCount: number } }> }>(q, { ids: customers.map((c) => idOf.get(c.id)) });
    expect(JSON.stringify(res.errors)).toBeUndefined();
    const shopifyCalls = t.sandbox.shopify.requests();
    // The first call asks for every customer's orders at once (Shopify nodes(ids:)); follow-ups page the
    // customers with more orders than fit Shopify's 1000-point cost cap, several customers per call.
    expect(shopifyCalls[0]!.body).toContain('nodes(ids:');
    expect((JSON.parse(shopifyCalls[0]!.body) as { variables: { ids: string[] } }).variables.ids).toHaveLength(20);
    // 20 customers' orders with line items cost more than Shopify's 1000-point cap per query, so a few
    // follow-up calls are unavoidable; they grow with order volume, not with one call per customer.
    expect(callsForOne).toBe(1);
    expect(shopifyCalls.length).toBeGreaterThanOrEqual(1);
    expect(shopifyCalls.length).toBeLessThanOrEqual(4);
    for (const call of shopifyCalls.slice(1)) expect(call.body).toContain('C360MoreOrders');
    // Salesforce cases for every member contact: one SOQL query.
    expect(t.sandbox.salesforce.requests().filter((r) => r.route === 'query' && /FROM Case/i.test(r.query.q ?? ''))).toHaveLength(1);
    res.data!.customers.forEach((c, i) => expect(c.orders.totalCount).toBeGreaterThanOrEqual(ordersOf(customers[i]!)));
  });
});

describe('gateway: bad input and failing sources', () => {
  it.each([
    ['customer(id: "nope") { id }', 'BAD_USER_INPUT'],
    [`customer(id: "cus_${Buffer.from('salesforce/003000000000000AAA').toString('base64url')}") { id }`, 'NOT_FOUND'],
    ['customerBySource(source: "hubspot", id: "1") { id }', 'UNKNOWN_SOURCE'],
    ['customerBySource(source: "zendesk", id: "999999999") { id }', 'NOT_FOUND'],
    ['customerLookup(query: "%%% ???") { status }', 'INVALID_LOOKUP'],
    ['customerLookup(query: "") { status }', 'INVALID_LOOKUP'],
  ])('answers %s with %s', async (field, code) => {
    const res = await t.gql(`{ ${field} }`);
    expect(res.status).toBe(200);
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('rejects a malformed request body with 400 and a code', async () => {
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('rejects a syntax error and an unknown field with Apollo\'s codes', async () => {
    expect((await t.gql('{ customer(id: ')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await t.gql('{ nothing }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('keeps the healthy sources\' data when one source fails', async () => {
    const show = findShowcasePerson(t.sandbox.dataset);
    const q = `query($id: ID!) { customerBySource(source: "shopify", id: $id) { id orders(first: 50) { totalCount } tickets(first: 50) { nodes { kind source } } } }`;
    const healthy = await t.gql<{ customerBySource: { tickets: { nodes: Array<{ source: string }> } } }>(q, { id: String(show.customer.id) });
    expect(healthy.errors).toBeUndefined();
    t.sandbox.zendesk.addFault({ fault: { kind: 'preset', preset: 'serverError' } });
    const res = await t.gql<{ customerBySource: { orders: { totalCount: number }; tickets: { nodes: Array<{ source: string }> } } }>(q, { id: String(show.customer.id) });
    expect(res.status).toBe(200);
    expect(res.data!.customerBySource.orders.totalCount).toBeGreaterThan(0);
    expect(res.data!.customerBySource.tickets.nodes.every((n) => n.source === 'salesforce')).toBe(true);
    expect(res.data!.customerBySource.tickets.nodes.length).toBe(healthy.data!.customerBySource.tickets.nodes.filter((n) => n.source === 'salesforce').length);
    expect(res.errors).toEqual([expect.objectContaining({ path: ['customerBySource', 'tickets'], extensions: expect.objectContaining({ code: 'SOURCE_UNAVAILABLE', source: 'zendesk' }) })]);
  });

  it('serves health and readiness', async () => {
    const base = t.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { sources: Array<{ name: string }> }).sources.map((s) => s.name)).toEqual(['salesforce', 'shopify', 'zendesk']);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
