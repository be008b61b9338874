import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type TestRedisServer } from '../support/startRedisServer.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

// Starts its own redis-server on a free port (never the shared one) and kills, freezes and restarts it.
// Runs where Redis-backed tests run (REDIS_URL set, as .ci/run does), which is where redis-server is installed.
const REDIS_URL = process.env.REDIS_URL;

const IDENTITY = `query($id: ID!) { customerBySource(source: "salesforce", id: $id) { id identity { links { source id } } } }`;
const LINK = `mutation($a: SourceRecordInput!, $b: SourceRecordInput!) { linkRecords(a: $a, b: $b, reason: "steward check") { kind } }`;

async function until(withinMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!REDIS_URL)('state: the gateway outlives its Redis', () => {
  let redis: TestRedisServer;
  let gw: TestGateway;
  const contacts = (): string[] => gw.sandbox.dataset.truth.filter((t) => t.system === 'salesforce').map((t) => t.id);
  const readyz = async (): Promise<{ status: number; body: { state?: { mode: string; redis?: string } } }> => {
    const res = await fetch(new URL('/readyz', gw.url));
    return { status: res.status, body: (await res.json()) as { state?: { mode: string; redis?: string } } };
  };
  const metrics = async (): Promise<string> => (await fetch(new URL('/metrics', gw.url))).text();

  beforeAll(async () => {
    redis = await startRedisServer();
    gw = await startTestGateway({
      size: 80,
      seed: 3,
      identity: { overrides: { enabled: true } },
      state: { redis: { url: redis.url, keyPrefix: `c360test:${randomBytes(3).toString('hex')}:`, commandTimeoutMs: 200 } },
      webhooks: { shopify: {} },
    });
  });
  afterAll(async () => {
    await gw?.close();
    await redis?.stop();
  });

  it('answers from its process cache and the sources while Redis is gone, refuses overrides with STATE_UNAVAILABLE, and recovers', async () => {
    const [a, b, c, d] = contacts();
    const warm = await gw.gql(IDENTITY, { id: a });
    expect(warm.errors).toBeUndefined();
    expect((await readyz()).body.state).toEqual({ mode: 'redis', redis: 'up' });

    await redis.stop();
    await until(5_000, async () => (await readyz()).body.state?.redis === 'down');
    const ready = await readyz();
    expect(ready.status).toBe(200);
    expect(await metrics()).toMatch(/^c360_state_redis_up 0$/m);
    // Cached (L1) and cold (sources) customers both answer.
    expect(await gw.gql(IDENTITY, { id: a })).toMatchObject({ data: { customerBySource: warm.data!['customerBySource'] } });
    const cold = await gw.gql<{ customerBySource: { id: string } }>(IDENTITY, { id: b });
    expect(cold.errors).toBeUndefined();
    expect(cold.data!.customerBySource.id).toMatch(/^cus_/);
    const refused = await gw.gql(LINK, { a: { source: 'salesforce', id: a }, b: { source: 'salesforce', id: b } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('STATE_UNAVAILABLE');
    expect(refused.errors?.[0]?.message).toMatch(/Redis/);
    expect(gw.gateway.overrides.history()).toHaveLength(0);
    // A vendor change webhook cannot reach the other replicas: 503 WEBHOOK_NOT_APPLIED, so the vendor retries.
    const shopifyId = gw.sandbox.dataset.shopify.customers[0]!.id;
    const put = await fetch(`${gw.sandbox.shopify.origin}/admin/api/2025-10/customers/${shopifyId}.json`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': 'shpat_sandbox' },
      body: JSON.stringify({ customer: { note: 'changed while Redis was down' } }),
    });
    expect(put.status).toBe(200);
    await gw.sandbox.shopify.webhooks.idle();
    const delivery = gw.sandbox.shopify.webhooks.deliveries().at(-1)!;
    expect(delivery.status).toBe(503);
    expect(await metrics()).toMatch(/^c360_webhooks_total\{vendor="shopify",source="shopify",outcome="failed"\} 1$/m);

    await redis.restart();
    await until(10_000, async () => (await readyz()).body.state?.redis === 'up');
    expect(await metrics()).toMatch(/^c360_state_redis_up 1$/m);
    // The vendor's retry of that delivery is processed once Redis is back (the failed one was not remembered).
    const retry = await fetch(new URL('/webhooks/shopify', gw.url), { method: 'POST', headers: delivery.headers, body: delivery.body });
    expect(retry.status).toBe(200);
    const linked = await gw.gql<{ linkRecords: { kind: string } }>(LINK, { a: { source: 'salesforce', id: c }, b: { source: 'salesforce', id: d } });
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.linkRecords.kind).toBe('LINK');
  });

  it('bounds every Redis call: a hung Redis slows a cold lookup by at most a few command timeouts', async () => {
    const [, , , , e] = contacts();
    redis.freeze();
    try {
      const started = Date.now();
      const answer = await gw.gql<{ customerBySource: { id: string } }>(IDENTITY, { id: e });
      const tookMs = Date.now() - started;
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.customerBySource.id).toMatch(/^cus_/);
      // get + lock + write, 200 ms each at most, on top of the resolution itself (generous for a loaded machine).
      expect(tookMs).toBeLessThan(2_900);
    } finally {
      redis.thaw();
    }
    await until(10_000, async () => (await readyz()).body.state?.redis === 'up');
  });
});

describe.skipIf(!REDIS_URL)('state: a gateway whose Redis is unreachable at start', () => {
  // A port nothing listens on: a redis-server started and stopped again.
  let url: string;
  beforeAll(async () => {
    const redis = await startRedisServer();
    url = redis.url;
    await redis.stop();
  });

  it('starts degraded and answers when overrides are off', async () => {
    const gw = await startTestGateway({ size: 40, seed: 2, state: { redis: { url, keyPrefix: 'c360test:down:', connectTimeoutMs: 300 } } });
    try {
      const res = await fetch(new URL('/readyz', gw.url));
      expect(await res.json()).toMatchObject({ status: 'ready', state: { mode: 'redis', redis: 'down' } });
      const id = gw.sandbox.dataset.truth.find((t) => t.system === 'salesforce')!.id;
      const answer = await gw.gql<{ customerBySource: { id: string } }>(IDENTITY, { id });
      expect(answer.errors).toBeUndefined();
    } finally {
      await gw.close();
    }
  });

  it('refuses to start with overrides on: it cannot know who is suppressed', async () => {
    await expect(startTestGateway({ size: 40, seed: 2, identity: { overrides: { enabled: true } }, state: { redis: { url, keyPrefix: 'c360test:down:', connectTimeoutMs: 300 } } })).rejects.toThrow(/overrides redis:c360test:down:overrides: cannot read/);
  });
});
