import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryOverrideStore } from '../../src/identity/index.js';
import { generateDataset } from '../../src/sandbox/dataset/index.js';
import type { SandboxDataset } from '../../src/sandbox/dataset/types.js';
import { zendeskUser } from '../sandbox/zendesk/zendeskFixture.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

const CUSTOMER = `query($source: String!, $id: ID!) { customerBySource(source: $source, id: $id) {
  id displayName identity { anchor { source id } links { source id rule confidence score matchedOn { attribute level weight } }
  candidates { source id score confidence reason } } } }`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

interface CustomerData {
  customerBySource: { id: string; displayName: string | null; identity: { anchor: { source: string; id: string }; links: Array<{ source: string; id: string; rule: string; score: number | null }>; candidates: unknown[] } } | null;
}

describe('identity: overrides, erasure and upstream call bounds over GraphQL', () => {
  let gw: TestGateway;
  const store = createMemoryOverrideStore();
  const upstreamCalls = () => gw.sandbox.salesforce.requests().length + gw.sandbox.shopify.requests().length + gw.sandbox.zendesk.requests().length;
  // Two Salesforce contacts of two different people, each present in more than one system.
  const people = () => {
    const truth = gw.sandbox.dataset.truth;
    const multi = gw.sandbox.dataset.people.filter((p) => p.systems.length === 3 && truth.filter((t) => t.personId === p.personId && t.system === 'salesforce').length === 1);
    const contactOf = (personId: string) => truth.find((t) => t.personId === personId && t.system === 'salesforce')!.id;
    return [contactOf(multi[0]!.personId), contactOf(multi[1]!.personId), contactOf(multi[2]!.personId)] as const;
  };

  beforeAll(async () => {
    gw = await startTestGateway({ size: 120, seed: 11, identity: { overrides: { enabled: true } }, overrideStore: store });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('resolves a customer on a cache miss within the stated call bound, and makes no identity call on a hit', async () => {
    const [, , third] = people();
    gw.clearRequestLogs();
    const miss = await gw.gql<{ customerBySource: { identity: { anchor: unknown } } }>(`query($id: ID!) { customerBySource(source: "salesforce", id: $id) { identity { anchor { id } } } }`, { id: third });
    expect(miss.errors).toBeUndefined();
    const onMiss = upstreamCalls();
    // Bound with the defaults: 1 seed read + (1 + maxHops = 3) rounds × (Salesforce 3 + Shopify 3 + Zendesk maxKeysPerRound 12).
    const bound = 1 + 3 * (3 + 3 + 12);
    expect(onMiss).toBeGreaterThan(0);
    expect(onMiss).toBeLessThanOrEqual(bound);
    console.info(`upstream calls for one customer on a crosswalk miss: ${onMiss} (bound ${bound})`);
    gw.clearRequestLogs();
    const hit = await gw.gql(`query($id: ID!) { customerBySource(source: "salesforce", id: $id) { identity { anchor { id } } } }`, { id: third });
    expect(hit.errors).toBeUndefined();
    expect(upstreamCalls()).toBe(0);
  });

  it('links two customers with linkRecords: the old id of the moved anchor still resolves to the merged customer', async () => {
    const [first, second] = people();
    const before = await gw.gql<CustomerData>(CUSTOMER, { source: 'salesforce', id: second });
    const oldId = before.data!.customerBySource!.id;
    const res = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...gw.authHeaders },
      body: JSON.stringify({
        query: `mutation($a: SourceRecordInput!, $b: SourceRecordInput!) { linkRecords(a: $a, b: $b, reason: "same person, confirmed by phone") { id kind actor reason records { source id } customer { id identity { links { source id rule } } } } }`,
        variables: { a: { source: 'salesforce', id: first }, b: { source: 'salesforce', id: second } },
      }),
    });
    const body = (await res.json()) as { data: { linkRecords: { kind: string; actor: string; customer: { id: string; identity: { links: Array<{ id: string; rule: string }> } } } } };
    expect(body.data.linkRecords.kind).toBe('LINK');
    expect(body.data.linkRecords.actor).toBe('apikey:dev');
    const merged = body.data.linkRecords.customer;
    expect(merged.identity.links.map((l) => l.id)).toEqual(expect.arrayContaining([first, second]));
    expect(merged.identity.links.some((l) => l.rule === 'OVERRIDE')).toBe(true);
    const viaOld = await gw.gql<{ customer: { id: string } }>(`query($id: ID!) { customer(id: $id) { id } }`, { id: oldId });
    expect(viaOld.data!.customer.id).toBe(merged.id);
    expect(store.changes.at(-1)).toMatchObject({ kind: 'link', actor: 'apikey:dev' });
    expect(gw.logs.some((line) => line.includes('"identity override"') && line.includes('apikey:dev'))).toBe(true);

    const unlink = await gw.gql<{ unlinkRecords: { kind: string } }>(
      `mutation($a: SourceRecordInput!, $b: SourceRecordInput!) { unlinkRecords(a: $a, b: $b, reason: "mistake") { kind } }`,
      { a: { source: 'salesforce', id: first }, b: { source: 'salesforce', id: second } },
    );
    expect(unlink.data!.unlinkRecords.kind).toBe('UNLINK');
    const after = await gw.gql<CustomerData>(CUSTOMER, { source: 'salesforce', id: second });
    expect(after.data!.customerBySource!.identity.links.map((l) => l.id)).not.toContain(first);
  });

  it('suppresses a person: every record then resolves to NOT_FOUND and the lookup finds nobody', async () => {
    const [first] = people();
    const person = gw.sandbox.dataset.truth.find((t) => t.system === 'salesforce' && t.id === first)!.personId;
    const phone = gw.sandbox.dataset.people.find((p) => p.personId === person)!.phone;
    const before = await gw.gql<CustomerData>(CUSTOMER, { source: 'salesforce', id: first });
    const customerId = before.data!.customerBySource!.id;
    const res = await gw.gql<{ suppressPerson: { kind: string; records: unknown[] } }>(`mutation($id: ID!) { suppressPerson(customerId: $id, reason: "GDPR erasure request #42") { kind records { source id } } }`, { id: customerId });
    expect(res.data!.suppressPerson.kind).toBe('SUPPRESS');
    expect(res.data!.suppressPerson.records.length).toBeGreaterThanOrEqual(1);
    const gone = await gw.gql(`query($id: ID!) { customer(id: $id) { id displayName } }`, { id: customerId });
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const lookup = await gw.gql<{ customerLookup: { status: string } }>(`query($q: String!) { customerLookup(query: $q) { status } }`, { q: phone });
    expect(lookup.data!.customerLookup.status).toBe('NOT_FOUND');
  });

  it.each([
    ['an empty reason', `mutation { linkRecords(a: {source: "salesforce", id: "x"}, b: {source: "shopify", id: "y"}, reason: " ") { id } }`, 'BAD_USER_INPUT'],
    ['an unknown source', `mutation { linkRecords(a: {source: "nope", id: "x"}, b: {source: "shopify", id: "y"}, reason: "r") { id } }`, 'UNKNOWN_SOURCE'],
    ['a record that does not exist', `mutation { linkRecords(a: {source: "shopify", id: "1"}, b: {source: "zendesk", id: "2"}, reason: "r") { id } }`, 'NOT_FOUND'],
    ['both record and customerId', `mutation { suppressPerson(record: {source: "shopify", id: "1"}, customerId: "cus_x", reason: "r") { id } }`, 'BAD_USER_INPUT'],
  ])('rejects %s with a stable code', async (_label, query, code) => {
    const res = await gw.gql(query);
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
  });
});

describe('identity: erasure covers records the resolver did not link', () => {
  let gw: TestGateway;
  let dataset: SandboxDataset;
  let person: SandboxDataset['people'][number];
  let contactId: string;
  const DUPLICATE = 900_001;
  const HOUSEHOLD = 900_002;

  beforeAll(async () => {
    const generated = generateDataset({ size: 60, seed: 5 });
    person = generated.people.find((p) => p.email !== null && ['salesforce', 'zendesk'].every((s) => p.systems.includes(s as never)) && generated.truth.filter((t) => t.personId === p.personId && t.system === 'zendesk').length === 1)!;
    contactId = generated.truth.find((t) => t.personId === person.personId && t.system === 'salesforce')!.id;
    dataset = {
      ...generated,
      zendesk: {
        ...generated.zendesk,
        users: [
          ...generated.zendesk.users,
          // Her second help-desk account: her phone, her family name misspelt. With one record per source per
          // customer (maxMembersPerSource: 1) the resolver links her main account and leaves this one out.
          zendeskUser({ id: DUPLICATE, name: `${person.givenName} ${person.familyName}x`, phone: person.phone }),
          // A household member sharing her email: his record is his.
          zendeskUser({ id: HOUSEHOLD, name: 'Zebulon Quayle', email: person.email }),
        ],
      },
    };
    gw = await startTestGateway({ dataset, identity: { overrides: { enabled: true }, maxMembersPerSource: 1 }, overrideStore: createMemoryOverrideStore() });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('suppresses her unlinked duplicate, keeps the household member\'s record, and lists it for a steward', async () => {
    const before = await gw.gql<CustomerData>(CUSTOMER, { source: 'salesforce', id: contactId });
    const customer = before.data!.customerBySource!;
    expect(customer.identity.links.map((l) => `${l.source}/${l.id}`)).not.toContain(`zendesk/${DUPLICATE}`);
    const found = await gw.gql<CustomerData>(CUSTOMER, { source: 'zendesk', id: String(DUPLICATE) });
    expect(found.data!.customerBySource).not.toBeNull();

    const res = await gw.gql<{ suppressPerson: Any }>(
      `mutation($id: ID!) { suppressPerson(customerId: $id, reason: "erasure request #7") { kind records { source id }
        erasure { linked { source id } matched { record { source id } attribute } candidates { record { source id } attribute reason } incompleteSources } } }`,
      { id: customer.id },
    );
    expect(res.errors).toBeUndefined();
    const { records, erasure } = res.data!.suppressPerson;
    expect(erasure.linked).toEqual(customer.identity.links.map((l) => ({ source: l.source, id: l.id })));
    expect(erasure.matched).toContainEqual({ record: { source: 'zendesk', id: String(DUPLICATE) }, attribute: 'phone' });
    expect(erasure.candidates).toContainEqual({ record: { source: 'zendesk', id: String(HOUSEHOLD) }, attribute: 'email', reason: 'SHARED_VALUE' });
    expect(erasure.incompleteSources).toEqual([]);
    expect(records).toEqual([...erasure.linked, ...erasure.matched.map((m: Any) => m.record)]);

    // Not findable by her phone, nor by the duplicate's source id; the household member's record stays.
    const byPhone = await gw.gql<{ customerLookup: { status: string } }>(`query($q: String!) { customerLookup(query: $q) { status } }`, { q: person.phone });
    expect(byPhone.data!.customerLookup.status).toBe('NOT_FOUND');
    const duplicate = await gw.gql<CustomerData>(CUSTOMER, { source: 'zendesk', id: String(DUPLICATE) });
    expect(duplicate.data?.customerBySource ?? null).toBeNull();
    const household = await gw.gql<CustomerData>(CUSTOMER, { source: 'zendesk', id: String(HOUSEHOLD) });
    expect(household.data!.customerBySource!.identity.links.map((l) => l.id)).toEqual([String(HOUSEHOLD)]);
  });
});

describe('identity: mutations are off by default', () => {
  it('answers FORBIDDEN when identity.overrides.enabled is false', async () => {
    const gw = await startTestGateway({ size: 20, seed: 3 });
    try {
      const res = await gw.gql(`mutation { unlinkRecords(a: {source: "salesforce", id: "x"}, b: {source: "shopify", id: "y"}, reason: "r") { id } }`);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.errors?.[0]?.message).toMatch(/identity\.overrides\.enabled/);
    } finally {
      await gw.close();
    }
  });
});
