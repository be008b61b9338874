import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findShowcasePerson, type ShowcasePerson } from '../../src/sandbox/dataset/index.js';
import { SANDBOX_WEBHOOK_SECRETS } from '../../src/sandbox/index.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

// The sources' record caches serve for a minute, so only a webhook can make a vendor change visible sooner:
// what these tests show is the webhook, not a live read.
let t: TestGateway;
let show: ShowcasePerson;
let origin: string;

beforeAll(async () => {
  t = await startTestGateway({ size: 200, seed: 7, policies: { cache: { ttlMs: 60_000, staleWindowMs: 0 } }, webhooks: { shopify: {}, zendesk: {}, salesforce: {} } });
  show = findShowcasePerson(t.sandbox.dataset);
  origin = new URL(t.url).origin;
});
afterAll(async () => {
  await t?.close();
});

const BY_SOURCE = `query($source: String!, $id: ID!) { customerBySource(source: $source, id: $id) {
  names { full sources { source id } } emails { value sources { source id } } identity { links { source id } } } }`;
interface BySource {
  customerBySource: null | { names: Array<{ full: string; sources: Array<{ source: string; id: string }> }>; emails: Array<{ value: string; sources: Array<{ source: string; id: string }> }>; identity: { links: Array<{ source: string; id: string }> } };
}

/** The full names the answer shows for one source record. */
async function namesOf(source: string, id: string): Promise<string[]> {
  const res = await t.gql<BySource>(BY_SOURCE, { source, id });
  expect(res.errors).toBeUndefined();
  return res.data!.customerBySource!.names.filter((n) => n.sources.some((s) => s.source === source && s.id === id)).map((n) => n.full);
}

/** Polls until `check` passes; returns how long it took. A loaded machine gets 10 s; the figure is reported. */
async function within<T>(read: () => Promise<T>, check: (value: T) => boolean, limitMs = 10_000): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  for (;;) {
    const value = await read();
    if (check(value)) return { value, ms: performance.now() - started };
    if (performance.now() - started > limitMs) return { value, ms: Number.POSITIVE_INFINITY };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function shopifyPut(id: number, customer: Record<string, unknown>): Promise<Response> {
  return fetch(`${t.sandbox.shopify.origin}/admin/api/2025-10/customers/${id}.json`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-shopify-access-token': 'shpat_sandbox' }, body: JSON.stringify({ customer }) });
}

function postWebhook(vendor: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${origin}/webhooks/${vendor}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

function shopifyHeaders(body: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'x-shopify-topic': 'customers/update',
    'x-shopify-hmac-sha256': createHmac('sha256', SANDBOX_WEBHOOK_SECRETS.shopify).update(body).digest('base64'),
    'x-shopify-webhook-id': randomUUID(),
    'x-shopify-triggered-at': new Date().toISOString(),
    ...overrides,
  };
}

async function errorCode(res: Response): Promise<string> {
  const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
  return body.errors[0]!.extensions.code;
}

describe('change webhooks: a vendor change reaches the next answer', () => {
  it('Shopify customers/update from the fake refreshes the cached name', async () => {
    const id = String(show.customer.id);
    const before = await namesOf('shopify', id);
    expect(before.length).toBe(1);
    const put = await shopifyPut(show.customer.id, { first_name: 'Zebulon' });
    expect(put.status).toBe(200);
    const seen = await within(() => namesOf('shopify', id), (names) => names.some((n) => n.startsWith('Zebulon')));
    expect(seen.value.some((n) => n.startsWith('Zebulon'))).toBe(true);
    console.info(`webhook refresh (Shopify name): ${seen.ms.toFixed(0)} ms from the vendor's answer to the new value in the 360 answer`);
    await t.sandbox.shopify.webhooks.idle();
    const delivery = t.sandbox.shopify.webhooks.deliveries().at(-1)!;
    expect(delivery.status).toBe(200);
    expect(delivery.headers['x-shopify-topic']).toBe('customers/update');
  });

  it('a forged signature gets 401 and the cached answer stays as it was', async () => {
    const id = String(show.customer.id);
    await namesOf('shopify', id);
    t.sandbox.sendWebhooksTo(null);
    try {
      expect((await shopifyPut(show.customer.id, { first_name: 'Quentin' })).status).toBe(200);
      const body = JSON.stringify({ id: show.customer.id, admin_graphql_api_id: `gid://shopify/Customer/${show.customer.id}` });
      const forged = await postWebhook('shopify', body, shopifyHeaders(body, { 'x-shopify-hmac-sha256': createHmac('sha256', 'not-the-secret-at-all').update(body).digest('base64') }));
      expect(forged.status).toBe(401);
      expect(await errorCode(forged)).toBe('WEBHOOK_SIGNATURE_INVALID');
      const missing = await postWebhook('shopify', body, { 'x-shopify-topic': 'customers/update' });
      expect(missing.status).toBe(401);
      // The change in the vendor stays invisible: the cache was not touched.
      expect((await namesOf('shopify', id)).some((n) => n.startsWith('Quentin'))).toBe(false);
      // The same body correctly signed is accepted, and the next answer has the new name at once.
      const signed = await postWebhook('shopify', body, shopifyHeaders(body));
      expect(signed.status).toBe(200);
      expect(await signed.json()).toEqual({ accepted: true, source: 'shopify', records: 1 });
      expect((await namesOf('shopify', id)).some((n) => n.startsWith('Quentin'))).toBe(true);
    } finally {
      t.sandbox.sendWebhooksTo(origin);
    }
  });

  it('an email change drops the crosswalk entry of the new email, so a lookup by it finds the customer', async () => {
    const fresh = `webhook.${randomUUID().slice(0, 8)}@example.net`;
    const LOOKUP = 'query($q: String!) { customerLookup(query: $q) { status customer { identity { links { source id } } } } }';
    type Lookup = { customerLookup: { status: string; customer: null | { identity: { links: Array<{ source: string; id: string }> } } } };
    const before = await t.gql<Lookup>(LOOKUP, { q: fresh });
    expect(before.data!.customerLookup.status).toBe('NOT_FOUND');
    expect((await shopifyPut(show.customer.id, { email: fresh })).status).toBe(200);
    const seen = await within(() => t.gql<Lookup>(LOOKUP, { q: fresh }), (res) => res.data?.customerLookup.status === 'MATCHED');
    expect(seen.value.data!.customerLookup.customer!.identity.links).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'shopify', id: String(show.customer.id) })]));
  });

  it('Zendesk user update (PUT users/{id}) from the fake refreshes the cached name', async () => {
    const id = String(show.user.id);
    await namesOf('zendesk', id);
    const put = await fetch(`${t.sandbox.zendesk.origin}/api/v2/users/${id}.json`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('agent@sandbox.example/token:sandbox-zendesk-token').toString('base64')}` },
      body: JSON.stringify({ user: { name: 'Ottoline Webhook' } }),
    });
    expect(put.status).toBe(200);
    const seen = await within(() => namesOf('zendesk', id), (names) => names.includes('Ottoline Webhook'));
    expect(seen.value).toContain('Ottoline Webhook');
  });

  it('Salesforce PATCH sobjects/Contact/{id} from the fake, relayed as a signed CDC event, refreshes the cached name', async () => {
    const id = show.contact.id;
    await namesOf('salesforce', id);
    const patch = await fetch(`${t.sandbox.salesforce.origin}/services/data/v63.0/sobjects/Contact/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sandbox-salesforce-token' },
      body: JSON.stringify({ FirstName: 'Philippa' }),
    });
    expect(patch.status).toBe(204);
    const seen = await within(() => namesOf('salesforce', id), (names) => names.some((n) => n.startsWith('Philippa')));
    expect(seen.value.some((n) => n.startsWith('Philippa'))).toBe(true);
  });
});

describe('change webhooks: orders and tickets', () => {
  // metrics reads every order, so the orders are fetched whole and cached (a first page alone is read live:
  // see README "Upstream calls per query").
  const ORDERS_AND_TICKETS = 'query($source: String!, $id: ID!) { customerBySource(source: $source, id: $id) { orders(first: 3) { totalCount } tickets(first: 3) { totalCount } metrics { orderCount } } }';
  const ordersCalls = () => t.sandbox.shopify.requests().filter((r) => /orders\(first: \$ordersFirst/.test(r.body)).length;
  const ticketCalls = () => t.sandbox.zendesk.requests().filter((r) => r.path.endsWith('/tickets/requested.json')).length;

  it('an orders/updated webhook drops the cached orders of the order\'s customer; a ticket event those of its requester', async () => {
    // Someone other than the showcase person (whose records the tests above changed), with orders and tickets.
    const { dataset } = t.sandbox;
    const holder = (system: string, personId: string) => dataset.truth.find((e) => e.system === system && e.personId === personId)?.id;
    const person = dataset.people.find((p) => p.personId !== show.person.personId && [holder('shopify', p.personId), holder('zendesk', p.personId)].every((id) => id !== undefined)
      && dataset.shopify.orders.some((o) => String(o.customerId) === holder('shopify', p.personId)) && dataset.zendesk.tickets.some((tk) => String(tk.requesterId) === holder('zendesk', p.personId)))!;
    const customerId = holder('shopify', person.personId)!;
    const userId = holder('zendesk', person.personId)!;
    const read = () => t.gql<{ customerBySource: { orders: { totalCount: number }; tickets: { totalCount: number } } }>(ORDERS_AND_TICKETS, { source: 'shopify', id: customerId });
    const first = await read();
    expect(first.errors).toBeUndefined();
    expect(first.data!.customerBySource.tickets.totalCount).toBeGreaterThan(0);
    t.clearRequestLogs();
    await read();
    // Cached for a minute: the second answer calls no source for orders or tickets.
    expect([ordersCalls(), ticketCalls()]).toEqual([0, 0]);
    const order = JSON.stringify({ id: 820982911946154500, admin_graphql_api_id: 'gid://shopify/Order/820982911946154500', customer: { id: Number(customerId), admin_graphql_api_id: `gid://shopify/Customer/${customerId}` } });
    const accepted = await postWebhook('shopify', order, shopifyHeaders(order, { 'x-shopify-topic': 'orders/updated' }));
    expect(accepted.status).toBe(200);
    await read();
    expect([ordersCalls(), ticketCalls()]).toEqual([1, 0]);
    const timestamp = new Date().toISOString();
    const ticket = JSON.stringify({ type: 'zen:event-type:ticket.status_changed', id: randomUUID(), detail: { id: '1', requester_id: userId }, event: {} });
    const signature = createHmac('sha256', SANDBOX_WEBHOOK_SECRETS.zendesk).update(timestamp + ticket).digest('base64');
    expect((await postWebhook('zendesk', ticket, { 'x-zendesk-webhook-signature-timestamp': timestamp, 'x-zendesk-webhook-signature': signature })).status).toBe(200);
    await read();
    expect([ordersCalls(), ticketCalls()]).toEqual([1, 1]);
    // A guest order (no customer) changes nobody's answer: acknowledged, nothing dropped.
    const guest = JSON.stringify({ id: 1, customer: null });
    const ignored = await postWebhook('shopify', guest, shopifyHeaders(guest, { 'x-shopify-topic': 'orders/create' }));
    expect(ignored.status).toBe(202);
  });
});

describe('change webhooks: refusals change nothing', () => {
  it('refuses a replayed Shopify delivery id with 409 and a stale X-Shopify-Triggered-At with 401', async () => {
    const body = JSON.stringify({ id: show.customer.id, admin_graphql_api_id: `gid://shopify/Customer/${show.customer.id}` });
    const headers = shopifyHeaders(body);
    expect((await postWebhook('shopify', body, headers)).status).toBe(200);
    const replay = await postWebhook('shopify', body, headers);
    expect(replay.status).toBe(409);
    expect(await errorCode(replay)).toBe('WEBHOOK_REPLAYED');
    const stale = await postWebhook('shopify', body, shopifyHeaders(body, { 'x-shopify-triggered-at': new Date(Date.now() - 3_600_000).toISOString() }));
    expect(stale.status).toBe(401);
    expect(await errorCode(stale)).toBe('WEBHOOK_TIMESTAMP_INVALID');
  });

  it('checks Zendesk signatures over timestamp + body and refuses stale or future timestamps and replayed event ids', async () => {
    const body = JSON.stringify({ type: 'zen:event-type:user.name_changed', id: randomUUID(), detail: { id: String(show.user.id) }, event: {} });
    const sign = (timestamp: string, secret: string = SANDBOX_WEBHOOK_SECRETS.zendesk) => ({ 'x-zendesk-webhook-signature-timestamp': timestamp, 'x-zendesk-webhook-signature': createHmac('sha256', secret).update(timestamp + body).digest('base64') });
    const now = new Date().toISOString();
    const bodyOnly = await postWebhook('zendesk', body, { 'x-zendesk-webhook-signature-timestamp': now, 'x-zendesk-webhook-signature': createHmac('sha256', SANDBOX_WEBHOOK_SECRETS.zendesk).update(body).digest('base64') });
    expect(bodyOnly.status).toBe(401);
    expect(await errorCode(bodyOnly)).toBe('WEBHOOK_SIGNATURE_INVALID');
    const old = await postWebhook('zendesk', body, sign(new Date(Date.now() - 600_000).toISOString()));
    expect(old.status).toBe(401);
    expect(await errorCode(old)).toBe('WEBHOOK_TIMESTAMP_INVALID');
    const future = await postWebhook('zendesk', body, sign(new Date(Date.now() + 600_000).toISOString()));
    expect(await errorCode(future)).toBe('WEBHOOK_TIMESTAMP_INVALID');
    expect((await postWebhook('zendesk', body, sign(now))).status).toBe(200);
    // The same event re-signed with a new timestamp is still the same event.
    const again = await postWebhook('zendesk', body, sign(new Date(Date.now() + 1_000).toISOString()));
    expect(again.status).toBe(409);
  });

  it('checks the Salesforce X-C360-Signature (t=,v1=) and maps a Case to its Contact', async () => {
    const body = JSON.stringify({ records: [{ attributes: { type: 'Case' }, Id: '500000000000001AAA', ContactId: show.contact.id }] });
    const t0 = Math.floor(Date.now() / 1000);
    const sig = (t: number, secret: string = SANDBOX_WEBHOOK_SECRETS.salesforce) => `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
    expect((await postWebhook('salesforce', body, { 'x-c360-signature': sig(t0, 'wrong-secret-wrong-secret') })).status).toBe(401);
    expect((await postWebhook('salesforce', body, { 'x-c360-signature': `v1=${createHmac('sha256', SANDBOX_WEBHOOK_SECRETS.salesforce).update(body).digest('hex')}` })).status).toBe(401);
    const stale = await postWebhook('salesforce', body, { 'x-c360-signature': sig(t0 - 3600) });
    expect(await errorCode(stale)).toBe('WEBHOOK_TIMESTAMP_INVALID');
    // During a secret rotation the sender signs with both: one matching v1 is enough.
    const rotated = await postWebhook('salesforce', body, { 'x-c360-signature': `${sig(t0, 'the-old-secret-the-old-secret')},${sig(t0).split(',')[1]!}` });
    expect(rotated.status).toBe(200);
    expect(await rotated.json()).toEqual({ accepted: true, source: 'salesforce', records: 1 });
    expect((await postWebhook('salesforce', body, { 'x-c360-signature': sig(t0) })).status).toBe(409);
  });

  it('answers a signed body that is not JSON with 400, an unknown topic with 202, a too large body with 413', async () => {
    const text = 'not json';
    const malformed = await postWebhook('shopify', text, shopifyHeaders(text));
    expect(malformed.status).toBe(400);
    expect(await errorCode(malformed)).toBe('WEBHOOK_MALFORMED');
    const body = JSON.stringify({ id: 1 });
    const ignored = await postWebhook('shopify', body, shopifyHeaders(body, { 'x-shopify-topic': 'products/update' }));
    expect(ignored.status).toBe(202);
    expect(await ignored.json()).toEqual({ ignored: true, reason: 'topic products/update changes nothing the gateway caches' });
    const noId = JSON.stringify({ email: 'someone@example.com' });
    expect((await postWebhook('shopify', noId, shopifyHeaders(noId))).status).toBe(400);
    const huge = JSON.stringify({ pad: 'x'.repeat(1_100_000) });
    const tooLarge = await postWebhook('shopify', huge, shopifyHeaders(huge));
    expect(tooLarge.status).toBe(413);
    expect(await errorCode(tooLarge)).toBe('WEBHOOK_TOO_LARGE');
    expect((await fetch(`${origin}/webhooks/shopify`)).status).toBe(405);
    expect((await fetch(`${origin}/webhooks/hubspot`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('counts deliveries by vendor, source and outcome in /metrics', async () => {
    const text = await (await fetch(`${origin}/metrics`)).text();
    expect(text).toMatch(/c360_webhooks_total\{vendor="shopify",source="shopify",outcome="accepted"\} [1-9]/);
    expect(text).toMatch(/c360_webhooks_total\{vendor="shopify",source="shopify",outcome="signature_invalid"\} [1-9]/);
    expect(text).toMatch(/c360_webhooks_total\{vendor="zendesk",source="zendesk",outcome="replayed"\} 1/);
  });
});
