import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';
import { CUSTOMER_360, post, resetAll, server, showcaseCustomerId, type Customer360 } from './faultsSupport.js';

const SOURCES_QUERY = '{ sources { name breaker } }';

describe('faults: retries honour Retry-After', () => {
  let t: TestGateway;
  let customerId: string;
  beforeAll(async () => {
    t = await startTestGateway({ size: 200, seed: 7, timeoutMs: 800, deadlineMs: 3_000, policies: { retries: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100, budgetRatio: 0.5 }, breaker: { minCalls: 100_000 }, cache: { staleWindowMs: 0 } } });
    customerId = await showcaseCustomerId(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => resetAll(t));

  it('waits the Retry-After a Zendesk 429 asks for, then answers in full', async () => {
    server(t, 'zendesk').addFault({ times: 1, fault: { kind: 'preset', preset: 'throttle', retryAfterSeconds: 0.4 } });
    const res = await post<{ customer: Customer360 }>(t, CUSTOMER_360, { id: customerId });
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.sources?.find((s) => s.name === 'zendesk')).toMatchObject({ status: 'OK', retries: 1 });
    const log = server(t, 'zendesk').requests();
    const throttled = log.find((e) => e.status === 429)!;
    expect(throttled).toBeDefined();
    const retried = log.find((e) => e.seq > throttled.seq && e.path === throttled.path && e.status === 200)!;
    expect(retried).toBeDefined();
    // The retry started no earlier than 400 ms after the 429 was sent (small allowance for clock rounding).
    expect(retried.receivedAt - throttled.finishedAt!).toBeGreaterThanOrEqual(390);
  });

  it('fails fast with SOURCE_RATE_LIMITED when Retry-After does not fit in the deadline', async () => {
    server(t, 'zendesk').addFault({ fault: { kind: 'preset', preset: 'throttle', retryAfterSeconds: 30 } });
    const res = await post<{ customer: Customer360 }>(t, CUSTOMER_360, { id: customerId });
    expect(res.status).toBe(200);
    // Far below the 3 s deadline: nothing waited for the 30 s.
    expect(res.elapsedMs).toBeLessThan(1_500);
    const zendeskErrors = res.errors!.filter((e) => e.extensions?.source === 'zendesk');
    expect(zendeskErrors.length).toBeGreaterThan(0);
    expect(zendeskErrors.every((e) => e.extensions?.code === 'SOURCE_RATE_LIMITED')).toBe(true);
    expect(res.extensions?.sources?.find((s) => s.name === 'zendesk')).toMatchObject({ status: 'RATE_LIMITED', retries: 0 });
    // One call per distinct request: none was repeated.
    const paths = server(t, 'zendesk').requests().map((e) => `${e.path}?${new URLSearchParams(e.query).toString()}`);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('retries a 5xx once it clears and shows the retry in extensions.sources', async () => {
    server(t, 'shopify').addFault({ times: 1, fault: { kind: 'preset', preset: 'serverError' } });
    const res = await post<{ customer: Customer360 }>(t, CUSTOMER_360, { id: customerId });
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.sources?.find((s) => s.name === 'shopify')).toMatchObject({ status: 'OK', retries: 1 });
  });
});

describe('faults: circuit breaker', () => {
  let t: TestGateway;
  let customerId: string;
  beforeAll(async () => {
    t = await startTestGateway({
      size: 200,
      seed: 7,
      timeoutMs: 500,
      deadlineMs: 2_000,
      policies: { retries: { maxAttempts: 1 }, breaker: { minCalls: 3, failureRatio: 0.5, windowMs: 5_000, halfOpenAfterMs: 2_000 }, cache: { staleWindowMs: 0 } },
    });
    customerId = await showcaseCustomerId(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('opens after repeated failures, stops calling the source, then closes once it recovers', async () => {
    const zendesk = server(t, 'zendesk');
    zendesk.reset();
    zendesk.addFault({ fault: { kind: 'preset', preset: 'serverError' } });
    let opened = false;
    for (let i = 0; i < 10 && !opened; i += 1) {
      const res = await post<{ customer: Customer360 }>(t, CUSTOMER_360, { id: customerId });
      expect(res.status).toBe(200);
      opened = res.extensions?.sources?.find((s) => s.name === 'zendesk')?.status === 'CIRCUIT_OPEN';
    }
    expect(opened).toBe(true);

    const before = zendesk.requests().length;
    const refused = await post<{ customer: Customer360 }>(t, CUSTOMER_360, { id: customerId });
    expect(zendesk.requests().length).toBe(before);
    const zendeskErrors = refused.errors!.filter((e) => e.extensions?.source === 'zendesk');
    expect(zendeskErrors.length).toBeGreaterThan(0);
    expect(zendeskErrors.every((e) => e.extensions?.code === 'SOURCE_CIRCUIT_OPEN' && Array.isArray(e.path))).toBe(true);
    expect(refused.data!.customer.orders.nodes.length).toBeGreaterThan(0);
    expect(refused.extensions?.sources?.find((s) => s.name === 'zendesk')).toMatchObject({ status: 'CIRCUIT_OPEN', calls: 0 });

    const sources = await post<{ sources: Array<{ name: string; breaker: string }> }>(t, SOURCES_QUERY, {});
    expect(sources.data!.sources).toEqual([
      { name: 'salesforce', breaker: 'CLOSED' },
      { name: 'shopify', breaker: 'CLOSED' },
      { name: 'zendesk', breaker: 'OPEN' },
    ]);
    const base = t.url.replace(/\/graphql$/, '');
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { openSources: string[] }).openSources).toEqual(['zendesk']);

    zendesk.clearFaults();
    // Past halfOpenAfterMs (2 s: long enough that a loaded machine does not reach half-open before the checks
    // above, which would let a probe through and break the "no call while open" count).
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const recovered = await post<{ customer: Customer360 }>(t, CUSTOMER_360, { id: customerId });
    expect(recovered.errors).toBeUndefined();
    expect(recovered.extensions?.sources?.find((s) => s.name === 'zendesk')?.status).toBe('OK');
    const after = await post<{ sources: Array<{ name: string; breaker: string }> }>(t, SOURCES_QUERY, {});
    expect(after.data!.sources.find((s) => s.name === 'zendesk')?.breaker).toBe('CLOSED');
  });
});

describe('faults: stale-if-error and metrics', () => {
  let t: TestGateway;
  let customerId: string;
  beforeAll(async () => {
    t = await startTestGateway({ size: 200, seed: 7, timeoutMs: 500, deadlineMs: 2_000, policies: { retries: { maxAttempts: 1 }, breaker: { minCalls: 100_000 }, cache: { staleWindowMs: 60_000 } } });
    customerId = await showcaseCustomerId(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('serves the last good Zendesk values, marked stale with their age, while Zendesk fails', async () => {
    resetAll(t);
    const fresh = await post<{ customer: Customer360 }>(t, CUSTOMER_360, { id: customerId });
    expect(fresh.errors).toBeUndefined();
    server(t, 'zendesk').addFault({ fault: { kind: 'preset', preset: 'serverError' } });
    const res = await post<{ customer: Customer360 }>(t, CUSTOMER_360, { id: customerId });
    expect(res.status).toBe(200);
    expect(res.data!.customer).toEqual(fresh.data!.customer);
    const stale = res.errors!.filter((e) => e.extensions?.source === 'zendesk');
    expect(stale).toHaveLength(1);
    expect(stale[0]!.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', stale: true });
    expect(stale[0]!.extensions!.staleAgeMs).toBeGreaterThanOrEqual(0);
    expect(res.extensions?.sources?.find((s) => s.name === 'zendesk')).toMatchObject({ status: 'STALE', errorCode: 'SOURCE_UNAVAILABLE' });
    expect(res.extensions!.sources!.find((s) => s.name === 'zendesk')!.cacheHits).toBeGreaterThanOrEqual(2);
  });

  it('exposes Prometheus metrics with request, source, error, retry, breaker and cache series', async () => {
    const base = t.url.replace(/\/graphql$/, '');
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/^c360_requests_total\{outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^c360_request_duration_seconds_count [1-9]/m);
    expect(text).toMatch(/^c360_source_call_duration_seconds_count\{source="zendesk",operation="getByIds",status="OK"\} [1-9]/m);
    expect(text).toMatch(/^c360_errors_total\{code="SOURCE_UNAVAILABLE"\} [1-9]/m);
    expect(text).toMatch(/^c360_source_retries_total\{source="zendesk"\} 0/m);
    expect(text).toMatch(/^c360_source_breaker_state\{source="zendesk"\} 0/m);
    expect(text).toMatch(/^c360_record_cache_hits_total\{source="zendesk"\} [1-9]/m);
    expect(text).toMatch(/^c360_crosswalk_hits [1-9]/m);
    // What the vendor saw (coalesced calls counted once) never exceeds what requests report (once per request).
    const count = (name: string): number => Number(new RegExp(`^${name}\\{source="salesforce"\\} (\\d+)`, 'm').exec(text)?.[1] ?? Number.NaN);
    expect(count('c360_source_vendor_requests_total')).toBeGreaterThan(0);
    expect(count('c360_source_vendor_requests_total')).toBeLessThanOrEqual(count('c360_source_upstream_calls_total'));
    expect(text).toMatch(/^c360_source_shared_calls_total\{source="salesforce"\} \d+/m);
    // No PII: no email address or phone number appears anywhere.
    expect(text).not.toMatch(/@|\+1\d{10}/);
  });
});
