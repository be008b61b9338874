import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer, FakeVendorProfile } from '../../src/sandbox/fakeTypes.js';
import { parseFaultRule } from '../../src/sandbox/parseFaultRule.js';
import { startFakeServer } from '../../src/sandbox/startFakeServer.js';

const answer = (status: number) => ({ status, body: { status } });
const profile: FakeVendorProfile = {
  name: 'echo',
  authorize: () => null,
  notFound: () => answer(404),
  presets: { throttle: () => answer(429), serverError: () => answer(500), unavailable: () => answer(503) },
  routes: [
    { name: 'get', method: 'GET', pattern: /^\/items$/, handler: () => answer(200) },
    { name: 'post', method: 'POST', pattern: /^\/items$/, handler: () => answer(200) },
  ],
};

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeServer(profile);
});
afterAll(async () => {
  await fake?.close();
});

describe('startFakeServer: fault rules matching query and body', () => {
  it('applies a rule only to requests whose query string matches', async () => {
    fake.reset();
    fake.addFault({ match: { query: 'email=' }, fault: { kind: 'preset', preset: 'serverError' } });
    expect((await fetch(`${fake.origin}/items?email=a%40b.c`)).status).toBe(500);
    expect((await fetch(`${fake.origin}/items?phone=1`)).status).toBe(200);
  });

  it('applies a rule only to requests whose body matches', async () => {
    fake.reset();
    fake.addFault({ match: { body: 'orders' }, fault: { kind: 'preset', preset: 'throttle' } });
    const post = (body: string) => fetch(`${fake.origin}/items`, { method: 'POST', body });
    expect((await post('{"query":"{ orders { id } }"}')).status).toBe(429);
    expect((await post('{"query":"{ customers { id } }"}')).status).toBe(200);
  });

  it('refuses an invalid query or body pattern naming the field', () => {
    expect(() => parseFaultRule({ match: { query: '(' }, delayMs: 1 })).toThrow('match.query');
    expect(() => parseFaultRule({ match: { body: '[' }, delayMs: 1 })).toThrow('match.body');
  });
});

describe('startFakeServer: injected latency in the request log', () => {
  it('logs the delay as measured, about the rule’s, and none without a rule', async () => {
    fake.reset();
    await fetch(`${fake.origin}/items`);
    fake.addFault({ delayMs: 30 });
    const started = performance.now();
    await fetch(`${fake.origin}/items`);
    const elapsed = performance.now() - started;
    const [plain, delayed] = fake.requests();
    expect(plain!.injectedDelayMs).toBe(0);
    // Node timers run on a millisecond loop clock, so they can fire a fraction of a millisecond early.
    expect(delayed!.injectedDelayMs).toBeGreaterThanOrEqual(28.5);
    expect(delayed!.injectedDelayMs).toBeLessThanOrEqual(elapsed);
    fake.reset();
  });
});

describe('startFakeServer: request count beyond the log', () => {
  it('counts every vendor request although the log keeps only the latest maxLogEntries', async () => {
    const small = await startFakeServer(profile, { maxLogEntries: 2 });
    try {
      for (let i = 0; i < 5; i += 1) await (await fetch(`${small.origin}/items?i=${i}`)).arrayBuffer();
      await (await fetch(`${small.origin}/__fake/requests`)).arrayBuffer();
      expect(small.requests().map((e) => e.query['i'])).toEqual(['3', '4']);
      expect(small.requestCount()).toBe(5);
      small.clearRequests();
      expect(small.requestCount()).toBe(5);
    } finally {
      await small.close();
    }
  });
});

describe('startFakeServer: credentials in the request log', () => {
  it('keeps that a credential was sent and its scheme, never the secret (log and GET /__fake/requests)', async () => {
    fake.reset();
    await fetch(`${fake.origin}/items`, { headers: { authorization: 'Bearer sandbox-salesforce-token', 'x-shopify-access-token': 'shpat_sandbox', 'x-trace': 'kept' } });
    await fetch(`${fake.origin}/items`, { headers: { authorization: `Basic ${Buffer.from('agent@sandbox.example/token:sandbox-zendesk-token').toString('base64')}` } });
    const [bearer, basic] = fake.requests();
    expect(bearer!.headers).toMatchObject({ authorization: 'Bearer [redacted]', 'x-shopify-access-token': '[redacted]', 'x-trace': 'kept' });
    expect(basic!.headers['authorization']).toBe('Basic [redacted]');
    const served = JSON.stringify(await (await fetch(`${fake.origin}/__fake/requests`)).json());
    expect(served).not.toContain('sandbox-salesforce-token');
    expect(served).not.toContain('shpat_sandbox');
    expect(served).not.toContain(Buffer.from('agent@sandbox.example/token:sandbox-zendesk-token').toString('base64'));
    fake.reset();
  });
});
