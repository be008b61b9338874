import type { SandboxDataset } from '../../src/sandbox/dataset/types.js';
import { Writable } from 'node:stream';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { SANDBOX_WEBHOOK_ENV, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import type { OverrideStore } from '../../src/identity/index.js';
import { createServer, type GatewayServer } from '../../src/server.js';
import { DEV_API_KEY, devAuthConfig } from '../../src/auth/index.js';
import type { AuditEvent, AuditSink } from '../../src/audit/index.js';

/** A GraphQL response as the tests read it. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** A running sandbox + gateway on loopback, with a `gql` helper. */
export interface TestGateway {
  readonly url: string;
  readonly sandbox: Sandbox;
  readonly gateway: GatewayServer;
  /** Log lines the gateway wrote (JSON strings). */
  readonly logs: string[];
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Audit events the gateway wrote (PII reads), in order. */
  readonly audit: AuditEvent[];
  /** Headers that authenticate as this gateway's default credential (for raw `fetch` calls). */
  readonly authHeaders: Record<string, string>;
  /** Clears every sandbox server's request log. */
  clearRequestLogs(): void;
  close(): Promise<void>;
}

/** Options of {@link startTestGateway}. */
export interface TestGatewayOptions {
  size?: number;
  seed?: number;
  /** Serve this dataset instead of generating one from `size` and `seed`. */
  dataset?: SandboxDataset;
  timeoutMs?: number;
  /** `server.deadlineMs`; default the config default (3 000). */
  deadlineMs?: number;
  /**
   * Raw `sources[].policies` for every source (validated by parseConfig). Default `{ cache: { staleWindowMs:
   * 0 } }`: stale-if-error off, so a failing source shows as null + error unless a test turns it on.
   */
  policies?: Record<string, unknown>;
  /** Raw `identity:` config keys (validated by parseConfig), e.g. `{ overrides: { enabled: true } }`. */
  identity?: Record<string, unknown>;
  /** Identity overrides store (default: the file store when enabled; pass a memory store in tests). */
  overrideStore?: OverrideStore;
  /** Raw `auth:` config; default {@link devAuthConfig} (the dev API key as `admin`). */
  auth?: Record<string, unknown>;
  /** Credential `gql()` sends as `Authorization: Bearer`; default {@link DEV_API_KEY}; null sends none. */
  credential?: string | null;
  /** Raw `limits:` / `server.introspection` config. */
  limits?: Record<string, unknown>;
  introspection?: boolean;
  /**
   * More sources after the sandbox's three (e.g. `kind: rest`, `kind: postgres`), started over the same
   * dataset: raw configs, the environment their secrets come from, and how to stop what was started.
   */
  extraSources?: (sandbox: Sandbox) => Promise<{ sources: Array<Record<string, unknown>>; env?: Record<string, string>; close(): Promise<void> }>;
  /** Raw `console:` config (issue 14), e.g. `{ registeredOnly: ['apikey:dev'] }`. */
  console?: Record<string, unknown>;
  /** Raw `federation:` config, e.g. `{ enabled: true }`. */
  federation?: Record<string, unknown>;
  /** Raw `state:` config, e.g. `{ redis: { url } }`. */
  state?: Record<string, unknown>;
  /** Raw `performance:` config, e.g. `{ idleScavenge: false }`. */
  performance?: Record<string, unknown>;
  /**
   * Raw `webhooks:` config (secrets from the sandbox's, see SANDBOX_WEBHOOK_ENV); when given, the sandbox's
   * vendors send their change webhooks to this gateway.
   */
  webhooks?: Record<string, unknown>;
}

/** Starts the sandbox (small seeded dataset) and a gateway wired to it, both on free loopback ports. */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const sandbox = await startSandbox({ size: options.size ?? 200, seed: options.seed ?? 7, ...(options.dataset ? { dataset: options.dataset } : {}) });
  const extra = options.extraSources ? await options.extraSources(sandbox) : { sources: [], close: async () => undefined };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const config = parseConfig(
    {
      server: { port: 0, ...(options.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs }), ...(options.introspection === undefined ? {} : { introspection: options.introspection }) },
      auth: options.auth ?? devAuthConfig(),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.console ? { console: options.console } : {}),
      ...(options.federation ? { federation: options.federation } : {}),
      ...(options.state ? { state: options.state } : {}),
      ...(options.performance ? { performance: options.performance } : {}),
      ...(options.webhooks ? { webhooks: options.webhooks } : {}),
      logging: { level: 'info' },
      ...(options.identity ? { identity: options.identity } : {}),
      sources: [
        ...sandbox.sourceConfigs({ timeoutMs: options.timeoutMs ?? 5_000 }).map(({ credentials: _c, ...s }) => ({ ...s, policies: options.policies ?? { cache: { staleWindowMs: 0 } } })),
        ...extra.sources,
      ],
    },
    { SALESFORCE_ACCESS_TOKEN: 'sandbox-salesforce-token', SHOPIFY_ACCESS_TOKEN: 'shpat_sandbox', ZENDESK_EMAIL: 'agent@sandbox.example', ZENDESK_API_TOKEN: 'sandbox-zendesk-token', ...(options.webhooks ? SANDBOX_WEBHOOK_ENV : {}), ...extra.env },
  );
  const audit: AuditEvent[] = [];
  const auditSink: AuditSink = { write: (event) => void audit.push(event), flush: async () => undefined };
  const gateway = createServer(config, { logger: createLogger('info', sink), auditSink, ...(options.overrideStore ? { overrideStore: options.overrideStore } : {}) });
  const url = await gateway.start().catch(async (error: unknown) => {
    // A gateway that refuses to start (a test of exactly that) leaves nothing running behind it.
    await gateway.stop();
    await extra.close();
    await sandbox.close();
    throw error;
  });
  if (options.webhooks) sandbox.sendWebhooksTo(new URL(url).origin);
  const credential = options.credential === undefined ? DEV_API_KEY : options.credential;
  const authHeaders: Record<string, string> = credential === null ? {} : { authorization: `Bearer ${credential}` };
  return {
    url,
    sandbox,
    gateway,
    logs,
    audit,
    authHeaders,
    async gql(query, variables) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...authHeaders }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: res.status, ...body } as GraphQLResponse<never>;
    },
    clearRequestLogs() {
      for (const server of [sandbox.salesforce, sandbox.shopify, sandbox.zendesk]) server.clearRequests();
    },
    async close() {
      await gateway.stop();
      await sandbox.close();
      await extra.close();
    },
  };
}
