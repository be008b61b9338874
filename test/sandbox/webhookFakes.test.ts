import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/sandbox/dataset/index.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';

/** A receiver standing in for the gateway: records every delivery with its raw body. */
interface Received {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

let sandbox: Sandbox;
let receiver: http.Server;
const received: Received[] = [];
const SECRET = { shopify: 'sandbox-shopify-webhook-secret', zendesk: 'sandbox-zendesk-webhook-secret', salesforce: 'sandbox-salesforce-webhook-secret' };

beforeAll(async () => {
  sandbox = await startSandbox({ dataset: generateDataset({ size: 40, seed: 11 }) });
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  sandbox.sendWebhooksTo(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}`);
});
afterAll(async () => {
  await sandbox?.close();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});
beforeEach(() => {
  received.length = 0;
});

async function idle(): Promise<void> {
  await Promise.all([sandbox.shopify.webhooks.idle(), sandbox.zendesk.webhooks.idle(), sandbox.salesforce.webhooks.idle()]);
}

const ZENDESK_AUTH = `Basic ${Buffer.from('agent@sandbox.example/token:sandbox-zendesk-token').toString('base64')}`;

describe('sandbox fakes: Shopify PUT customers/{id}.json', () => {
  const put = (id: number | string, body: unknown) =>
    fetch(`${sandbox.shopify.origin}/admin/api/2025-10/customers/${id}.json`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-shopify-access-token': 'shpat_sandbox' }, body: JSON.stringify(body) });

  it('changes the customer as the GraphQL Admin API then reads it, and sends a signed customers/update webhook', async () => {
    const customer = sandbox.dataset.shopify.customers[0]!;
    const res = await put(customer.id, { customer: { first_name: 'Rosalind', tags: 'vip, webhook' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { customer: Record<string, unknown> };
    expect(body.customer).toMatchObject({ id: customer.id, first_name: 'Rosalind', last_name: customer.lastName, tags: 'vip, webhook', admin_graphql_api_id: `gid://shopify/Customer/${customer.id}` });
    const gql = await fetch(`${sandbox.shopify.origin}/admin/api/2025-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': 'shpat_sandbox' },
      body: JSON.stringify({ query: `{ customer(id: "gid://shopify/Customer/${customer.id}") { firstName tags } }` }),
    });
    expect(((await gql.json()) as { data: { customer: unknown } }).data.customer).toEqual({ firstName: 'Rosalind', tags: ['vip', 'webhook'] });
    // The dataset the sandbox was started with is not modified.
    expect(sandbox.dataset.shopify.customers[0]!.firstName).toBe(customer.firstName);
    await idle();
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery!.path).toBe('/webhooks/shopify');
    expect(delivery!.headers['x-shopify-topic']).toBe('customers/update');
    expect(delivery!.headers['x-shopify-hmac-sha256']).toBe(createHmac('sha256', SECRET.shopify).update(delivery!.body).digest('base64'));
    expect(delivery!.headers['x-shopify-webhook-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(String(delivery!.headers['x-shopify-triggered-at']))).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.parse(delivery!.body)).toEqual(body.customer);
  });

  it('answers in Shopify\'s error shapes and sends nothing for a refused change', async () => {
    const [a, b] = sandbox.dataset.shopify.customers.filter((c) => c.email !== null);
    expect((await put(999_999_999, { customer: { first_name: 'X' } })).status).toBe(404);
    const taken = await put(a!.id, { customer: { email: b!.email!.toUpperCase() } });
    expect(taken.status).toBe(422);
    expect(await taken.json()).toEqual({ errors: { email: ['has already been taken'] } });
    const missing = await put(a!.id, { first_name: 'X' });
    expect(missing.status).toBe(400);
    const unauthorised = await fetch(`${sandbox.shopify.origin}/admin/api/2025-10/customers/${a!.id}.json`, { method: 'PUT', body: '{}' });
    expect(unauthorised.status).toBe(401);
    await idle();
    expect(received).toHaveLength(0);
  });
});

describe('sandbox fakes: Shopify customerUpdate mutation', () => {
  const mutate = (input: Record<string, unknown>) =>
    fetch(`${sandbox.shopify.origin}/admin/api/2025-10/graphql.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': 'shpat_sandbox' },
      body: JSON.stringify({ query: 'mutation($input: CustomerInput!) { customerUpdate(input: $input) { customer { id lastName email } userErrors { field message } } }', variables: { input } }),
    }).then(async (res) => (await res.json()) as { data: { customerUpdate: { customer: Record<string, unknown> | null; userErrors: Array<{ field: string[]; message: string }> } }; extensions: { cost: { requestedQueryCost: number } } });

  it('changes the customer, answers it with no userErrors and a mutation cost of 10, and sends customers/update', async () => {
    const customer = sandbox.dataset.shopify.customers[2]!;
    const answer = await mutate({ id: `gid://shopify/Customer/${customer.id}`, lastName: 'Mutated' });
    expect(answer.data.customerUpdate).toEqual({ customer: { id: `gid://shopify/Customer/${customer.id}`, lastName: 'Mutated', email: customer.email }, userErrors: [] });
    expect(answer.extensions.cost.requestedQueryCost).toBe(10);
    await idle();
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ id: customer.id, last_name: 'Mutated' });
    expect(received[0]!.headers['x-shopify-hmac-sha256']).toBe(createHmac('sha256', SECRET.shopify).update(received[0]!.body).digest('base64'));
  });

  it('reports an unknown customer or a taken email as userErrors and sends nothing', async () => {
    const [a, b] = sandbox.dataset.shopify.customers.filter((c) => c.email !== null).slice(3);
    expect((await mutate({ id: 'gid://shopify/Customer/999999999', lastName: 'X' })).data.customerUpdate).toEqual({ customer: null, userErrors: [{ field: ['id'], message: 'Customer does not exist' }] });
    expect((await mutate({ id: `gid://shopify/Customer/${a!.id}`, email: b!.email })).data.customerUpdate.userErrors).toEqual([{ field: ['email'], message: 'Email has already been taken' }]);
    await idle();
    expect(received).toHaveLength(0);
  });
});

describe('sandbox fakes: Zendesk PUT users/{id} and tickets/{id}', () => {
  const put = (path: string, body: unknown) => fetch(`${sandbox.zendesk.origin}/api/v2/${path}`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: ZENDESK_AUTH }, body: JSON.stringify(body) });

  it('updates a user, shows it on GET, and sends one signed event per kind of change', async () => {
    const user = sandbox.dataset.zendesk.users[0]!;
    const res = await put(`users/${user.id}.json`, { user: { name: 'Imogen Webhook', email: 'imogen.webhook@example.org' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: Record<string, unknown> }).user).toMatchObject({ id: user.id, name: 'Imogen Webhook', email: 'imogen.webhook@example.org' });
    const shown = await fetch(`${sandbox.zendesk.origin}/api/v2/users/${user.id}.json`, { headers: { authorization: ZENDESK_AUTH } });
    expect(((await shown.json()) as { user: { name: string } }).user.name).toBe('Imogen Webhook');
    await idle();
    expect(received.map((r) => (JSON.parse(r.body) as { type: string }).type).sort()).toEqual(['zen:event-type:user.identity_changed', 'zen:event-type:user.name_changed']);
    for (const delivery of received) {
      const timestamp = String(delivery.headers['x-zendesk-webhook-signature-timestamp']);
      expect(delivery.headers['x-zendesk-webhook-signature']).toBe(createHmac('sha256', SECRET.zendesk).update(timestamp + delivery.body).digest('base64'));
      expect(JSON.parse(delivery.body)).toMatchObject({ detail: { id: String(user.id), email: 'imogen.webhook@example.org' }, subject: `zen:user:${user.id}` });
    }
  });

  it('updates a ticket and names its requester in the event; refuses a bad status with 422 RecordInvalid', async () => {
    const ticket = sandbox.dataset.zendesk.tickets.find((t) => t.status !== 'closed')!;
    const next = ticket.status === 'solved' ? 'open' : 'solved';
    const res = await put(`tickets/${ticket.id}.json`, { ticket: { status: next } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ticket: { status: string } }).ticket.status).toBe(next);
    const bad = await put(`tickets/${ticket.id}.json`, { ticket: { status: 'exploded' } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: string }).error).toBe('RecordInvalid');
    expect((await put('users/1.json', { user: { name: 'Nobody' } })).status).toBe(404);
    await idle();
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ type: 'zen:event-type:ticket.status_changed', detail: { requester_id: String(ticket.requesterId) } });
  });
});

describe('sandbox fakes: Salesforce PATCH sobjects/Contact/{id}', () => {
  const patch = (id: string, body: unknown, type = 'Contact') =>
    fetch(`${sandbox.salesforce.origin}/services/data/v63.0/sobjects/${type}/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: 'Bearer sandbox-salesforce-token' }, body: JSON.stringify(body) });

  it('answers 204, the record reads back changed, and a signed CDC event is relayed', async () => {
    const contact = sandbox.dataset.salesforce.contacts[0]!;
    const res = await patch(contact.id, { FirstName: 'Beatrix', Email: 'beatrix@example.org' });
    expect(res.status).toBe(204);
    const read = await fetch(`${sandbox.salesforce.origin}/services/data/v63.0/sobjects/Contact/${contact.id}`, { headers: { authorization: 'Bearer sandbox-salesforce-token' } });
    expect(await read.json()).toMatchObject({ FirstName: 'Beatrix', Email: 'beatrix@example.org', Name: `Beatrix ${contact.lastName}` });
    await idle();
    expect(received).toHaveLength(1);
    const delivery = received[0]!;
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(delivery.headers['x-c360-signature']))!;
    expect(v1).toBe(createHmac('sha256', SECRET.salesforce).update(`${t}.${delivery.body}`).digest('hex'));
    expect(JSON.parse(delivery.body)).toMatchObject({ ChangeEventHeader: { entityName: 'Contact', recordIds: [contact.id], changeType: 'UPDATE', changedFields: ['FirstName', 'Email', 'LastModifiedDate'] }, FirstName: 'Beatrix' });
  });

  it('answers Salesforce errors for unknown fields, read-only fields and bad ids', async () => {
    const contact = sandbox.dataset.salesforce.contacts[1]!;
    const unknown = await patch(contact.id, { Nickname__c: 'x' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as Array<{ errorCode: string }>)[0]!.errorCode).toBe('INVALID_FIELD');
    const readOnly = await patch(contact.id, { CreatedDate: '2020-01-01T00:00:00Z' });
    expect(((await readOnly.json()) as Array<{ errorCode: string }>)[0]!.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    const badId = await patch('001000000000001', { FirstName: 'x' });
    expect(((await badId.json()) as Array<{ errorCode: string }>)[0]!.errorCode).toBe('MALFORMED_ID');
    await idle();
    expect(received).toHaveLength(0);
  });
});
