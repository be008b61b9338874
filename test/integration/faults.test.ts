import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';
import { CUSTOMER_360, describeResponse, FAULTS, healthyBaseline, healthyParts, LIST_FIELDS, post, resetAll, server, showcaseCustomerId, SOURCES, type Customer360, type FullResponse } from './faultsSupport.js';

// Small budgets so the matrix stays fast, yet roomy enough for a loaded 2-core CI machine: 800 ms per
// attempt, 2 s per request (a timed-out attempt is then not retried: a whole attempt does not fit in half of
// what is left). The breaker is kept out of the way (it has its own test) and stale-if-error is off so every
// failure shows as null + error.
const DEADLINE_MS = 2_000;
const MARGIN_MS = 1_000;
const POLICIES = { retries: { maxAttempts: 2, baseDelayMs: 20, maxDelayMs: 50 }, breaker: { minCalls: 100_000 }, cache: { staleWindowMs: 0 } };

let t: TestGateway;
let customerId: string;
let baseline: Customer360;

beforeAll(async () => {
  t = await startTestGateway({ size: 200, seed: 7, timeoutMs: 800, deadlineMs: DEADLINE_MS, policies: POLICIES });
  customerId = await showcaseCustomerId(t);
  baseline = (await healthyBaseline<{ customer: Customer360 }>(t, CUSTOMER_360, { id: customerId })).customer;
}, 60_000);
afterAll(async () => {
  await t?.close();
});
beforeEach(() => resetAll(t));

/** Asserts the contract of a partial answer: healthy parts intact, one error per missing part, sources listed. */
function expectPartial(res: FullResponse<{ customer: Customer360 }>, failing: ReadonlyMap<string, { code: string; status: string }>): void {
  const got = describeResponse({ ...res, data: null });
  expect(res.status, got).toBe(200);
  expect(res.elapsedMs, got).toBeLessThan(DEADLINE_MS + MARGIN_MS);
  const customer = res.data?.customer;
  expect(customer, got).toBeTruthy();
  const healthy = SOURCES.filter((s) => !failing.has(s));
  expect(healthyParts(customer!, healthy), got).toEqual(healthyParts(baseline, healthy));
  for (const [source, expected] of failing) {
    // Nothing of the failing source is left in the answer...
    expect(customer!.orders.nodes.concat(customer!.tickets.nodes, customer!.activities.nodes).some((n) => n.source === source)).toBe(false);
    // ...and each missing part has exactly one error with path, code and source.
    const errors = (res.errors ?? []).filter((e) => e.extensions?.source === source);
    for (const error of errors) {
      expect(error.extensions?.code, error.message).toBe(expected.code);
      expect(error.path?.[0]).toBe('customer');
    }
    const paths = errors.map((e) => e.path!.slice(1).join('.'));
    expect(new Set(paths).size, paths.join(',')).toBe(paths.length);
    for (const field of LIST_FIELDS[source as keyof typeof LIST_FIELDS]) expect(paths).toContain(field);
    // The profile part (emails, phones, name) of the source is reported once, at the first field that needed it.
    expect(paths.filter((p) => !['orders', 'tickets', 'activities'].includes(p))).toHaveLength(1);
    expect(res.extensions?.sources?.find((s) => s.name === source)).toMatchObject({ status: expected.status, errorCode: expected.code });
  }
  expect((res.errors ?? []).every((e) => failing.has(String(e.extensions?.source)))).toBe(true);
  for (const source of healthy) expect(res.extensions?.sources?.find((s) => s.name === source)?.status).toBe('OK');
}

describe('faults: one source failing', () => {
  it('answers in full with every source healthy and lists them in extensions.sources', async () => {
    const res = await post<{ customer: Customer360 }>(t, CUSTOMER_360, { id: customerId });
    expect(res.errors).toBeUndefined();
    expect(res.data!.customer).toEqual(baseline);
    expect(res.extensions?.sources?.map((s) => [s.name, s.status]).sort()).toEqual([
      ['salesforce', 'OK'],
      ['shopify', 'OK'],
      ['zendesk', 'OK'],
    ]);
    expect(res.extensions!.sources!.every((s) => s.calls >= 1 && s.retries === 0 && s.latencyMs >= 0)).toBe(true);
  });

  for (const source of SOURCES) {
    for (const fault of FAULTS) {
      it(`keeps the other sources' data when ${source} fails with ${fault.name}`, async () => {
        server(t, source).addFault(fault.rule);
        const res = await post<{ customer: Customer360 }>(t, CUSTOMER_360, { id: customerId });
        expectPartial(res, new Map([[source, { code: fault.codeFor?.[source] ?? fault.code, status: fault.status }]]));
      });
    }
  }
});

describe('faults: several sources failing', () => {
  it('keeps Salesforce data when Shopify and Zendesk fail at once', async () => {
    server(t, 'shopify').addFault({ fault: { kind: 'preset', preset: 'serverError' } });
    server(t, 'zendesk').addFault({ fault: { kind: 'hang' } });
    const res = await post<{ customer: Customer360 }>(t, CUSTOMER_360, { id: customerId });
    expectPartial(
      res,
      new Map([
        ['shopify', { code: 'SOURCE_UNAVAILABLE', status: 'ERROR' }],
        ['zendesk', { code: 'SOURCE_TIMEOUT', status: 'TIMEOUT' }],
      ]),
    );
  });

  it('still answers 200 with the customer id when every source hangs', async () => {
    for (const source of SOURCES) server(t, source).addFault({ fault: { kind: 'hang' } });
    const res = await post<{ customer: Customer360 }>(t, CUSTOMER_360, { id: customerId });
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBeLessThan(DEADLINE_MS + MARGIN_MS);
    expect(res.data!.customer.id).toBe(customerId);
    expect(new Set(res.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['SOURCE_TIMEOUT']));
    expect(res.extensions?.sources?.map((s) => s.status)).toEqual(['TIMEOUT', 'TIMEOUT', 'TIMEOUT']);
  });
});

describe('faults: the suite\'s own helpers', () => {
  it('report what the gateway answered when the showcase lookup fails, instead of crashing on a missing field', async () => {
    for (const source of SOURCES) server(t, source).addFault({ fault: { kind: 'preset', preset: 'serverError' } });
    t.gateway.identity.clear();
    await expect(showcaseCustomerId(t)).rejects.toThrow(/did not match one customer: .*"status":200.*"SOURCE_UNAVAILABLE".*"sources":\[/);
    await expect(healthyBaseline(t, CUSTOMER_360, { id: customerId }, 2)).rejects.toThrow(/no clean healthy answer in 2 tries/);
    resetAll(t);
    t.gateway.identity.clear();
    expect(await showcaseCustomerId(t)).toBe(customerId);
  });
});

describe('faults: deadline header', () => {
  it('shortens the deadline when the client asks for less', async () => {
    server(t, 'zendesk').addFault({ fault: { kind: 'hang' } });
    const res = await post<{ customer: Customer360 }>(t, CUSTOMER_360, { id: customerId }, { 'x-c360-deadline-ms': '250' });
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBeLessThan(250 + MARGIN_MS);
    expect(res.errors?.filter((e) => e.extensions?.source === 'zendesk').every((e) => e.extensions?.code === 'SOURCE_TIMEOUT')).toBe(true);
    const zendesk = server(t, 'zendesk').requests();
    // The hung call was cut at the client's deadline, not at the 800 ms source timeout.
    expect(zendesk.length).toBeGreaterThan(0);
  });

  it('rejects a malformed deadline header with 400 BAD_REQUEST', async () => {
    const res = await post<unknown>(t, '{ sources { name } }', {}, { 'x-c360-deadline-ms': 'soon' });
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(res.errors?.[0]?.message).toContain('x-c360-deadline-ms');
  });

  it('never lengthens the configured deadline', async () => {
    server(t, 'shopify').addFault({ fault: { kind: 'hang' } });
    const res = await post<{ customer: Customer360 }>(t, CUSTOMER_360, { id: customerId }, { 'x-c360-deadline-ms': '60000' });
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBeLessThan(DEADLINE_MS + MARGIN_MS);
  });
});
