import { randomUUID } from 'node:crypto';
import type { SandboxDataset } from '../dataset/types.js';
import { createWebhookSender } from '../createWebhookSender.js';
import type { FakeVendorProfile, WebhookFakeServer } from '../fakeTypes.js';
import { startFakeServer } from '../startFakeServer.js';
import { buildShopifySchema } from './buildShopifySchema.js';
import { createCustomerUpdateRoute } from './createCustomerUpdateRoute.js';
import { createGraphqlHandler } from './createGraphqlHandler.js';
import { createLeakyBucket } from './createLeakyBucket.js';
import { createRootValue } from './createRootValue.js';
import { createShopifyStore } from './createShopifyStore.js';
import { sendCustomerWebhook } from './sendCustomerWebhook.js';
import { notFoundResponse, serverErrorResponse, throttledResponse, unauthorizedResponse, unavailableResponse } from './shopifyResponses.js';

/** Options of {@link startShopifySandbox}. */
export interface ShopifySandboxOptions {
  /** Port to listen on; default 0 picks a free one. */
  readonly port?: number;
  /** Address to bind. Default `127.0.0.1` (loopback only). */
  readonly host?: string;
  /** The token `X-Shopify-Access-Token` must carry. Default `'shpat_sandbox'`. */
  readonly accessToken?: string;
  /** Leaky-bucket capacity in cost points (`throttleStatus.maximumAvailable`). Default 2000. */
  readonly bucketSize?: number;
  /** Points restored per second (`throttleStatus.restoreRate`). Default 100. */
  readonly restoreRate?: number;
  /** Seed for fault-rule jitter and probabilities. Default 1. */
  readonly seed?: number;
}

/** Defaults of {@link ShopifySandboxOptions}. */
export const SHOPIFY_SANDBOX_DEFAULTS = { port: 0, host: '127.0.0.1', accessToken: 'shpat_sandbox', bucketSize: 2000, restoreRate: 100 } as const;

/** The API version the sandbox's GraphQL-triggered webhooks name (a subscription's version, in Shopify). */
const WEBHOOK_API_VERSION = '2025-10';

/** Routes paths under `/admin/api/{YYYY-MM|unstable}/`; group 1 is the version. */
const GRAPHQL_PATH = /^\/admin\/api\/(\d{4}-\d{2}|unstable)\/graphql\.json$/;

/**
 * Starts a simulated Shopify shop serving the GraphQL Admin API (`POST /admin/api/{version}/graphql.json`)
 * over `dataset.shopify`, executed by graphql-js over an SDL subset with Shopify's names, search syntax,
 * cost model (1000-point single-query cap, live leaky bucket) and error bodies. Fault presets:
 * `throttle` (200 THROTTLED, reporting a 1 s restore wait; `retryAfterSeconds` is ignored because Shopify
 * GraphQL sends no Retry-After), `serverError` (500 INTERNAL_SERVER_ERROR), `unavailable` (503).
 * `PUT /admin/api/{version}/customers/{id}.json` (REST) and the `customerUpdate` mutation change a customer in the fake's own copy (the dataset is
 * never modified) and, once `webhooks.configure()` names a target, sends `customers/update` webhooks signed
 * as Shopify signs them. Close the returned server when done.
 */
export async function startShopifySandbox(dataset: SandboxDataset, options: ShopifySandboxOptions = {}): Promise<WebhookFakeServer> {
  const { port, host, accessToken, bucketSize, restoreRate } = { ...SHOPIFY_SANDBOX_DEFAULTS, ...definedOnly(options) };
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw badOption('port', options.port);
  if (typeof host !== 'string' || host.trim() === '') throw badOption('host', options.host);
  if (typeof accessToken !== 'string' || accessToken === '') throw badOption('accessToken', options.accessToken);
  if (!Number.isFinite(bucketSize) || bucketSize <= 0) throw badOption('bucketSize', options.bucketSize);
  if (!Number.isFinite(restoreRate) || restoreRate <= 0) throw badOption('restoreRate', options.restoreRate);
  const bucket = createLeakyBucket({ size: bucketSize, restoreRate });
  const schema = buildShopifySchema();
  const store = createShopifyStore(dataset);
  const webhooks = createWebhookSender();
  const handler = createGraphqlHandler({ schema, rootValue: createRootValue(store, (customer) => sendCustomerWebhook(webhooks, 'customers/update', customer, WEBHOOK_API_VERSION)), bucket });

  const profile: FakeVendorProfile = {
    name: 'shopify',
    authorize: (req) => (req.headers['x-shopify-access-token'] === accessToken ? null : unauthorizedResponse()),
    notFound: () => notFoundResponse(),
    presets: {
      throttle: () => {
        const status = bucket.status();
        // A drained bucket that needs exactly one second of restore, so adapters' waits are predictable.
        const drained = { ...status, currentlyAvailable: Math.min(status.currentlyAvailable, 10) };
        return throttledResponse(drained.currentlyAvailable + status.restoreRate, drained);
      },
      serverError: serverErrorResponse,
      unavailable: unavailableResponse,
    },
    routes: [{ name: 'graphql', method: 'POST', pattern: GRAPHQL_PATH, handler: (req) => handler(req) }, createCustomerUpdateRoute(store, webhooks)],
    commonHeaders: (req) => {
      const version = GRAPHQL_PATH.exec(req.path)?.[1];
      return { 'x-request-id': randomUUID(), ...(version ? { 'x-shopify-api-version': version } : {}) };
    },
  };
  const server = await startFakeServer(profile, { port, host, ...(options.seed === undefined ? {} : { seed: options.seed }) });
  return { ...server, webhooks };
}

function definedOnly(options: ShopifySandboxOptions): Partial<ShopifySandboxOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

function badOption(name: string, value: unknown): TypeError {
  return new TypeError(`startShopifySandbox: ${name} is invalid, got ${JSON.stringify(value)}`);
}
