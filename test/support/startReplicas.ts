import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'redis';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { SANDBOX_WEBHOOK_ENV, startSandbox, type Sandbox, type StartSandboxOptions } from '../../src/sandbox/index.js';
import { createServer, type GatewayServer } from '../../src/server.js';
import { DEV_API_KEY, devAuthConfig } from '../../src/auth/index.js';
import type { GraphQLResponse } from './startTestGateway.js';

/** One gateway replica of {@link startReplicas}. */
export interface Replica {
  readonly url: string;
  readonly gateway: GatewayServer;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** GET a path of this replica (`/readyz`, `/metrics`): status and text. */
  get(path: string): Promise<{ status: number; text: string }>;
}

/** Options of {@link startReplicas}. */
export interface ReplicasOptions {
  readonly count: number;
  readonly redisUrl: string;
  readonly size?: number;
  readonly seed?: number;
  readonly shopifyBucket?: StartSandboxOptions['shopifyBucket'];
  /** Raw `policies` per source name (merged over stale-if-error off). */
  readonly policies?: Record<string, Record<string, unknown>>;
  /** Raw `state.redis` keys besides url and keyPrefix. */
  readonly redis?: Record<string, unknown>;
  /** `server.deadlineMs` of every replica; default the config default. */
  readonly deadlineMs?: number;
  /**
   * Every replica takes the sandbox's change webhooks (`webhooks` for Shopify, Zendesk and Salesforce with the
   * sandbox's secrets); the sandbox sends them nowhere until `sandbox.sendWebhooksTo(replica.url)`.
   */
  readonly webhooks?: boolean;
}

/** What the Shopify tap saw: every answer the replicas got from the Shopify fake. */
export interface ShopifyTap {
  readonly answers: number;
  /** Answers with a THROTTLED error: the bucket could not cover the query's requested cost. */
  readonly throttled: number;
  /** Largest `requestedQueryCost` seen. */
  readonly maxRequestedCost: number;
}

/** Replicas sharing one sandbox and one Redis key prefix, and a way to stop them and delete their keys. */
export interface Replicas {
  readonly sandbox: Sandbox;
  readonly replicas: readonly Replica[];
  readonly keyPrefix: string;
  /** The replicas reach Shopify through a tap that reads each answer's cost extension. */
  shopifyTap(): ShopifyTap;
  /** Upstream HTTP requests the sandbox received (every vendor) since the last clear. */
  upstreamCalls(): number;
  clearRequestLogs(): void;
  close(): Promise<void>;
}

/**
 * Starts one sandbox and `count` gateways (separate createServer instances in this process: each has its own
 * caches, Redis connections and HTTP port, as separate processes would) with `state.redis` on a random key
 * prefix and overrides enabled.
 */
export async function startReplicas(options: ReplicasOptions): Promise<Replicas> {
  const sandbox = await startSandbox({ size: options.size ?? 120, seed: options.seed ?? 11, ...(options.shopifyBucket ? { shopifyBucket: options.shopifyBucket } : {}) });
  const keyPrefix = `c360test:${randomBytes(4).toString('hex')}:`;
  const tap = { answers: 0, throttled: 0, maxRequestedCost: 0 };
  const proxy = await startShopifyTap(sandbox.shopify.origin, tap);
  const env = { SALESFORCE_ACCESS_TOKEN: 'sandbox-salesforce-token', SHOPIFY_ACCESS_TOKEN: 'shpat_sandbox', ZENDESK_EMAIL: 'agent@sandbox.example', ZENDESK_API_TOKEN: 'sandbox-zendesk-token', ...(options.webhooks ? SANDBOX_WEBHOOK_ENV : {}) };
  const replicas: Replica[] = [];
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${DEV_API_KEY}` };
  for (let i = 0; i < options.count; i += 1) {
    const config = parseConfig(
      {
        server: { port: 0, ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}) },
        auth: devAuthConfig(),
        logging: { level: 'silent' },
        identity: { overrides: { enabled: true } },
        state: { redis: { url: options.redisUrl, keyPrefix, commandTimeoutMs: 1_000, ...options.redis } },
        ...(options.webhooks ? { webhooks: { shopify: {}, zendesk: {}, salesforce: {} } } : {}),
        sources: sandbox
          .sourceConfigs({ timeoutMs: 5_000 })
          .map(({ credentials: _c, ...s }) => ({ ...s, ...(s.name === 'shopify' ? { baseUrl: proxy.origin } : {}), policies: { cache: { staleWindowMs: 0 }, ...options.policies?.[s.name] } })),
      },
      env,
    );
    const gateway = createServer(config, { logger: createLogger('silent'), auditSink: { write: () => undefined, flush: async () => undefined } });
    const url = await gateway.start();
    replicas.push({
      url,
      gateway,
      async gql(query, variables) {
        const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
        return { status: res.status, ...((await res.json()) as object) } as GraphQLResponse<never>;
      },
      async get(path) {
        const res = await fetch(new URL(path, url));
        return { status: res.status, text: await res.text() };
      },
    });
  }
  const servers = [sandbox.salesforce, sandbox.shopify, sandbox.zendesk];
  return {
    sandbox,
    replicas,
    keyPrefix,
    shopifyTap: () => ({ ...tap }),
    upstreamCalls: () => servers.reduce((n, s) => n + s.requests().length, 0),
    clearRequestLogs: () => servers.forEach((s) => s.clearRequests()),
    async close() {
      await Promise.all(replicas.map((r) => r.gateway.stop()));
      await sandbox.close();
      await new Promise<void>((resolve) => proxy.server.close(() => resolve()));
      const cleaner = createClient({ url: options.redisUrl });
      await cleaner.connect();
      for await (const keys of cleaner.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 500 })) if (keys.length > 0) await cleaner.del(keys);
      cleaner.destroy();
    },
  };
}

/** A loopback proxy in front of the Shopify fake that counts throttled answers (the fake's log has no bodies). */
async function startShopifyTap(target: string, tap: { answers: number; throttled: number; maxRequestedCost: number }): Promise<{ origin: string; server: http.Server }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
      fetch(new URL(req.url ?? '/', target), { method: req.method ?? 'POST', headers, ...(req.method === 'POST' ? { body: Buffer.concat(chunks) } : {}) })
        .then(async (answer) => {
          const text = await answer.text();
          tap.answers += 1;
          if (text.includes('"THROTTLED"')) tap.throttled += 1;
          const requested = /"requestedQueryCost":(\d+)/.exec(text);
          if (requested) tap.maxRequestedCost = Math.max(tap.maxRequestedCost, Number(requested[1]));
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          res.end(text);
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
