import type { SandboxDataset } from '../dataset/types.js';
import { createWebhookSender } from '../createWebhookSender.js';
import type { WebhookFakeServer } from '../fakeTypes.js';
import { startFakeServer } from '../startFakeServer.js';
import { createSalesforceProfile } from './createSalesforceProfile.js';
import type { SalesforceProfileOptions } from './createSalesforceProfile.js';

/** Options of {@link startSalesforceSandbox}. */
export interface SalesforceSandboxOptions extends SalesforceProfileOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** Address to bind. Default `127.0.0.1` (loopback only). */
  readonly host?: string;
  /** Seed for injected jitter and probabilistic faults. Default 1. */
  readonly seed?: number;
}

/**
 * Starts a simulated Salesforce org on loopback serving `dataset` through the REST API
 * (`/services/data/vXX.X/query`, `/search`, `/sobjects`, `/composite/sobjects`; see
 * {@link createSalesforceProfile}), with the shared request log and fault control plane at `/__fake/*`.
 * `PATCH …/sobjects/{Contact|Case}/{id}` changes the fake's own copy and, once `webhooks.configure()` names a
 * target, relays the change as a signed Change Data Capture event.
 * Resolves once listening; call `close()` on the result to stop it. Throws a TypeError naming a bad option.
 */
export async function startSalesforceSandbox(dataset: SandboxDataset, options: SalesforceSandboxOptions = {}): Promise<WebhookFakeServer> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new TypeError(`startSalesforceSandbox: port must be an integer from 0 to 65535, got ${JSON.stringify(options.port)}`);
  }
  if (options.seed !== undefined && !Number.isFinite(options.seed)) {
    throw new TypeError(`startSalesforceSandbox: seed must be a finite number, got ${JSON.stringify(options.seed)}`);
  }
  const webhooks = createWebhookSender();
  const profile = createSalesforceProfile(dataset, options, webhooks);
  const server = await startFakeServer(profile, {
    port,
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  return { ...server, webhooks };
}
