import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpRequest, HttpResponse } from '../../src/adapters/http.js';
import { UpstreamError } from '../../src/adapters/UpstreamError.js';
import { withVendorBudget } from '../../src/adapters/withVendorBudget.js';
import { createLocalVendorBudget } from '../../src/state/VendorBudget.js';

const limit = { capacity: 100, refillPerSecond: 10 };

describe('VendorBudget: the per-process bucket', () => {
  it('takes while the bucket holds the units, then says how long to wait', async () => {
    let clock = 0;
    const budget = createLocalVendorBudget(() => clock);
    expect(await budget.take('s', 60, limit)).toBe(0);
    expect(await budget.take('s', 60, limit)).toBe(2_000); // 40 left, 20 missing at 10/s
    clock += 2_000;
    expect(await budget.take('s', 60, limit)).toBe(0);
    await budget.adjust('s', -1_000, limit); // a refund never fills beyond capacity
    expect(await budget.take('s', 100, limit)).toBe(0);
    expect(await budget.take('s', 1, limit)).toBe(100);
    clock += 10_000;
    await budget.cap('s', 5, limit);
    expect(await budget.take('s', 6, limit)).toBe(100);
    expect(await budget.take('other', 100, limit)).toBe(0);
  });
});

function fakeClient(bodies: Array<Record<string, unknown>>) {
  const sent: HttpRequest[] = [];
  const client: HttpClient = {
    source: 'shopify',
    baseUrl: 'http://127.0.0.1:1/',
    close: () => undefined,
    async request(req): Promise<HttpResponse> {
      sent.push(req);
      return { status: 200, headers: {}, body: JSON.stringify(bodies.shift() ?? {}), method: 'POST', url: '/graphql.json' };
    },
  };
  return { client, sent };
}

describe('withVendorBudget: an HTTP client that spends a shared budget', () => {
  it('settles Shopify calls with their actual cost, learns the requested cost, and follows Shopify\'s bucket', async () => {
    const budget = createLocalVendorBudget(() => 0);
    const { client } = fakeClient([{ extensions: { cost: { requestedQueryCost: 50, actualQueryCost: 12, throttleStatus: { currentlyAvailable: 88 } } } }, { extensions: { cost: { requestedQueryCost: 30, actualQueryCost: 30, throttleStatus: { currentlyAvailable: 20 } } } }]);
    const wrapped = withVendorBudget(client, { budget, limit, unit: 'shopifyCost', estimatedCost: 10 });
    await wrapped.request({ method: 'POST', path: 'graphql.json' });
    // 10 taken, settled to 12 (88 left), capped at Shopify's 88.
    await wrapped.request({ method: 'POST', path: 'graphql.json' });
    // Took the learned 50 (38 left), settled to 30 (58), capped at Shopify's 20.
    expect(await budget.take('shopify', 21, limit)).toBeGreaterThan(0);
    expect(await budget.take('shopify', 20, limit)).toBe(0);
  });

  it('refuses a call whose deadline ends while the bucket is empty, without calling the vendor', async () => {
    const budget = createLocalVendorBudget();
    await budget.cap('shopify', 0, limit);
    const { client, sent } = fakeClient([]);
    const wrapped = withVendorBudget(client, { budget, limit: { capacity: 100, refillPerSecond: 0.001 }, unit: 'requests', estimatedCost: 1 });
    const error = await wrapped.request({ method: 'GET', path: 'x', signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).kind).toBe('rate_limited');
    expect(sent).toHaveLength(0);
  });
});
