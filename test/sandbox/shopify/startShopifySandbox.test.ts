import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../../../src/sandbox/fakeTypes.js';
import { startShopifySandbox } from '../../../src/sandbox/shopify/index.js';
import { ANA, BULK_IDS, JANE, shopifyFixture } from './shopifyFixture.js';

const TOKEN = 'shpat_sandbox';
const PATH = '/admin/api/2025-10/graphql.json';

interface GraphqlBody {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary GraphQL data
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> | string;
  extensions?: { cost: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } } };
}

async function post(server: FakeServer, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = { 'x-shopify-access-token': TOKEN }, path = PATH) {
  const res = await fetch(`${server.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GraphqlBody };
}

describe('startShopifySandbox: GraphQL Admin endpoint', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startShopifySandbox(shopifyFixture());
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('answers data with a live cost extension', async () => {
    const { status, body, headers } = await post(server, '{ customers(first: 30) { nodes { id } } }');
    expect(status).toBe(200);
    expect(body.data?.['customers'].nodes).toHaveLength(24);
    expect(body.extensions?.cost).toMatchObject({ requestedQueryCost: 32, actualQueryCost: 26, throttleStatus: { maximumAvailable: 2000, restoreRate: 100 } });
    // The charge shows; the bucket refills 100/s meanwhile, so on a slow machine a few points are back already.
    expect(body.extensions?.cost.throttleStatus.currentlyAvailable).toBeLessThan(2000);
    expect(body.extensions?.cost.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(2000 - 26);
    expect(headers.get('x-shopify-api-version')).toBe('2025-10');
    expect(server.requests().map((r) => r.route)).toEqual(['graphql']);
  });

  it('renders customers with Shopify field names and formats', async () => {
    const { body } = await post(
      server,
      `query($id: ID!) { customer(id: $id) { id legacyResourceId displayName email defaultEmailAddress { emailAddress marketingState }
        defaultPhoneNumber { phoneNumber } numberOfOrders amountSpent { amount currencyCode } createdAt state tags verifiedEmail
        defaultAddress { address1 city provinceCode zip countryCodeV2 } } }`,
      { id: `gid://shopify/Customer/${JANE}` },
    );
    expect(body.data?.['customer']).toEqual({
      id: `gid://shopify/Customer/${JANE}`,
      legacyResourceId: String(JANE),
      displayName: 'Jane Doe',
      email: ' Jane@Example.com ',
      defaultEmailAddress: { emailAddress: ' Jane@Example.com ', marketingState: 'SUBSCRIBED' },
      defaultPhoneNumber: { phoneNumber: '+14155551212' },
      numberOfOrders: '3',
      amountSpent: { amount: '66.00', currencyCode: 'USD' },
      createdAt: '2024-01-01T10:00:00Z',
      state: 'ENABLED',
      tags: ['vip'],
      verifiedEmail: true,
      defaultAddress: { address1: '1 Market St', city: 'San Francisco', provinceCode: 'CA', zip: '94105', countryCodeV2: 'US' },
    });
  });

  it('searches customers with the query syntax', async () => {
    const query = 'query($q: String!) { customers(first: 50, query: $q) { nodes { legacyResourceId } } }';
    const ids = async (q: string) => ((await post(server, query, { q })).body.data?.['customers'].nodes as Array<{ legacyResourceId: string }>).map((n) => Number(n.legacyResourceId));
    expect(await ids('email:"JANE@example.com"')).toEqual([JANE]);
    expect(await ids('phone:"+1 (212) 555-0123"')).toEqual([ANA]);
    expect(await ids('email:jane@example.com OR email:john.smith@example.com')).toEqual([JANE, 1002]);
    expect(await ids('last_name:Buyer')).toEqual(BULK_IDS);
    expect(await ids('last_name:Buyer -id:<2019')).toEqual([2019, 2020]);
  });

  it('pages with opaque cursors to the end', async () => {
    const query = 'query($after: String) { customers(first: 10, after: $after, sortKey: ID) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }';
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { body } = await post(server, query, { after });
      const connection = body.data?.['customers'];
      seen.push(...connection.edges.map((e: { node: { id: string } }) => e.node.id));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      pages += 1;
    } while (after !== null);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(24);
  });

  it('serves orders newest first, filtered by customer_id', async () => {
    const { body } = await post(server, `{ orders(first: 10, query: "customer_id:${ANA}", sortKey: CREATED_AT, reverse: true) { nodes { name lineItems(first: 10) { nodes { sku } } } } }`);
    const nodes = body.data?.['orders'].nodes as Array<{ name: string; lineItems: { nodes: unknown[] } }>;
    expect(nodes.map((n) => n.name)).toEqual(['#5107', '#5106', '#5105', '#5104', '#5103', '#5102', '#5101']);
    expect(nodes[4]?.lineItems.nodes).toHaveLength(8);
  });

  it('answers nodes with null for unknown ids, in order', async () => {
    const { body } = await post(server, `{ nodes(ids: ["gid://shopify/Customer/${JANE}", "gid://shopify/Customer/1", "gid://shopify/Order/5001"]) { __typename id } }`);
    expect(body.data?.['nodes']).toEqual([{ __typename: 'Customer', id: `gid://shopify/Customer/${JANE}` }, null, { __typename: 'Order', id: 'gid://shopify/Order/5001' }]);
  });

  it('reports validation errors with HTTP 200 and no data, the same on a repeat (documents are cached by text)', async () => {
    for (let i = 0; i < 2; i += 1) {
      const { status, body } = await post(server, '{ customers(first: 1) { nodes { favouriteColour } } }');
      expect(status).toBe(200);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([expect.objectContaining({ message: 'Cannot query field "favouriteColour" on type "Customer".' })]);
    }
    // A repeated valid document still executes against its own variables.
    const byId = async (id: number) => (await post(server, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [`gid://shopify/Customer/${id}`] })).body.data?.['nodes'];
    expect(await byId(JANE)).toEqual([{ id: `gid://shopify/Customer/${JANE}` }]);
    expect(await byId(1)).toEqual([null]);
  });

  it('rejects first above 250 before executing', async () => {
    const { status, body } = await post(server, '{ customers(first: 251) { nodes { id } } }');
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([expect.objectContaining({ message: 'first cannot exceed 250', path: ['customers'] })]);
  });

  it('requires first or last on a connection', async () => {
    const { body } = await post(server, '{ customers(query: "tag:vip") { nodes { id } } }');
    expect(body.errors).toEqual([expect.objectContaining({ message: 'you must provide one of first or last' })]);
  });

  it('rejects a query costing more than 1000 with MAX_COST_EXCEEDED', async () => {
    const { status, body } = await post(server, '{ customers(first: 250) { nodes { orders(first: 10) { nodes { id } } } } }');
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    const [error] = body.errors as Array<{ message: string; extensions: Record<string, unknown> }>;
    expect(error?.extensions).toEqual({ code: 'MAX_COST_EXCEEDED', cost: 3252, maxCost: 1000 });
    expect(error?.message).toMatch(/^Query cost is 3252, which exceeds the single query max cost limit \(1000\)/);
    expect(body.extensions?.cost).toMatchObject({ requestedQueryCost: 3252, actualQueryCost: null });
  });

  it('accepts a raw application/graphql body and refuses a body without a query', async () => {
    const raw = await fetch(`${server.origin}${PATH}`, { method: 'POST', headers: { 'content-type': 'application/graphql', 'x-shopify-access-token': TOKEN }, body: '{ customers(first: 1) { nodes { id } } }' });
    expect(((await raw.json()) as GraphqlBody).data?.['customers'].nodes).toHaveLength(1);
    const empty = await fetch(`${server.origin}${PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-access-token': TOKEN }, body: '{}' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ errors: { query: 'Required parameter missing or invalid' } });
  });
});

describe('startShopifySandbox: auth and paths', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startShopifySandbox(shopifyFixture(), { accessToken: 'shpat_other' });
  });
  afterAll(() => server.close());

  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-shopify-access-token': TOKEN }],
  ])('answers 401 with %s', async (_name, headers) => {
    const { status, body } = await post(server, '{ customers(first: 1) { nodes { id } } }', {}, headers);
    expect(status).toBe(401);
    expect(body).toEqual({ errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
  });

  it('answers 404 Not Found for an unknown path', async () => {
    const { status, body } = await post(server, '{ shop { name } }', {}, { 'x-shopify-access-token': 'shpat_other' }, '/admin/api/2025-10/products.json');
    expect(status).toBe(404);
    expect(body).toEqual({ errors: 'Not Found' });
  });

  it('serves the unstable version', async () => {
    const { status } = await post(server, '{ customers(first: 1) { nodes { id } } }', {}, { 'x-shopify-access-token': 'shpat_other' }, '/admin/api/unstable/graphql.json');
    expect(status).toBe(200);
  });
});

describe('startShopifySandbox: throttling', () => {
  it('answers THROTTLED when the bucket holds less than the requested cost', async () => {
    const server = await startShopifySandbox(shopifyFixture(), { bucketSize: 60, restoreRate: 1 });
    try {
      const query = '{ customers(first: 24) { nodes { id } } }';
      expect((await post(server, query)).body.extensions?.cost.actualQueryCost).toBe(26);
      expect((await post(server, query)).body.data).toBeDefined();
      const { status, body } = await post(server, query);
      expect(status).toBe(200);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }]);
      expect(body.extensions?.cost).toEqual({
        requestedQueryCost: 26,
        actualQueryCost: null,
        throttleStatus: { maximumAvailable: 60, currentlyAvailable: 8, restoreRate: 1 },
      });
    } finally {
      await server.close();
    }
  });

  it('refunds the unused part of the requested cost', async () => {
    const server = await startShopifySandbox(shopifyFixture(), { bucketSize: 300, restoreRate: 1 });
    try {
      const { body } = await post(server, '{ customers(first: 250, query: "email:nobody@example.com") { nodes { id } } }');
      expect(body.extensions?.cost).toMatchObject({ requestedQueryCost: 252, actualQueryCost: 3 });
      expect(body.extensions?.cost.throttleStatus.currentlyAvailable).toBe(297);
    } finally {
      await server.close();
    }
  });
});

describe('startShopifySandbox: fault presets', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startShopifySandbox(shopifyFixture());
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('throttle answers 200 THROTTLED needing one second of restore', async () => {
    server.addFault({ fault: { kind: 'preset', preset: 'throttle' } });
    const { status, body } = await post(server, '{ customers(first: 1) { nodes { id } } }');
    expect(status).toBe(200);
    expect((body.errors as Array<{ extensions?: Record<string, unknown> }>)[0]?.extensions?.['code']).toBe('THROTTLED');
    const cost = body.extensions?.cost;
    expect(cost?.actualQueryCost).toBeNull();
    expect(((cost?.requestedQueryCost ?? 0) - (cost?.throttleStatus.currentlyAvailable ?? 0)) / (cost?.throttleStatus.restoreRate ?? 1)).toBe(1);
  });

  it('serverError answers 500 INTERNAL_SERVER_ERROR with a request id', async () => {
    server.addFault({ fault: { kind: 'preset', preset: 'serverError' } });
    const { status, body } = await post(server, '{ customers(first: 1) { nodes { id } } }');
    expect(status).toBe(500);
    expect((body.errors as Array<{ extensions?: Record<string, unknown> }>)[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: '1b355a21-7117-44c5-8d8b-8948082f40a8' });
  });

  it('unavailable answers 503', async () => {
    server.addFault({ fault: { kind: 'preset', preset: 'unavailable' } });
    const { status, body } = await post(server, '{ customers(first: 1) { nodes { id } } }');
    expect(status).toBe(503);
    expect(body).toEqual({ errors: 'Service Unavailable' });
  });
});

describe('startShopifySandbox: options', () => {
  it.each([
    ['port', { port: -1 }],
    ['host', { host: '' }],
    ['accessToken', { accessToken: '' }],
    ['bucketSize', { bucketSize: 0 }],
    ['restoreRate', { restoreRate: Number.NaN }],
  ])('rejects a bad %s with a TypeError naming it', async (name, options) => {
    await expect(startShopifySandbox(shopifyFixture(), options)).rejects.toThrow(new RegExp(`^startShopifySandbox: ${name} is invalid`));
  });
});
