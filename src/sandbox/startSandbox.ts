import type { SourceConfig } from '../config.js';
import { writeFileSync } from 'node:fs';
import { exportLoyaltyCsv, generateDataset } from './dataset/index.js';
import type { SandboxDataset } from './dataset/types.js';
import type { WebhookFakeServer } from './fakeTypes.js';
import { startSalesforceSandbox } from './salesforce/index.js';
import { startShopifySandbox } from './shopify/index.js';
import { startZendeskSandbox } from './zendesk/index.js';

/** Options of {@link startSandbox}. */
export interface StartSandboxOptions {
  /** People in the generated dataset. Default 1000. */
  readonly size?: number;
  /** Dataset seed. Default 42. */
  readonly seed?: number;
  /** Use this dataset instead of generating one. */
  readonly dataset?: SandboxDataset;
  /** Fixed ports per server; 0 or absent picks a free one. */
  readonly ports?: { readonly salesforce?: number; readonly shopify?: number; readonly zendesk?: number };
  /** Bind address. Default `127.0.0.1`. */
  readonly host?: string;
  /**
   * Shopify's cost bucket: the demo shop has Shopify Plus limits (10 000 points, restoring 1 000/s) so that
   * a demo or test run is not throttled; pass Standard-plan values (2 000, 100) to see throttling.
   */
  readonly shopifyBucket?: { readonly bucketSize: number; readonly restoreRate: number };
  /**
   * Also write a store's loyalty-list CSV (a fourth, `kind: file` source) to this path; see
   * `exportLoyaltyCsv` (`contactPoints: false` leaves out email and phone). Default: none.
   */
  readonly loyalty?: { readonly path: string; readonly contactPoints?: boolean; readonly share?: number };
}

/** The sandbox's dev credentials (documented in README; sandbox only). */
export const SANDBOX_CREDENTIALS = {
  salesforce: { accessToken: 'sandbox-salesforce-token' },
  shopify: { accessToken: 'shpat_sandbox' },
  zendesk: { email: 'agent@sandbox.example', apiToken: 'sandbox-zendesk-token' },
} as const;

/**
 * The secrets the sandbox's vendors sign change webhooks with (sandbox only), and the environment variables a
 * gateway reads them from (`webhooks.<vendor>.secretEnv` defaults).
 */
export const SANDBOX_WEBHOOK_SECRETS = {
  shopify: 'sandbox-shopify-webhook-secret',
  zendesk: 'sandbox-zendesk-webhook-secret',
  salesforce: 'sandbox-salesforce-webhook-secret',
} as const;

/** {@link SANDBOX_WEBHOOK_SECRETS} as the environment a gateway config reads them from. */
export const SANDBOX_WEBHOOK_ENV: Readonly<Record<string, string>> = {
  SHOPIFY_WEBHOOK_SECRET: SANDBOX_WEBHOOK_SECRETS.shopify,
  ZENDESK_WEBHOOK_SECRET: SANDBOX_WEBHOOK_SECRETS.zendesk,
  SALESFORCE_WEBHOOK_SECRET: SANDBOX_WEBHOOK_SECRETS.salesforce,
};

/** Three running simulated sources over one dataset. */
export interface Sandbox {
  readonly dataset: SandboxDataset;
  readonly salesforce: WebhookFakeServer;
  readonly shopify: WebhookFakeServer;
  readonly zendesk: WebhookFakeServer;
  /** The loyalty CSV when asked for: its path, ground truth (row id → person) and a raw `kind: file` source config. */
  readonly loyalty: { readonly path: string; readonly truth: ReadonlyArray<{ id: string; personId: string }>; readonly source: Record<string, unknown> } | null;
  /** Gateway source configs pointing at these servers (priority: Salesforce, Shopify, Zendesk). */
  sourceConfigs(overrides?: Partial<Pick<SourceConfig, 'timeoutMs' | 'maxSockets'>>): SourceConfig[];
  /**
   * Makes the three vendors send their change webhooks to a gateway at `gatewayOrigin`
   * (`/webhooks/{shopify,zendesk,salesforce}`), signed with {@link SANDBOX_WEBHOOK_SECRETS}; null stops them.
   */
  sendWebhooksTo(gatewayOrigin: string | null): void;
  close(): Promise<void>;
}

/** Generates (or takes) a dataset and starts the Salesforce, Shopify and Zendesk fakes on loopback. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  const dataset = options.dataset ?? generateDataset({ size: options.size ?? 1000, seed: options.seed ?? 42 });
  const host = options.host ?? '127.0.0.1';
  const started: WebhookFakeServer[] = [];
  try {
    const salesforce = await startSalesforceSandbox(dataset, { port: options.ports?.salesforce ?? 0, host, accessToken: SANDBOX_CREDENTIALS.salesforce.accessToken });
    started.push(salesforce);
    const shopify = await startShopifySandbox(dataset, {
      port: options.ports?.shopify ?? 0,
      host,
      accessToken: SANDBOX_CREDENTIALS.shopify.accessToken,
      ...(options.shopifyBucket ?? { bucketSize: 10_000, restoreRate: 1_000 }),
    });
    started.push(shopify);
    const zendesk = await startZendeskSandbox(dataset, {
      port: options.ports?.zendesk ?? 0,
      host,
      agentEmail: SANDBOX_CREDENTIALS.zendesk.email,
      apiToken: SANDBOX_CREDENTIALS.zendesk.apiToken,
    });
    started.push(zendesk);
    let loyalty: Sandbox['loyalty'] = null;
    if (options.loyalty) {
      const exported = exportLoyaltyCsv(dataset, { ...(options.loyalty.contactPoints === undefined ? {} : { contactPoints: options.loyalty.contactPoints }), ...(options.loyalty.share === undefined ? {} : { share: options.loyalty.share }) });
      writeFileSync(options.loyalty.path, exported.csv, 'utf8');
      loyalty = { path: options.loyalty.path, truth: exported.truth, source: { name: 'loyalty', kind: 'file', path: options.loyalty.path, columns: exported.columns } };
    }
    return {
      dataset,
      loyalty,
      salesforce,
      shopify,
      zendesk,
      sourceConfigs: (overrides = {}) => [
        { name: 'salesforce', kind: 'salesforce', baseUrl: salesforce.origin, timeoutMs: 1_000, maxSockets: 64, ...overrides, credentials: { kind: 'salesforce', ...SANDBOX_CREDENTIALS.salesforce } },
        { name: 'shopify', kind: 'shopify', baseUrl: shopify.origin, timeoutMs: 1_000, maxSockets: 64, ...overrides, credentials: { kind: 'shopify', ...SANDBOX_CREDENTIALS.shopify } },
        { name: 'zendesk', kind: 'zendesk', baseUrl: zendesk.origin, timeoutMs: 1_000, maxSockets: 64, ...overrides, credentials: { kind: 'zendesk', ...SANDBOX_CREDENTIALS.zendesk } },
      ],
      sendWebhooksTo(gatewayOrigin) {
        for (const [vendor, server] of [['shopify', shopify], ['zendesk', zendesk], ['salesforce', salesforce]] as const) {
          server.webhooks.configure(gatewayOrigin === null ? null : { url: new URL(`/webhooks/${vendor}`, gatewayOrigin).href, secret: SANDBOX_WEBHOOK_SECRETS[vendor] });
        }
      },
      close: async () => {
        await Promise.all(started.map((server) => server.webhooks.idle()));
        await Promise.all(started.map((server) => server.close()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((server) => server.close()));
    throw error;
  }
}
