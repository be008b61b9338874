import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_API_KEY, devAuthConfig, hashApiKey } from '../../src/auth/index.js';
import { emailHolders } from '../support/emailHolders.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';
import { startLoyaltySubgraph, LOYALTY_SDL, type LoyaltySubgraph } from '../support/startLoyaltySubgraph.js';
import { fetchSubgraphSdl, startSupergraph, type Supergraph } from '../support/startSupergraph.js';

const AGENT_KEY = 'c360_test_agent_key';
const ANALYST_KEY = 'c360_test_analyst_key';

let t: TestGateway;
let loyalty: LoyaltySubgraph;
let router: Supergraph;
let uniqueEmails: string[];
let sharedEmail: string;

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = { authorization: `Bearer ${DEV_API_KEY}` }) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, ...((await res.json()) as { data?: any; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>; extensions?: Record<string, any> }) }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
const calls = () => ({ salesforce: t.sandbox.salesforce.requests().length, shopify: t.sandbox.shopify.requests().length, zendesk: t.sandbox.zendesk.requests().length });

beforeAll(async () => {
  const auth = devAuthConfig();
  t = await startTestGateway({
    size: 300,
    seed: 7,
    introspection: false,
    // A cold batch of 100 email keys searches Zendesk once per key (its user search takes one query per
    // call); the default 3 s deadline is too short for that on a shared CI machine.
    deadlineMs: 20_000,
    federation: { enabled: true },
    auth: { ...auth, apiKeys: [...(auth.apiKeys as unknown[]), { name: 'agent', sha256: hashApiKey(AGENT_KEY), role: 'agent' }, { name: 'analyst', sha256: hashApiKey(ANALYST_KEY), role: 'analyst' }] },
  });
  const emails = emailHolders(t.sandbox.dataset);
  uniqueEmails = emails.unique;
  sharedEmail = emails.shared[0]!;
  loyalty = await startLoyaltySubgraph([
    ...uniqueEmails.slice(0, 98).map((email, i) => ({ email, points: 10_000 - i * 50 })),
    { email: sharedEmail, points: 2 },
    { email: 'not-a-customer@loyalty.example', points: 1 },
  ]);
  const sdl = await fetchSubgraphSdl(t.url, DEV_API_KEY);
  router = await startSupergraph([
    { name: 'c360', url: t.url, sdl },
    { name: 'loyalty', url: loyalty.url, sdl: LOYALTY_SDL },
  ]);
  // Three servers and a composition: generous on a shared CI machine (not a timing assertion).
}, 60_000);
afterAll(async () => {
  await router?.close();
  await loyalty?.close();
  await t?.close();
});

/** The router's query in the README: loyalty → c360 (references by email) → loyalty (tier). */
const TOP_MEMBERS = `query TopMembers($first: Int!) { topLoyaltyMembers(first: $first) { points customer { id displayName loyaltyTier identity { anchor { source id } } } } }`;
/** c360 → loyalty: the router fetches the `email` key from c360, then loyalty's fields by that key. */
const CUSTOMER_WITH_POINTS = `query($id: ID!) { customer(id: $id) { id displayName email loyaltyPoints loyaltyTier } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id displayName } } }`;
type Member = { points: number; customer: { id: string; displayName: string; loyaltyTier: string; identity: { anchor: { source: string; id: string } } } | null };

describe('federation: composition', () => {
  it('composes the c360 subgraph with a second subgraph into a supergraph with all three Customer keys', () => {
    // The c360 subgraph owns Customer (not `extension: true`); loyalty joins on email.
    expect(router.supergraphSdl).toMatch(/@join__type\(graph: C360, key: "id"\)\n/);
    expect(router.supergraphSdl).toMatch(/@join__type\(graph: C360, key: "email"\)\n/);
    expect(router.supergraphSdl).toMatch(/@join__type\(graph: C360, key: "sourceRef \{ source id \}"\)\n/);
    expect(router.supergraphSdl).toContain('@join__type(graph: LOYALTY, key: "email")');
    // Our directives stay in the subgraph (enforced there); composition does not carry them.
    expect(router.supergraphSdl).not.toContain('@pii');
  });

  it('serves _service { sdl } with the Federation 2 link, the keys and the gateway\'s own directives', async () => {
    const sdl = await fetchSubgraphSdl(t.url, DEV_API_KEY);
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/@key\(fields: "sourceRef \{ source id \}"\)/);
    expect(sdl).toContain('directive @pii on FIELD_DEFINITION');
    expect(sdl).toContain('email: String @pii');
  });

  it('gates _service like introspection: a caller without schema:read gets FORBIDDEN and no SDL', async () => {
    const res = await post(t.url, '{ _service { sdl } }', {}, { authorization: `Bearer ${AGENT_KEY}` });
    expect(res.status).toBe(403);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data?._service).toBeUndefined();
  });
});

describe('federation: queries through the router cross both subgraphs', () => {
  it('resolves loyalty members\' Customer references by email in one _entities call, and loyalty\'s fields back by email', async () => {
    const before = router.fetches.length;
    const res = await post(router.url, TOP_MEMBERS, { first: 20 }, { authorization: `Bearer ${DEV_API_KEY}`, 'x-c360-purpose': 'support' });
    expect(res.errors).toBeUndefined();
    const members = res.data.topLoyaltyMembers as Member[];
    expect(members).toHaveLength(20);
    const personOfContact = new Map(t.sandbox.dataset.truth.map((e) => [`${e.system}/${e.id}`, e.personId]));
    members.forEach((m, i) => {
      expect(m.points).toBe(10_000 - i * 50);
      expect(m.customer!.loyaltyTier).toBe('GOLD');
      // The right person: the anchor record belongs to the person whose email the loyalty row holds.
      const person = t.sandbox.dataset.people.find((p) => p.email === uniqueEmails[i])!;
      expect(personOfContact.get(`${m.customer!.identity.anchor.source}/${m.customer!.identity.anchor.id}`)).toBe(person.personId);
    });
    const fetches = router.fetches.slice(before);
    // loyalty (top members and their tier) → c360 (_entities: all 20 references in one call).
    expect(fetches.map((f) => [f.subgraph, f.representations])).toEqual([['loyalty', 0], ['c360', 20]]);
    expect(fetches[1]!.headers.authorization).toBe(`Bearer ${DEV_API_KEY}`);
    expect(fetches[1]!.headers['x-c360-purpose']).toBe('support');
    // extensions.sources of the c360 subgraph survive the router (copied by the data source).
    expect((res.extensions?.sources as Array<{ name: string }>).map((s) => s.name).sort()).toEqual(['salesforce', 'shopify', 'zendesk']);
  });

  it('adds loyalty fields to a c360 customer: the router joins on the email key c360 returns', async () => {
    const person = t.sandbox.dataset.people.find((p) => p.email === uniqueEmails[3])!;
    const lookup = await t.gql<{ customerLookup: { customer: { id: string } } }>(`query($q: String!) { customerLookup(query: $q) { customer { id } } }`, { q: person.email! });
    const id = lookup.data!.customerLookup.customer.id;
    const res = await post(router.url, CUSTOMER_WITH_POINTS, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data.customer).toEqual({ id, displayName: expect.any(String), email: person.email, loyaltyPoints: 10_000 - 3 * 50, loyaltyTier: 'GOLD' });
    expect(loyalty.entityCalls.at(-1)).toEqual([{ __typename: 'Customer', email: person.email }]);
  });

  it('gives null and a typed error at the index of an ambiguous or unknown email, never a guessed merge', async () => {
    const res = await post(router.url, `{ topLoyaltyMembers(first: 100) { points customer { id } } }`);
    const members = res.data.topLoyaltyMembers as Array<{ points: number; customer: { id: string } | null }>;
    const shared = members.findIndex((m) => m.points === 2);
    const unknown = members.findIndex((m) => m.points === 1);
    expect(members[shared]!.customer).toBeNull();
    expect(members[unknown]!.customer).toBeNull();
    const errorAt = (index: number) => res.errors?.find((e) => e.path?.join('.') === `topLoyaltyMembers.${index}.customer`);
    expect(errorAt(shared)?.extensions).toMatchObject({ code: 'AMBIGUOUS_MATCH', serviceName: 'c360' });
    expect((errorAt(shared)?.extensions?.candidates as string[]).length).toBeGreaterThan(1);
    expect(errorAt(unknown)?.extensions).toMatchObject({ code: 'NOT_FOUND', serviceName: 'c360' });
    // Every other member resolved.
    expect(members.filter((m) => m.customer === null)).toHaveLength(2);
  });
});

describe('federation: security through the router', () => {
  it('refuses a caller without credential at the c360 subgraph: no customer data, no upstream call', async () => {
    t.clearRequestLogs();
    const res = await post(router.url, TOP_MEMBERS, { first: 3 }, {});
    expect(res.data?.topLoyaltyMembers?.every((m: Member) => m.customer === null) ?? true).toBe(true);
    expect(res.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED' || /401/.test(e.message))).toBe(true);
    expect(calls()).toEqual({ salesforce: 0, shopify: 0, zendesk: 0 });
  });

  it('applies field authorisation and masking to _entities: masked names, FORBIDDEN names, audited reads', async () => {
    const agent = await post(router.url, TOP_MEMBERS, { first: 3 }, { authorization: `Bearer ${AGENT_KEY}` });
    expect(agent.errors).toBeUndefined();
    for (const m of agent.data.topLoyaltyMembers as Member[]) expect(m.customer!.displayName).toMatch(/^\S\*\*\*/);
    const analyst = await post(router.url, TOP_MEMBERS, { first: 3 }, { authorization: `Bearer ${ANALYST_KEY}` });
    expect((analyst.data.topLoyaltyMembers as Member[]).every((m) => m.customer!.displayName === null && m.customer!.loyaltyTier === 'GOLD')).toBe(true);
    expect(analyst.errors?.filter((e) => e.extensions?.code === 'FORBIDDEN' && /pii/.test(e.message))).toHaveLength(3);
    const events = t.audit.filter((e) => e.role === 'agent' && e.fields.includes('Customer.displayName'));
    expect(events.at(-1)!.customerIds).toHaveLength(3);
    expect(events.at(-1)!.piiAccess).toBe('masked');
  });

  it('sends the masked email as the join key for a pii:masked caller, so the other subgraph finds nobody', async () => {
    const person = t.sandbox.dataset.people.find((p) => p.email === uniqueEmails[4])!;
    const lookup = await t.gql<{ customerLookup: { customer: { id: string } } }>(`query($q: String!) { customerLookup(query: $q) { customer { id } } }`, { q: person.email! });
    const res = await post(router.url, CUSTOMER_WITH_POINTS, { id: lookup.data!.customerLookup.customer.id }, { authorization: `Bearer ${AGENT_KEY}` });
    expect(res.data.customer.email).toMatch(/^\S\*\*\*@/);
    expect(res.data.customer.loyaltyPoints).toBeNull();
  });

  it('refuses more than federation.maxRepresentations representations before any upstream call', async () => {
    t.clearRequestLogs();
    const reps = Array.from({ length: 101 }, (_, i) => ({ __typename: 'Customer', email: `x${i}@example.com` }));
    const res = await post(t.url, ENTITIES, { r: reps });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('federation.maxRepresentations');
    expect(calls()).toEqual({ salesforce: 0, shopify: 0, zendesk: 0 });
  });

  it('rejects a representation with no usable key with BAD_USER_INPUT at its index', async () => {
    const res = await post(t.url, ENTITIES, { r: [{ __typename: 'Customer', phone: '+15550100' }, { __typename: 'Customer', email: 'not an email' }] });
    expect(res.data._entities).toEqual([null, null]);
    expect(res.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['_entities.0', 'BAD_USER_INPUT'], ['_entities.1', 'BAD_USER_INPUT']]);
  });
});

describe('federation: one batched upstream call per source for 100 representations', () => {
  const routes = () => ({ salesforce: t.sandbox.salesforce.requests().map((r) => r.route), shopify: t.sandbox.shopify.requests().map((r) => r.route), zendesk: t.sandbox.zendesk.requests().map((r) => r.route) });

  it.each([
    ['email', (i: number) => ({ __typename: 'Customer', email: uniqueEmails[150 + i] })],
    ['sourceRef', (i: number) => ({ __typename: 'Customer', sourceRef: { source: 'salesforce', id: t.sandbox.dataset.salesforce.contacts[i]!.id } })],
  ])('resolves 100 %s representations with the crosswalk warm in one call per source', async (_kind, representation) => {
    const reps = Array.from({ length: 100 }, (_, i) => representation(i));
    // First call: identity resolution (cold) fills the crosswalk. Salesforce and Shopify searches are batched per
    // resolution round and key kind (Salesforce: email, phone, name, name prefix, birth date, postcode + street;
    // Shopify: email, phone, name, name prefix), in chunks of 50-100 keys: far fewer than one call per
    // representation.
    t.clearRequestLogs();
    const cold = await post(t.url, ENTITIES, { r: reps });
    expect(cold.errors).toBeUndefined();
    const coldCalls = calls();
    expect(coldCalls.salesforce).toBeLessThanOrEqual(30);
    expect(coldCalls.shopify).toBeLessThanOrEqual(20);
    console.info(`100 ${_kind} representations, crosswalk cold: upstream calls ${JSON.stringify(coldCalls)}`);
    // Again: the crosswalk knows them all; the member records of 100 customers are one batched call per source.
    t.clearRequestLogs();
    const warm = await post(t.url, ENTITIES, { r: reps });
    expect(warm.errors).toBeUndefined();
    expect(warm.data._entities.filter((c: { id?: string } | null) => c?.id)).toHaveLength(100);
    expect(warm.data._entities.map((c: { id: string }) => c.id)).toEqual(cold.data._entities.map((c: { id: string }) => c.id));
    expect(routes()).toEqual({ salesforce: ['collections'], shopify: ['graphql'], zendesk: ['users.show_many'] });
    // The same 100 customers by their gateway id (the `id` key): the same single batched call per source.
    t.clearRequestLogs();
    const byId = await post(t.url, ENTITIES, { r: warm.data._entities.map((c: { id: string }) => ({ __typename: 'Customer', id: c.id })) });
    expect(byId.errors).toBeUndefined();
    expect(byId.data._entities).toEqual(warm.data._entities);
    expect(routes()).toEqual({ salesforce: ['collections'], shopify: ['graphql'], zendesk: ['users.show_many'] });
  }, 60_000);
});

describe('federation: purposes and partial answers through the router', () => {
  it('applies purposes to _entities with the forwarded x-c360-purpose header', async () => {
    const query = `{ topLoyaltyMembers(first: 2) { customer { id segments { name } } } }`;
    const support = await post(router.url, query, {}, { authorization: `Bearer ${DEV_API_KEY}`, 'x-c360-purpose': 'support' });
    expect(support.errors?.filter((e) => e.extensions?.code === 'FORBIDDEN' && /only for purposes/.test(e.message))).toHaveLength(2);
    const marketing = await post(router.url, query, {}, { authorization: `Bearer ${DEV_API_KEY}`, 'x-c360-purpose': 'marketing' });
    expect(marketing.errors?.filter((e) => /only for purposes/.test(e.message)) ?? []).toHaveLength(0);
    expect((marketing.data.topLoyaltyMembers as Array<{ customer: { segments: unknown[] } }>).every((m) => Array.isArray(m.customer.segments))).toBe(true);
  });

  it('keeps a partial answer when a source fails: the error names the source and extensions.sources says so', async () => {
    t.sandbox.shopify.addFault({ fault: { kind: 'preset', preset: 'serverError' } });
    try {
      const res = await post(router.url, `{ topLoyaltyMembers(first: 3) { points customer { id emails { value } } } }`);
      const members = res.data.topLoyaltyMembers as Array<{ customer: { id: string; emails: unknown[] } | null }>;
      expect(members.every((m) => m.customer && m.customer.id && m.customer.emails.length > 0)).toBe(true);
      const shopifyErrors = res.errors?.filter((e) => e.extensions?.source === 'shopify') ?? [];
      expect(shopifyErrors.length).toBeGreaterThan(0);
      expect(shopifyErrors[0]!.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', serviceName: 'c360' });
      const status = (res.extensions?.sources as Array<{ name: string; status: string }>).find((s) => s.name === 'shopify');
      expect(status?.status).not.toBe('OK');
    } finally {
      t.sandbox.shopify.reset();
    }
  });
});

describe('federation: off by default', () => {
  it('keeps the standalone schema when federation.enabled is false: no _service, no Customer.email', async () => {
    const plain = await startTestGateway({ size: 20, seed: 3 });
    try {
      const res = await plain.gql('{ _service { sdl } }');
      expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const email = await plain.gql('query($id: ID!) { customer(id: $id) { email } }', { id: 'x' });
      expect(email.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await plain.close();
    }
  });
});
