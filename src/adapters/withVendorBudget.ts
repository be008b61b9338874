import type { BudgetLimit, VendorBudget } from '../state/VendorBudget.js';
import type { HttpClient, HttpResponse } from './http.js';
import { UpstreamError } from './UpstreamError.js';

/** Options of {@link withVendorBudget}. */
export interface VendorBudgetOptions {
  readonly budget: VendorBudget;
  readonly limit: BudgetLimit;
  /** `requests`: one unit per call. `shopifyCost`: `estimatedCost` per call, settled with the answer's `extensions.cost`. */
  readonly unit: 'requests' | 'shopifyCost';
  /** Units a Shopify call takes before its cost is known, until a larger `requestedQueryCost` was seen. */
  readonly estimatedCost: number;
}

/** Longest single wait between two tries at the bucket, ms (another replica may have refunded meanwhile). */
const MAX_WAIT_STEP_MS = 250;

/**
 * Wraps a source's HTTP client so every call first takes its units from the source's {@link VendorBudget}
 * (shared by replicas with Redis), waiting while the bucket is empty. A call whose signal ends while it waits
 * rejects with `rate_limited` (SOURCE_RATE_LIMITED) without calling the vendor. For Shopify each answer's
 * `extensions.cost` settles the call (`actualQueryCost`, or `requestedQueryCost` when throttled, minus the
 * estimate) and caps the bucket at `throttleStatus.currentlyAvailable`, so the shared bucket follows Shopify's.
 */
export function withVendorBudget(client: HttpClient, options: VendorBudgetOptions): HttpClient {
  const { budget, limit } = options;
  // Shopify takes a query's requested cost before running it: take the largest requested cost seen so far
  // (at least the configured estimate), so concurrent calls never promise Shopify more than the bucket holds.
  let estimate = options.estimatedCost;
  const unitsNow = (): number => (options.unit === 'shopifyCost' ? Math.min(estimate, limit.capacity) : 1);
  return {
    source: client.source,
    baseUrl: client.baseUrl,
    close: () => client.close(),
    async request(req) {
      const units = unitsNow();
      for (;;) {
        const waitMs = await budget.take(client.source, units, limit);
        if (waitMs <= 0) break;
        await pause(Math.min(waitMs, MAX_WAIT_STEP_MS), req.signal, client.source, req.path);
      }
      const res = await client.request(req);
      if (options.unit === 'shopifyCost') {
        const requested = await settleShopifyCost(client.source, res, units, options);
        if (requested !== null && requested > estimate) estimate = requested;
      }
      return res;
    },
  };
}

/** Settles one answer's cost with the budget; resolves its `requestedQueryCost` (null when absent). */
async function settleShopifyCost(source: string, res: HttpResponse, taken: number, options: VendorBudgetOptions): Promise<number | null> {
  let cost: { actualQueryCost?: unknown; requestedQueryCost?: unknown; throttleStatus?: { currentlyAvailable?: unknown } } | undefined;
  try {
    cost = (JSON.parse(res.body) as { extensions?: { cost?: typeof cost } } | null)?.extensions?.cost;
  } catch {
    return null;
  }
  if (!cost) return null;
  const charged = typeof cost.actualQueryCost === 'number' ? cost.actualQueryCost : null;
  if (charged !== null && charged !== taken) await options.budget.adjust(source, charged - taken, options.limit);
  const available = cost.throttleStatus?.currentlyAvailable;
  if (typeof available === 'number') await options.budget.cap(source, available, options.limit);
  return typeof cost.requestedQueryCost === 'number' ? cost.requestedQueryCost : null;
}

function pause(ms: number, signal: AbortSignal | undefined, source: string, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (): void =>
      reject(new UpstreamError({ source, kind: 'rate_limited', message: `the shared ${source} budget had no room before the deadline`, method: 'POST', url: path, vendorCode: 'BUDGET' }));
    if (signal?.aborted) return fail();
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      fail();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
