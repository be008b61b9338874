import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBillingDatabase, type BillingDatabase } from '../../src/sandbox/billing/index.js';
import { hubspotSourceConfig, startHubSpotSandbox, type HubSpotSandbox } from '../../src/sandbox/hubspot/index.js';
import { probePostgres, TEST_PG, uniqueSchema } from '../support/postgresTestDatabase.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

const probe = await probePostgres();

const CUSTOMER = `query($source: String!, $id: ID!) { customerBySource(source: $source, id: $id) {
  id identity { anchor { source id } links { source id rule } }
  orders(first: 50) { nodes { source sourceId number total { amount currencyCode } } }
  profile { birthDate { value } }
} }`;

interface CustomerData {
  customerBySource: {
    id: string;
    identity: { anchor: { source: string; id: string }; links: Array<{ source: string; id: string; rule: string }> };
    orders: { nodes: Array<{ source: string; sourceId: string; number: string; total: { amount: string; currencyCode: string } }> };
    profile: { birthDate: { value: string | null } };
  } | null;
}

describe.skipIf(!probe.ok)(`declarative sources: HubSpot (kind: rest) and billing (kind: postgres) link into one customer with Salesforce, Shopify and Zendesk${probe.ok ? '' : ` (skipped: ${probe.reason})`}`, () => {
  let gw: TestGateway;
  let hubspot: HubSpotSandbox;
  let billing: BillingDatabase;

  beforeAll(async () => {
    gw = await startTestGateway({
      size: 150,
      seed: 21,
      extraSources: async (sandbox) => {
        hubspot = await startHubSpotSandbox(sandbox.dataset);
        billing = await seedBillingDatabase(sandbox.dataset, { connection: TEST_PG, schema: uniqueSchema('c360_it_billing') });
        return {
          sources: [hubspotSourceConfig(hubspot.origin), billing.source],
          env: { HUBSPOT_ACCESS_TOKEN: 'pat-sandbox-hubspot' },
          close: async () => {
            await hubspot.close();
            await billing.drop();
          },
        };
      },
    });
  });
  afterAll(async () => {
    await gw?.close();
  });

  /** A person held by all five systems, with email and phone in HubSpot and billing. */
  function everywhere() {
    const { dataset } = gw.sandbox;
    const contacts = new Map(hubspot.portal.contacts.map((c) => [c.id, c]));
    for (const person of dataset.people) {
      if (person.systems.length !== 3 || person.email === null) continue;
      const inSystem = (system: string) => dataset.truth.filter((t) => t.personId === person.personId && t.system === system);
      const hub = hubspot.portal.truth.find((t) => t.personId === person.personId);
      const bill = billing.truth.find((t) => t.personId === person.personId);
      if (!hub || !bill || !contacts.get(hub.id)!.properties.email || (billing.invoiceCounts.get(bill.id) ?? 0) === 0) continue;
      if (inSystem('salesforce').length !== 1) continue;
      return { person, salesforce: inSystem('salesforce')[0]!.id, hubspot: hub.id, billing: bill.id };
    }
    throw new Error('no person in all five systems in this dataset');
  }

  it('resolves a Salesforce contact to one customer whose links include the HubSpot contact and the billing account', async () => {
    const who = everywhere();
    const res = await gw.gql<CustomerData>(CUSTOMER, { source: 'salesforce', id: who.salesforce });
    expect(res.errors).toBeUndefined();
    const customer = res.data!.customerBySource!;
    const sources = new Set(customer.identity.links.map((l) => l.source));
    expect([...sources].sort()).toEqual(['billing', 'hubspot', 'salesforce', 'shopify', 'zendesk']);
    expect(customer.identity.links).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'hubspot', id: who.hubspot }), expect.objectContaining({ source: 'billing', id: who.billing })]));
    // Billing invoices are orders of the same customer, next to Shopify's.
    const invoices = customer.orders.nodes.filter((o) => o.source === 'billing');
    expect(invoices).toHaveLength(billing.invoiceCounts.get(who.billing)!);
    expect(invoices[0]!.total.currencyCode).toBe('USD');
    expect(customer.profile.birthDate.value).toBe(who.person.birthDate);
  });

  it('reaches the same customer from the HubSpot contact and from the billing account', async () => {
    const who = everywhere();
    const fromSalesforce = await gw.gql<CustomerData>(CUSTOMER, { source: 'salesforce', id: who.salesforce });
    const fromHubspot = await gw.gql<CustomerData>(CUSTOMER, { source: 'hubspot', id: who.hubspot });
    const fromBilling = await gw.gql<CustomerData>(CUSTOMER, { source: 'billing', id: who.billing });
    expect(fromHubspot.errors).toBeUndefined();
    expect(fromBilling.errors).toBeUndefined();
    expect(fromHubspot.data!.customerBySource!.id).toBe(fromSalesforce.data!.customerBySource!.id);
    expect(fromBilling.data!.customerBySource!.id).toBe(fromSalesforce.data!.customerBySource!.id);
  });

  it('serves HubSpot stale from the record cache during its outage, reporting its code, and billing live', async () => {
    const who = everywhere();
    hubspot.addFault({ fault: { kind: 'preset', preset: 'serverError' } });
    try {
      const res = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', ...gw.authHeaders }, body: JSON.stringify({ query: CUSTOMER, variables: { source: 'billing', id: who.billing } }) });
      const body = (await res.json()) as { data: CustomerData; errors?: Array<{ extensions: { code: string; source?: string } }>; extensions?: { sources?: Array<{ name: string; status: string; errorCode?: string }> } };
      expect(body.data.customerBySource!.orders.nodes.some((o) => o.source === 'billing')).toBe(true);
      const status = new Map((body.extensions?.sources ?? []).map((s) => [s.name, s]));
      expect(status.get('billing')?.status).toBe('OK');
      // The earlier tests read this contact, so the unchanged resilience layer's stale-if-error cache covers it.
      expect(status.get('hubspot')).toMatchObject({ status: 'STALE', errorCode: 'SOURCE_UNAVAILABLE' });
      expect(body.data.customerBySource!.identity.links.some((l) => l.source === 'hubspot' && l.id === who.hubspot)).toBe(true);
      expect(hubspot.requests().filter((r) => r.status === 500).length).toBeGreaterThan(0);
    } finally {
      hubspot.clearFaults();
    }
  });
});
