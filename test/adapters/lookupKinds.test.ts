import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../src/adapters/http.js';
import { createSalesforceAdapter, salesforceHeaders } from '../../src/adapters/salesforce/index.js';
import { createShopifyAdapter, shopifyHeaders } from '../../src/adapters/shopify/index.js';
import type { BlockingKey, SourceAdapter } from '../../src/adapters/types.js';
import { createZendeskAdapter, zendeskHeaders } from '../../src/adapters/zendesk/index.js';
import { SANDBOX_CREDENTIALS, startSandbox, type Sandbox } from '../../src/sandbox/index.js';

let sandbox: Sandbox;
const clients: HttpClient[] = [];
let shopify: SourceAdapter;
let salesforce: SourceAdapter;
let zendesk: SourceAdapter;

function client(source: string, baseUrl: string, headers: Record<string, string>): HttpClient {
  const http = createHttpClient({ source, baseUrl, headers, timeoutMs: 3_000 });
  clients.push(http);
  return http;
}

beforeAll(async () => {
  sandbox = await startSandbox({ size: 80, seed: 14 });
  shopify = createShopifyAdapter({ name: 'shopify', http: client('shopify', sandbox.shopify.origin, shopifyHeaders(SANDBOX_CREDENTIALS.shopify)) });
  salesforce = createSalesforceAdapter({ name: 'salesforce', http: client('salesforce', sandbox.salesforce.origin, salesforceHeaders(SANDBOX_CREDENTIALS.salesforce)) });
  zendesk = createZendeskAdapter({ name: 'zendesk', http: client('zendesk', sandbox.zendesk.origin, zendeskHeaders(SANDBOX_CREDENTIALS.zendesk)) });
});
afterAll(async () => {
  for (const http of clients) http.close();
  await sandbox.close();
});
beforeEach(() => {
  sandbox.shopify.reset();
  sandbox.salesforce.reset();
  sandbox.zendesk.reset();
});

const ids = (slot: unknown): string[] => {
  if (slot instanceof Error) throw slot;
  return (slot as Array<{ ref: { id: string } }>).map((r) => r.ref.id);
};

describe('lookup kinds: Shopify orderNumber', () => {
  it('answers each order number, with or without #, with its customer in one orders(query:) call', async () => {
    const [a, b] = sandbox.dataset.shopify.orders;
    const keys: BlockingKey[] = [
      { kind: 'orderNumber', value: a!.name },
      { kind: 'orderNumber', value: b!.name.slice(1) },
      { kind: 'orderNumber', value: '#999999' },
      { kind: 'orderNumber', value: 'not an order' },
    ];
    const results = await shopify.search(keys, {});
    expect(results.map(ids)).toEqual([[String(a!.customerId)], [String(b!.customerId)], [], []]);
    const calls = sandbox.shopify.requests().map((r) => (JSON.parse(r.body) as { operationName: string; variables: { query: string } }));
    expect(calls.map((c) => c.operationName)).toEqual(['C360OrderOwners']);
    expect(calls[0]!.variables.query).toBe(`name:"${a!.name.slice(1)}" OR name:"${b!.name.slice(1)}" OR name:"999999"`);
  });

  it('serves email keys beside order numbers in the same batch', async () => {
    const customer = sandbox.dataset.shopify.customers.find((c) => c.email)!;
    const order = sandbox.dataset.shopify.orders[0]!;
    const results = await shopify.search([{ kind: 'email', value: customer.email!.toLowerCase() }, { kind: 'orderNumber', value: order.name }], {});
    expect(ids(results[0])).toContain(String(customer.id));
    expect(ids(results[1])).toEqual([String(order.customerId)]);
    expect(shopify.capabilities.lookupKinds).toEqual(['orderNumber']);
  });
});

describe('lookup kinds: Zendesk ticketNumber', () => {
  it('answers ticket ids with the requester through tickets/show_many then users/show_many', async () => {
    const [t1, t2] = sandbox.dataset.zendesk.tickets;
    const results = await zendesk.search([{ kind: 'ticketNumber', value: String(t1!.id) }, { kind: 'ticketNumber', value: `#${t2!.id}` }, { kind: 'ticketNumber', value: '1' }], {});
    expect(results.map(ids)).toEqual([[String(t1!.requesterId)], [String(t2!.requesterId)], []]);
    const paths = sandbox.zendesk.requests().map((r) => r.path);
    expect(paths).toEqual(['/api/v2/tickets/show_many.json', '/api/v2/users/show_many.json']);
  });

  it('fails only the ticket keys when tickets/show_many fails', async () => {
    sandbox.zendesk.addFault({ match: { path: '^/api/v2/tickets/show_many' }, fault: { kind: 'status', status: 503 } });
    const results = await zendesk.search([{ kind: 'ticketNumber', value: String(sandbox.dataset.zendesk.tickets[0]!.id) }], {});
    expect(results[0]).toBeInstanceOf(Error);
  });
});

describe('lookup kinds: Salesforce ticketNumber (CaseNumber)', () => {
  it('answers case numbers, zero padding optional, with the case contact in one SOQL plus one collections call', async () => {
    const [c1, c2] = sandbox.dataset.salesforce.cases;
    const unpadded = String(Number(c1!.caseNumber));
    const results = await salesforce.search([{ kind: 'ticketNumber', value: unpadded }, { kind: 'ticketNumber', value: c2!.caseNumber }, { kind: 'ticketNumber', value: 'abc' }], {});
    expect(results.map(ids)).toEqual([[c1!.contactId], [c2!.contactId], []]);
    const requests = sandbox.salesforce.requests();
    expect(requests).toHaveLength(2);
    expect(requests[0]!.query['q']).toContain(`CaseNumber IN ('${c1!.caseNumber}', '${c2!.caseNumber}')`);
    expect(requests[1]!.path).toMatch(/composite\/sobjects\/Contact/);
  });
});
