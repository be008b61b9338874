import type { Logger } from 'pino';
import { createHttpClient, type HttpClient } from '../../../src/adapters/http.js';
import { createShopifyAdapter, shopifyHeaders, type ShopifyAdapterOptions } from '../../../src/adapters/shopify/index.js';
import type { SourceAdapter } from '../../../src/adapters/types.js';
import type { SandboxDataset } from '../../../src/sandbox/dataset/types.js';
import type { FakeServer } from '../../../src/sandbox/fakeTypes.js';
import { startShopifySandbox, type ShopifySandboxOptions } from '../../../src/sandbox/shopify/index.js';
import { shopifyFixture } from '../../sandbox/shopify/shopifyFixture.js';

/** A sandbox shop, an HTTP client on it and the adapter under test, plus request-log helpers. */
export interface AdapterHarness {
  readonly server: FakeServer;
  readonly http: HttpClient;
  readonly adapter: SourceAdapter;
  /** Warnings the adapter logged (pino-style `[object, message]`). */
  readonly warnings: unknown[][];
  /** Operation names of the logged GraphQL calls, in order. */
  operations(): string[];
  /** Variables of the logged GraphQL calls, in order. */
  variables(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Starts a harness over `dataset` (default: the hand-written fixture). Close it in `afterAll`/`finally`. */
export async function startAdapterHarness(
  options: { dataset?: SandboxDataset; sandbox?: ShopifySandboxOptions; adapter?: Partial<ShopifyAdapterOptions>; accessToken?: string; timeoutMs?: number } = {},
): Promise<AdapterHarness> {
  const server = await startShopifySandbox(options.dataset ?? shopifyFixture(), options.sandbox);
  const http = createHttpClient({
    source: 'shop',
    baseUrl: server.origin,
    headers: shopifyHeaders({ accessToken: options.accessToken ?? 'shpat_sandbox' }),
    timeoutMs: options.timeoutMs ?? 3000,
  });
  const warnings: unknown[][] = [];
  const logger = { warn: (...args: unknown[]) => warnings.push(args) } as unknown as Logger;
  const adapter = createShopifyAdapter({ name: 'shop', http, logger, ...options.adapter });
  const bodies = () => server.requests().map((r) => JSON.parse(r.body) as { operationName: string; variables: Record<string, unknown> });
  return {
    server,
    http,
    adapter,
    warnings,
    operations: () => bodies().map((b) => b.operationName),
    variables: () => bodies().map((b) => b.variables),
    close: async () => {
      http.close();
      await server.close();
    },
  };
}
