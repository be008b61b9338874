import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findShowcasePerson, type ShowcasePerson } from '../../src/sandbox/dataset/index.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';
import { CUSTOMER_360_FIELDS, timelineFields } from '../support/customer360Fields.js';

let t: TestGateway;
let show: ShowcasePerson;

beforeAll(async () => {
  t = await startTestGateway({ size: 200, seed: 7 });
  show = findShowcasePerson(t.sandbox.dataset);
});
afterAll(async () => {
  await t?.close();
});

const FULL_FIELDS = `
  id identity { links { source id rule } }
  ${CUSTOMER_360_FIELDS}
  ${timelineFields(5)}
`;
/** The agent-console entry point: a lookup by email, as typed. */
const FULL_BY_EMAIL = `query($q: String!) { customerLookup(query: $q) { status customer { ${FULL_FIELDS} } } }`;
const FULL_BY_SOURCE = `query($source: String!, $id: ID!) { customerBySource(source: $source, id: $id) { ${FULL_FIELDS} } }`;

const TIMELINE = `query($q: String!, $first: Int!, $after: String, $kinds: [TimelineEventKind!], $since: String) {
  customerLookup(query: $q) { customer {
    timeline(first: $first, after: $after, kinds: $kinds, since: $since) { totalCount edges { cursor node { id kind occurredAt source } } pageInfo { hasNextPage endCursor } }
  } }
}`;

interface Provenance { source: string; recordId: string; sourceUpdatedAt: string | null; fetchedAt: string; fromCache: boolean; stale: boolean; ageMs: number }
type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface TimelineData {
  customerLookup: { customer: { timeline: { totalCount: number; edges: Array<{ cursor: string; node: { id: string; kind: string; occurredAt: string; source: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
}

/** Counted orders of a Shopify customer in the dataset (not cancelled, not VOIDED or REFUNDED). */
function countedOrders(customerId: number) {
  return t.sandbox.dataset.shopify.orders.filter((o) => o.customerId === customerId && o.cancelledAt === null && o.displayFinancialStatus !== 'VOIDED' && o.displayFinancialStatus !== 'REFUNDED');
}

describe('customer360: a full answer for a person in all three sources', () => {
  let c: Any;
  beforeAll(async () => {
    const res = await t.gql<{ customerLookup: Any }>(FULL_BY_EMAIL, { q: show.contact.email! });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data!.customerLookup.status).toBe('MATCHED');
    c = res.data!.customerLookup.customer;
    expect(c.identity.links.map((l: Any) => l.source)).toEqual(['salesforce', 'shopify', 'zendesk']);
  });

  it('chooses profile values by survivorship, with runners-up and provenance', () => {
    const name = c.profile.name;
    expect(name.strategies).toEqual(['sourcePriority', 'mostFrequent']);
    // sourcePriority: Salesforce is the first configured source and holds a name.
    expect(name.chosen.provenance.source).toBe('salesforce');
    expect(name.chosen.provenance.recordId).toBe(show.contact.id);
    expect(name.value).toBe([show.contact.firstName, show.contact.lastName].filter(Boolean).join(' '));
    const p: Provenance = name.chosen.provenance;
    expect(p.sourceUpdatedAt).toBe(new Date(show.contact.lastModifiedDate).toISOString());
    expect(Number.isNaN(Date.parse(p.fetchedAt))).toBe(false);
    expect(p).toMatchObject({ fromCache: false, stale: false, ageMs: 0 });
    expect(c.profile.email.value).toBe(show.contact.email!.trim().toLowerCase());
    expect(c.profile.email.chosen.holders.map((h: Any) => h.source)).toEqual(['salesforce', 'shopify', 'zendesk']);
    expect(c.profile.birthDate.chosen?.provenance.source ?? null).toBe(show.contact.birthdate ? 'salesforce' : null);
  });

  it('computes metrics that agree with the source orders', () => {
    const orders = countedOrders(show.customer.id);
    const cents = orders.reduce((sum, o) => sum + Math.round(Number(o.totalPrice) * 100), 0);
    expect(c.metrics.orderCount).toBe(orders.length);
    expect(c.metrics.lifetimeValue).toEqual(orders.length ? { amount: (cents / 100).toFixed(2), currencyCode: 'USD' } : null);
    if (orders.length) {
      expect(Number(c.metrics.averageOrderValue.amount)).toBeCloseTo(cents / 100 / orders.length, 2);
      expect(c.metrics.rfm.code).toBe(`${c.metrics.rfm.recency}${c.metrics.rfm.frequency}${c.metrics.rfm.monetary}`);
    }
    expect(c.metrics.daysSinceLastInteraction).toBeGreaterThanOrEqual(0);
  });

  it('gives every segment and the journey stage a reason', () => {
    expect(['AWARENESS', 'CONSIDERATION', 'PURCHASE', 'RETENTION', 'ADVOCACY']).toContain(c.journeyStage.stage);
    expect(c.journeyStage.reason.length).toBeGreaterThan(0);
    for (const segment of c.segments) expect(segment.reason).toMatch(/\w+ [\d.-]+ (>|>=|<|<=|=|!=) [\d.-]+/);
    if (c.metrics.orderCount >= 2) expect(['RETENTION', 'ADVOCACY']).toContain(c.journeyStage.stage);
  });

  it('reports consent per channel from the sources that hold it, most restrictive first', () => {
    const email = c.consent.find((x: Any) => x.channel === 'EMAIL');
    expect(email.statements.map((s: Any) => s.sourceValue)).toEqual(
      expect.arrayContaining([`HasOptedOutOfEmail=${show.contact.hasOptedOutOfEmail}`, `emailMarketingState=${show.customer.emailMarketingState}`]),
    );
    if (show.contact.hasOptedOutOfEmail) expect(email).toMatchObject({ status: 'OPTED_OUT', allowed: false, source: 'salesforce' });
    if (show.customer.emailMarketingState === 'UNSUBSCRIBED') expect(email.status).toBe('OPTED_OUT');
    const phone = c.consent.find((x: Any) => x.channel === 'PHONE');
    expect(phone).toMatchObject({ status: show.contact.doNotCall ? 'OPTED_OUT' : 'NO_OBJECTION', source: 'salesforce' });
    expect(phone.provenance.recordId).toBe(show.contact.id);
  });

  it('measures completeness over the expected attributes and names the missing ones', () => {
    const dq = c.dataQuality;
    expect(dq.expected).toHaveLength(8);
    expect(dq.present.length + dq.missing.length).toBe(dq.expected.length);
    expect(dq.completeness).toBeCloseTo((dq.present.length / dq.expected.length) * 100, 1);
    expect(dq.present).toEqual(expect.arrayContaining(['name', 'email', 'phone', 'consentEmail', 'consentSms', 'consentPhone']));
    for (const conflict of dq.conflicts) expect(conflict.values.length).toBeGreaterThan(1);
    expect(dq.freshness.maxFetchAgeMs).toBe(0);
    expect(dq.freshness.oldestSourceAgeDays).toBeGreaterThanOrEqual(0);
  });

  it('tags each timeline event with its source and provenance, newest first', () => {
    const nodes = c.timeline.nodes as Any[];
    expect(nodes.length).toBeGreaterThan(0);
    const times = nodes.map((n) => Date.parse(n.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const node of nodes) {
      expect(['salesforce', 'shopify', 'zendesk']).toContain(node.source);
      expect(node.provenance.source).toBe(node.source);
      expect(node.id).toBe(`${node.source}/${node.sourceId}#${node.kind}`);
      if (node.kind.startsWith('ORDER_')) expect(node.amount.currencyCode).toBe('USD');
    }
  });
});

describe('customer360: timeline paging', () => {
  it('walks three pages with the end cursor, matching one big page without gaps or repeats', async () => {
    const vars = { q: show.contact.email! };
    const all = await t.gql<TimelineData>(TIMELINE, { ...vars, first: 100 });
    const everything = all.data!.customerLookup.customer.timeline;
    expect(everything.totalCount).toBeGreaterThanOrEqual(7);
    const pageSize = Math.ceil(Math.min(everything.totalCount, 100) / 3);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const res: Awaited<ReturnType<typeof t.gql<TimelineData>>> = await t.gql<TimelineData>(TIMELINE, { ...vars, first: pageSize, after });
      expect(res.errors).toBeUndefined();
      const tl = res.data!.customerLookup.customer.timeline;
      expect(tl.totalCount).toBe(everything.totalCount);
      seen.push(...tl.edges.map((e) => e.node.id));
      after = tl.pageInfo.endCursor;
    }
    expect(seen).toEqual(everything.edges.slice(0, seen.length).map((e) => e.node.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(everything.edges.map((e) => e.node.source)).size).toBeGreaterThanOrEqual(2);
  });

  it('filters by kinds and since', async () => {
    const vars = { q: show.contact.email! };
    const orders = await t.gql<TimelineData>(TIMELINE, { ...vars, first: 100, kinds: ['ORDER_PLACED'] });
    const tl = orders.data!.customerLookup.customer.timeline;
    expect(tl.edges.every((e) => e.node.kind === 'ORDER_PLACED')).toBe(true);
    expect(tl.totalCount).toBe(t.sandbox.dataset.shopify.orders.filter((o) => o.customerId === show.customer.id).length);
    const since = '2026-06-01';
    const recent = await t.gql<TimelineData>(TIMELINE, { ...vars, first: 100, since });
    expect(recent.data!.customerLookup.customer.timeline.edges.every((e) => e.node.occurredAt >= '2026-06-01T00:00:00.000Z')).toBe(true);
  });

  it('rejects a bad since, a bad cursor and first out of range with stable codes', async () => {
    const vars = { q: show.contact.email! };
    const cases = [
      { extra: { first: 5, since: 'last tuesday' }, code: 'BAD_USER_INPUT' },
      { extra: { first: 5, after: 'not-a-cursor' }, code: 'INVALID_CURSOR' },
      { extra: { first: 0 }, code: 'BAD_USER_INPUT' },
      { extra: { first: 5, kinds: ['NOPE'] }, code: 'BAD_USER_INPUT' },
    ];
    for (const { extra, code } of cases) {
      const res = await t.gql(TIMELINE, { ...vars, ...extra });
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(extra)).toBe(code);
    }
  });
});

describe('customer360: forged and misplaced cursors', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const FIELDS = `query($q: String!) { customerLookup(query: $q) { customer {
    orders(first: 2) { pageInfo { endCursor } } tickets(first: 2) { pageInfo { endCursor } }
    activities(first: 2) { pageInfo { endCursor } } timeline(first: 2) { pageInfo { endCursor } } } } }`;
  const pageOf = (field: string) => `query($q: String!, $after: String) { customerLookup(query: $q) { customer { ${field}(first: 2, after: $after) { nodes { __typename } } } } }`;
  let issued: Record<string, string>;
  beforeAll(async () => {
    const res = await t.gql<{ customerLookup: Any }>(FIELDS, { q: show.contact.email! });
    const customer = res.data!.customerLookup.customer;
    // A field with no items has no end cursor; orders and timeline (used below) always have some here.
    issued = Object.fromEntries(['orders', 'tickets', 'activities', 'timeline'].flatMap((f) => (customer[f].pageInfo.endCursor ? [[f, customer[f].pageInfo.endCursor as string]] : [])));
    expect(Object.keys(issued)).toEqual(expect.arrayContaining(['orders', 'timeline', 'tickets']));
  });

  it('accepts each field\'s own end cursor', async () => {
    for (const [field, cursor] of Object.entries(issued)) {
      const res = await t.gql(pageOf(field), { q: show.contact.email!, after: cursor });
      expect({ field, errors: res.errors }).toEqual({ field, errors: undefined });
    }
  });

  it.each<[string, (issued: Record<string, string>) => string]>([
    ['a forged timeline cursor ["v1","not-a-date","x"]', () => 'WyJ2MSIsIm5vdC1hLWRhdGUiLCJ4Il0'],
    ['another field\'s cursor (timeline\'s on orders, orders\' on the others)', (c) => c.timeline!],
    ['trailing junk after a valid cursor', (c) => `${c.orders!}~~junk`],
    ['a valid cursor with base64url characters appended', (c) => `${c.orders!}AAAA`],
    ['a 50,000-character key', () => b64(['v1', '2025-01-01T00:00:00.000Z', 'x'.repeat(50_000)])],
    ['not base64 JSON', () => 'not-a-cursor'],
  ])('refuses %s with INVALID_CURSOR on every paged field', async (_name, make) => {
    for (const field of ['orders', 'tickets', 'activities', 'timeline']) {
      let cursor = make(issued);
      // "Another field's cursor": timeline's everywhere but on timeline itself, which gets orders'.
      if (cursor === issued.timeline && field === 'timeline') cursor = issued.orders!;
      const res = await t.gql(pageOf(field), { q: show.contact.email!, after: cursor });
      expect({ field, status: res.status, code: res.errors?.[0]?.extensions?.code }).toEqual({ field, status: 200, code: 'INVALID_CURSOR' });
    }
  });
});

describe('customer360: a customer present in only one source', () => {
  it('answers from that source alone and names what is missing', async () => {
    const person = t.sandbox.dataset.people.find((p) => p.systems.length === 1 && p.systems[0] === 'zendesk');
    expect(person).toBeDefined();
    const entry = t.sandbox.dataset.truth.find((e) => e.personId === person!.personId)!;
    const res = await t.gql<{ customerBySource: Any }>(FULL_BY_SOURCE, { source: 'zendesk', id: entry.id });
    expect(res.errors).toBeUndefined();
    const c = res.data!.customerBySource;
    expect(c.profile.name.chosen.provenance.source).toBe('zendesk');
    expect(c.profile.name.runnersUp).toEqual([]);
    expect(c.metrics).toMatchObject({ orderCount: 0, lifetimeValue: null, rfm: null, daysSinceLastOrder: null });
    expect(c.segments.map((s: Any) => s.name)).not.toContain('HIGH_VALUE');
    expect(['AWARENESS', 'CONSIDERATION']).toContain(c.journeyStage.stage);
    expect(c.consent.every((x: Any) => x.status === 'UNKNOWN' && x.allowed === false && x.source === null)).toBe(true);
    expect(c.dataQuality.missing).toEqual(expect.arrayContaining(['birthDate', 'consentEmail', 'consentSms', 'consentPhone']));
    expect(c.dataQuality.completeness).toBeLessThan(100);
    expect(c.timeline.nodes.every((n: Any) => n.source === 'zendesk')).toBe(true);
  });
});

describe('customer360: a source failing under fields that share one computation', () => {
  it('gives each field computed from the partial set its own error, from one upstream attempt', async () => {
    // Someone in all three systems other than the showcase person, so no earlier answer is cached for them.
    const person = t.sandbox.dataset.people.find((p) => p.systems.length === 3 && p.personId !== show.person.personId && p.email !== null);
    expect(person).toBeDefined();
    const entry = t.sandbox.dataset.truth.find((e) => e.personId === person!.personId && e.system === 'salesforce')!;
    t.sandbox.zendesk.addFault({ match: { route: 'users.tickets.requested' }, fault: { kind: 'status', status: 400, body: { error: 'InvalidEndpoint', description: 'injected' } } });
    t.sandbox.zendesk.clearRequests();
    try {
      const res = await t.gql<{ customerBySource: Any }>(
        `query($id: ID!) { customerBySource(source: "salesforce", id: $id) {
          metrics { orderCount openTickets } segments { name } journeyStage { stage } timeline(first: 3) { totalCount } dataQuality { completeness }
        } }`,
        { id: entry.id },
      );
      const c = res.data!.customerBySource;
      expect(c.metrics.orderCount).toBeGreaterThanOrEqual(0);
      expect(c.timeline.totalCount).toBeGreaterThan(0);
      const paths = (res.errors ?? []).filter((e) => e.extensions?.source === 'zendesk').map((e) => (e.path as string[]).join('.'));
      // dataQuality does not read tickets with the default expected attributes, so it has no error.
      expect(paths.sort()).toEqual(['customerBySource.journeyStage', 'customerBySource.metrics', 'customerBySource.segments', 'customerBySource.timeline']);
      // Four fields, one upstream list call between them.
      expect(t.sandbox.zendesk.requests().filter((r) => r.route === 'users.tickets.requested')).toHaveLength(1);
    } finally {
      t.sandbox.zendesk.clearFaults();
    }
  });
});
