import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { identityConfigShape, type IdentityTuning } from './identity/identityConfigSchema.js';
import { fileSourceSchema, type FileSourceSettings } from './adapters/file/fileSourceSchema.js';
import { postgresSourceSchema, type PostgresSourceSettings } from './adapters/postgres/postgresSourceSchema.js';
import { restSourceSchema, type RestSecrets, type RestSourceSettings } from './adapters/rest/restSourceSchema.js';
import { unifyConfigSchema, type UnifyConfig } from './unify/unifyConfig.js';
import { authConfigSchema, type AuthConfig } from './auth/authConfigSchema.js';
import { auditConfigSchema, type AuditConfig } from './audit/auditConfigSchema.js';
import { limitsConfigSchema, type LimitsConfig } from './plugins/limitsConfigSchema.js';
import { federationConfigSchema, type FederationConfig } from './federation/federationConfigSchema.js';
import { stateConfigSchema, type StateConfig } from './state/stateConfigSchema.js';
import { resolveWebhooksConfig, webhooksConfigSchema, type WebhooksConfig } from './webhooks/webhooksConfigSchema.js';

/** Adapter kinds this build knows. */
export const SOURCE_KINDS = ['salesforce', 'shopify', 'zendesk'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Credentials after environment resolution. Secrets never come from the YAML file itself. */
export type SourceCredentials =
  | { readonly kind: 'salesforce'; readonly accessToken: string }
  | { readonly kind: 'shopify'; readonly accessToken: string }
  | { readonly kind: 'zendesk'; readonly email: string; readonly apiToken: string }
  | { readonly kind: 'zendesk'; readonly oauthToken: string }
  | { readonly kind: 'file' }
  /** `kind: postgres`: the password from `connection.passwordEnv`, when one is named. */
  | { readonly kind: 'postgres'; readonly password?: string | undefined }
  /** `kind: rest`: the secrets its `auth` names, read from the environment. */
  | { readonly kind: 'rest'; readonly secrets: RestSecrets };

/** One source, validated and with credentials resolved. */
export interface SourceConfig {
  readonly name: string;
  readonly kind: SourceKind | 'file' | 'postgres' | 'rest';
  /** `kind: file` only: the export's path, format and column mapping (src/adapters/file). */
  readonly file?: FileSourceSettings | undefined;
  /** `kind: postgres` only: connection and statements (src/adapters/postgres). */
  readonly postgres?: PostgresSourceSettings | undefined;
  /** `kind: rest` only: auth, endpoint templates and mappings (src/adapters/rest). */
  readonly rest?: RestSourceSettings | undefined;
  /** Instance/shop/subdomain URL: the only thing that differs between the sandbox and a real tenant. */
  readonly baseUrl: string;
  /** Vendor API version (`v63.0`, `2025-10`); the adapter's default when absent. */
  readonly apiVersion?: string | undefined;
  /** Overall limit per upstream call (one batch method, all its pages), ms. Default 1 000: well below the request deadline. */
  readonly timeoutMs: number;
  /** Keep-alive sockets per source. Default 64. */
  readonly maxSockets: number;
  /** Resilience policies (retries, breaker, bulkhead, record cache); {@link DEFAULT_SOURCE_POLICIES} when absent. */
  readonly policies?: SourcePolicies | undefined;
  readonly credentials: SourceCredentials;
}

/**
 * Per-source resilience policies (DESIGN.md §7), applied by `createResilientAdapter`. Times in ms.
 * - `retries`: `maxAttempts` counts the first call (default 3 = 2 retries); jittered exponential backoff from
 *   `baseDelayMs` (100) up to `maxDelayMs` (1 000); `budgetRatio` (0.1): retries may add at most this share
 *   of calls, so a source that fails every time sees at most ~1.1× the calls.
 * - `breaker`: opens when at least `minCalls` (10) calls in `windowMs` (10 000) failed at `failureRatio`
 *   (0.5) or more; after `halfOpenAfterMs` (5 000) one probe call decides between closed and open again.
 * - `bulkhead`: at most `maxConcurrent` (32) calls in flight, `maxQueue` (64) waiting; more fail at once.
 *   Requests that share a call (`coalesce`) take one slot.
 * - `cache`: record cache for stale-if-error: values are served from it without a call for `ttlMs`
 *   (default 0: always live), and when the source fails for `staleWindowMs` more (300 000); `max` (5 000)
 *   entries per source. `staleWindowMs: 0` turns stale serving off.
 */
export interface SourcePolicies {
  readonly retries: { readonly maxAttempts: number; readonly baseDelayMs: number; readonly maxDelayMs: number; readonly budgetRatio: number };
  readonly breaker: { readonly minCalls: number; readonly failureRatio: number; readonly windowMs: number; readonly halfOpenAfterMs: number };
  readonly bulkhead: { readonly maxConcurrent: number; readonly maxQueue: number };
  readonly cache: { readonly ttlMs: number; readonly staleWindowMs: number; readonly max: number };
  /**
   * The vendor's limit as a token bucket shared by every replica with `state.redis` (per process otherwise):
   * `capacity` units refilled at `refillPerSecond`; a call waits (within its deadline) until the bucket holds
   * its units. Units: requests (Salesforce, Zendesk, rest), cost points for Shopify (each call takes
   * `estimatedCost`, then is settled with Shopify's `actualQueryCost`, and the bucket never holds more than
   * Shopify's reported `currentlyAvailable`). Absent = no budget (today: only the vendor's throttling answers).
   */
  readonly budget?: { readonly capacity: number; readonly refillPerSecond: number; readonly estimatedCost: number } | undefined;
  /**
   * Merge the by-id reads that concurrent requests make of this source in one turn of the event loop into one
   * call (`createCoalescer`). Default true; file sources are never merged (they make no calls).
   */
  readonly coalesce?: boolean | undefined;
}

/** The policies a source gets when its config names none. */
export const DEFAULT_SOURCE_POLICIES: SourcePolicies = {
  retries: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, budgetRatio: 0.1 },
  breaker: { minCalls: 10, failureRatio: 0.5, windowMs: 10_000, halfOpenAfterMs: 5_000 },
  bulkhead: { maxConcurrent: 32, maxQueue: 64 },
  cache: { ttlMs: 0, staleWindowMs: 300_000, max: 5_000 },
};

/** The whole gateway configuration (see README "Configuration" for every key and default). */
export interface GatewayConfig {
  readonly server: {
    /** Default `127.0.0.1`. */
    readonly host: string;
    /** Default 4000; 0 picks a free port. */
    readonly port: number;
    /** Schema introspection. Default true (demo); set false in production until scope-gating lands. */
    readonly introspection: boolean;
    /** Largest request body, bytes. Default 102 400. */
    readonly bodyLimitBytes: number;
    /** Time budget of one request, ms (header `x-c360-deadline-ms` may only shorten it). Default 3 000. */
    readonly deadlineMs: number;
    /**
     * On SIGTERM/SIGINT: how long requests already running may take to finish (their answers are sent) before
     * their connections are cut, ms. New connections are refused and `/readyz` answers 503 meanwhile. Default 10 000.
     */
    readonly shutdownGraceMs: number;
  };
  readonly logging: { readonly level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' };
  readonly identity: {
    /** Region for national phone formats. Default `US`. */
    readonly defaultRegion: CountryCode;
    /** Closure depth (search rounds after the first). Default 2. */
    readonly maxHops: number;
    /** A key matching more records than this in one source is generic. Default 20. */
    readonly maxRecordsPerKey: number;
    /** Crosswalk entries. Default 10 000. */
    readonly cacheMax: number;
    /** Crosswalk entry lifetime, ms. Default 300 000. */
    readonly cacheTtlMs: number;
  } & IdentityTuning;
  /** In priority order: the first source anchors customers it holds. */
  readonly sources: readonly SourceConfig[];
  /** Survivorship, timeline folding, segments, journey and expected attributes (src/unify/unifyConfig.ts). */
  readonly unify: UnifyConfig;
  /** Roles, API keys, JWT verification (src/auth/authConfigSchema.ts). No credentials configured = every request 401. Absent = defaults. */
  readonly auth?: AuthConfig;
  /** Audit sink for PII reads (src/audit/auditConfigSchema.ts). Absent = stdout. */
  readonly audit?: AuditConfig;
  /** Query limits (src/plugins/limitsConfigSchema.ts). Absent = defaults. */
  readonly limits?: LimitsConfig;
  /**
   * Performance switches. `batching` (default true): per-request DataLoaders batch the keys of one tick into
   * one upstream call; false sends one call per key (a benchmark ablation: what batching saves).
   * `idleScavenge` (default true): at light load, young-generation collections run while the gateway waits for
   * sources instead of inside a request's computation (src/runtime/createIdleScavenger.ts).
   * `earlyCalls` (default true): a repeated `customer` / `customerBySource` operation alone in the gateway sends its
   * source calls once its caller is authenticated, before GraphQL execution (src/resolvers/createCallPlans.ts).
   * Absent = defaults.
   */
  readonly performance?: { readonly batching: boolean; readonly idleScavenge?: boolean; readonly earlyCalls?: boolean };
  /**
   * The agent console (issue 14): `enabled` serves /console and GraphiQL at GET /graphql (default true);
   * `registeredOnly` lists principal subjects (`apikey:<name>`, a JWT `sub`) that may run only the console's
   * registered operations (default none). Absent = defaults.
   */
  readonly console?: { readonly enabled: boolean; readonly registeredOnly: readonly string[] };
  /** Apollo Federation 2 subgraph mode (src/federation/federationConfigSchema.ts). Absent = off. */
  readonly federation?: FederationConfig;
  /** Shared state for several replicas (src/state/stateConfigSchema.ts). Absent or without `redis` = one process. */
  readonly state?: StateConfig;
  /** Change webhooks from the vendors (src/webhooks/webhooksConfigSchema.ts, README "Change webhooks"). Absent = no endpoints. */
  readonly webhooks?: WebhooksConfig;
}

/** A configuration problem; `message` names the key and the bad value. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name (A-Z, 0-9, _)');
const noSecrets = { accessToken: z.never().optional(), apiToken: z.never().optional(), oauthToken: z.never().optional(), password: z.never().optional() };

const D = DEFAULT_SOURCE_POLICIES;
const policiesSchema = z
  .object({
    retries: z
      .object({
        maxAttempts: z.number().int().min(1).max(10).default(D.retries.maxAttempts),
        baseDelayMs: z.number().int().min(0).max(60_000).default(D.retries.baseDelayMs),
        maxDelayMs: z.number().int().min(0).max(60_000).default(D.retries.maxDelayMs),
        budgetRatio: z.number().min(0).max(1).default(D.retries.budgetRatio),
      })
      .strict()
      .default(D.retries),
    breaker: z
      .object({
        minCalls: z.number().int().min(1).max(100_000).default(D.breaker.minCalls),
        failureRatio: z.number().gt(0).lt(1).default(D.breaker.failureRatio),
        windowMs: z.number().int().min(100).max(3_600_000).default(D.breaker.windowMs),
        halfOpenAfterMs: z.number().int().min(1).max(3_600_000).default(D.breaker.halfOpenAfterMs),
      })
      .strict()
      .default(D.breaker),
    bulkhead: z
      .object({
        maxConcurrent: z.number().int().min(1).max(10_000).default(D.bulkhead.maxConcurrent),
        maxQueue: z.number().int().min(0).max(100_000).default(D.bulkhead.maxQueue),
      })
      .strict()
      .default(D.bulkhead),
    cache: z
      .object({
        ttlMs: z.number().int().min(0).max(86_400_000).default(D.cache.ttlMs),
        staleWindowMs: z.number().int().min(0).max(86_400_000).default(D.cache.staleWindowMs),
        max: z.number().int().min(1).max(10_000_000).default(D.cache.max),
      })
      .strict()
      .default(D.cache),
    budget: z
      .object({
        capacity: z.number().positive().max(1_000_000),
        refillPerSecond: z.number().positive().max(1_000_000),
        estimatedCost: z.number().int().min(1).max(100_000).default(10),
      })
      .strict()
      .optional(),
    coalesce: z.boolean().optional(),
  })
  .strict()
  .default(D);

const sourceSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be 1-32 characters: lower-case letters, digits, _ or -, starting with a letter'),
    kind: z.enum(SOURCE_KINDS),
    baseUrl: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }),
    apiVersion: z.string().min(1).optional(),
    timeoutMs: z.number().int().min(1).max(120_000).default(1_000),
    maxSockets: z.number().int().min(1).max(1024).default(64),
    policies: policiesSchema,
    credentials: z
      .object({ accessTokenEnv: envName.optional(), emailEnv: envName.optional(), apiTokenEnv: envName.optional(), oauthTokenEnv: envName.optional(), ...noSecrets })
      .strict()
      .default({}),
  })
  .strict();

const configSchema = z
  .object({
    server: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        port: z.number().int().min(0).max(65_535).default(4000),
        introspection: z.boolean().default(true),
        bodyLimitBytes: z.number().int().min(1024).max(10 * 1024 * 1024).default(102_400),
        deadlineMs: z.number().int().min(50).max(600_000).default(3_000),
        shutdownGraceMs: z.number().int().min(0).max(600_000).default(10_000),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 4000, introspection: true, bodyLimitBytes: 102_400, deadlineMs: 3_000, shutdownGraceMs: 10_000 }),
    logging: z
      .object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') })
      .strict()
      .default({ level: 'info' }),
    identity: z
      .object({
        defaultRegion: z.string().refine((r) => isSupportedCountry(r), 'must be an ISO 3166-1 alpha-2 region libphonenumber knows').default('US'),
        maxHops: z.number().int().min(0).max(5).default(2),
        maxRecordsPerKey: z.number().int().min(2).max(1000).default(20),
        cacheMax: z.number().int().min(1).max(10_000_000).default(10_000),
        cacheTtlMs: z.number().int().min(0).max(86_400_000).default(300_000),
        // Matching, blocklist, stale window, overrides (owned by src/identity).
        ...identityConfigShape,
      })
      .strict()
      .prefault({}),
    unify: unifyConfigSchema.default(() => unifyConfigSchema.parse({})),
    auth: authConfigSchema.prefault({}),
    audit: auditConfigSchema.prefault({}),
    limits: limitsConfigSchema.prefault({}),
    performance: z.object({ batching: z.boolean().default(true), idleScavenge: z.boolean().default(true), earlyCalls: z.boolean().default(true) }).strict().prefault({}),
    // The agent console at /console and its registered operations (issue 14; see README "Agent console").
    console: z
      .object({
        /** Serve /console (and the GraphQL IDE at GET /graphql where introspection is on). Default true. */
        enabled: z.boolean().default(true),
        /** Principal subjects (`apikey:<name>` or a JWT `sub`) that may run only the console's registered operations. Default none. */
        registeredOnly: z.array(z.string().min(1).max(256)).default([]),
      })
      .strict()
      .prefault({}),
    federation: federationConfigSchema.prefault({}),
    state: stateConfigSchema.prefault({}),
    webhooks: webhooksConfigSchema.optional(),
    sources: z
      .array(z.discriminatedUnion('kind', [sourceSchema, fileSourceSchema, postgresSourceSchema.extend({ policies: policiesSchema }), restSourceSchema.extend({ policies: policiesSchema })]))
      .min(1, 'must list at least one source')
      .refine((list) => new Set(list.map((s) => s.name)).size === list.length, 'source names must be unique'),
  })
  .strict();

/** Environment variables that override file values (applied before validation). */
export const ENV_OVERRIDES: ReadonlyArray<{ readonly env: string; readonly path: readonly string[]; readonly type: 'string' | 'number' | 'boolean' }> = [
  { env: 'C360_HOST', path: ['server', 'host'], type: 'string' },
  { env: 'C360_PORT', path: ['server', 'port'], type: 'number' },
  { env: 'C360_INTROSPECTION', path: ['server', 'introspection'], type: 'boolean' },
  { env: 'C360_LOG_LEVEL', path: ['logging', 'level'], type: 'string' },
  { env: 'C360_DEFAULT_REGION', path: ['identity', 'defaultRegion'], type: 'string' },
  { env: 'C360_AUDIT_SINK', path: ['audit', 'sink'], type: 'string' },
  { env: 'C360_AUDIT_FILE', path: ['audit', 'file'], type: 'string' },
  { env: 'C360_JWT_JWKS_URL', path: ['auth', 'jwt', 'jwksUrl'], type: 'string' },
  { env: 'C360_BATCHING', path: ['performance', 'batching'], type: 'boolean' },
  { env: 'C360_IDLE_SCAVENGE', path: ['performance', 'idleScavenge'], type: 'boolean' },
  { env: 'C360_EARLY_CALLS', path: ['performance', 'earlyCalls'], type: 'boolean' },
  { env: 'C360_FEDERATION', path: ['federation', 'enabled'], type: 'boolean' },
  { env: 'C360_REDIS_URL', path: ['state', 'redis', 'url'], type: 'string' },
];

const DEFAULT_CREDENTIAL_ENV: Record<SourceKind, Record<string, string>> = {
  salesforce: { accessTokenEnv: 'SALESFORCE_ACCESS_TOKEN' },
  shopify: { accessTokenEnv: 'SHOPIFY_ACCESS_TOKEN' },
  zendesk: { emailEnv: 'ZENDESK_EMAIL', apiTokenEnv: 'ZENDESK_API_TOKEN' },
};

/** Reads, overrides from `env`, validates and resolves a YAML config file. Throws {@link ConfigError}. */
export function loadConfig(path: string, env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new ConfigError(`config file ${path} is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  // Relative paths in the file (a file source's `path`, the model file) are relative to the file, not the working directory.
  const config = parseConfig(raw ?? {}, env, path, { baseDir: dirname(resolve(path)) });
  const model = config.identity.model;
  return model === undefined ? config : { ...config, identity: { ...config.identity, model: resolve(dirname(path), model) } };
}

/**
 * Validates a config object (already parsed from YAML), applying env overrides and resolving secrets.
 * `options.baseDir`: the folder relative file-source `path`s are resolved against (the config file's folder;
 * default the working directory).
 */
export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv = process.env, origin = 'config', options: { readonly baseDir?: string } = {}): GatewayConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${origin}: the top level must be a mapping`);
  const input = structuredClone(raw) as Record<string, unknown>;
  const fromEnv = new Map<string, string>();
  for (const override of ENV_OVERRIDES) {
    const value = env[override.env];
    if (value === undefined || value === '') continue;
    setPath(input, override.path, override.type === 'number' && /^\d+$/.test(value) ? Number(value) : override.type === 'boolean' && /^(true|false)$/.test(value) ? value === 'true' : value);
    fromEnv.set(override.path.join('.'), override.env);
  }
  applySourceUrlOverrides(input, env, fromEnv);
  const result = configSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = formatPath(issue.path);
    const bad = valueAt(input, issue.path);
    const source = fromEnv.get(issue.path.join('.'));
    throw new ConfigError(`${origin}: ${key}: ${issue.message} (got ${bad === undefined ? 'nothing' : JSON.stringify(bad)})${source ? ` [from ${source}]` : ''}`);
  }
  const parsed = result.data;
  const webhooks = parsed.webhooks === undefined ? undefined : resolveWebhooksConfig(parsed.webhooks, parsed.sources, env);
  if (webhooks && !webhooks.ok) throw new ConfigError(`${origin}: ${webhooks.message}`);
  return {
    server: parsed.server,
    logging: parsed.logging,
    identity: { ...parsed.identity, defaultRegion: parsed.identity.defaultRegion as CountryCode },
    unify: parsed.unify,
    auth: parsed.auth,
    audit: parsed.audit,
    limits: parsed.limits,
    performance: parsed.performance,
    console: parsed.console,
    federation: parsed.federation,
    state: parsed.state,
    ...(webhooks ? { webhooks: webhooks.config } : {}),
    sources: parsed.sources.map((source, index) => source.kind === 'file' ? fileSourceConfig({ ...source, path: resolve(options.baseDir ?? '.', source.path) }) : source.kind === 'postgres' ? postgresSourceConfig(source, env, `sources[${index}] (${source.name})`) : source.kind === 'rest' ? restSourceConfig(source, env, `sources[${index}] (${source.name})`) : ({
      name: source.name,
      kind: source.kind,
      baseUrl: source.baseUrl,
      apiVersion: source.apiVersion,
      timeoutMs: source.timeoutMs,
      maxSockets: source.maxSockets,
      policies: source.policies,
      credentials: resolveCredentials(source.kind, { ...DEFAULT_CREDENTIAL_ENV[source.kind], ...stripUndefined(source.credentials) }, env, `sources[${index}] (${source.name})`),
    })),
  };
}

/** A `kind: file` source as a SourceConfig: no HTTP, no credentials; `baseUrl` is the file URL (for logs). */
function fileSourceConfig(file: FileSourceSettings): SourceConfig {
  return { name: file.name, kind: 'file', baseUrl: pathToFileURL(file.path).href, timeoutMs: 5_000, maxSockets: 1, credentials: { kind: 'file' }, file };
}

/** A `kind: postgres` source as a SourceConfig; `baseUrl` is a `postgres://` URL without credentials (for logs). */
function postgresSourceConfig(settings: PostgresSourceSettings & { policies: SourcePolicies }, env: NodeJS.ProcessEnv, where: string): SourceConfig {
  const c = settings.connection;
  const password = c.passwordEnv === undefined ? undefined : readEnv(env, c.passwordEnv, `${where}: connection.passwordEnv`);
  return {
    name: settings.name,
    kind: 'postgres',
    baseUrl: `postgres://${c.host}:${c.port}/${encodeURIComponent(c.database)}`,
    timeoutMs: settings.timeoutMs,
    maxSockets: c.poolMax,
    policies: settings.policies,
    credentials: { kind: 'postgres', password },
    postgres: settings,
  };
}

/** A `kind: rest` source as a SourceConfig, with the secrets its auth names read from `env`. */
function restSourceConfig(settings: RestSourceSettings & { policies: SourcePolicies }, env: NodeJS.ProcessEnv, where: string): SourceConfig {
  const { auth } = settings;
  const read = (key: string, name: string) => readEnv(env, name, `${where}: auth.${key}`);
  let secrets: RestSecrets;
  switch (auth.type) {
    case 'none':
      secrets = {};
      break;
    case 'bearer':
      secrets = { token: read('tokenEnv', auth.tokenEnv) };
      break;
    case 'basic':
      secrets = { username: read('usernameEnv', auth.usernameEnv), password: read('passwordEnv', auth.passwordEnv) };
      break;
    case 'apiKey':
      secrets = { apiKey: read('valueEnv', auth.valueEnv) };
      break;
    case 'oauth2ClientCredentials':
      secrets = { clientId: read('clientIdEnv', auth.clientIdEnv), clientSecret: read('clientSecretEnv', auth.clientSecretEnv) };
      break;
    default: {
      const unreachable: never = auth;
      return unreachable;
    }
  }
  return { name: settings.name, kind: 'rest', baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, maxSockets: settings.maxSockets, policies: settings.policies, credentials: { kind: 'rest', secrets }, rest: settings };
}

function readEnv(env: NodeJS.ProcessEnv, name: string, where: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`${where}: environment variable ${name} is not set`);
  return value;
}

function resolveCredentials(kind: SourceKind, names: Record<string, string>, env: NodeJS.ProcessEnv, where: string): SourceCredentials {
  const read = (key: string): string => {
    const name = names[key]!;
    const value = env[name];
    if (!value) throw new ConfigError(`${where}: credentials.${key}: environment variable ${name} is not set`);
    return value;
  };
  switch (kind) {
    case 'salesforce':
    case 'shopify':
      return { kind, accessToken: read('accessTokenEnv') };
    case 'zendesk':
      return names.oauthTokenEnv ? { kind, oauthToken: read('oauthTokenEnv') } : { kind, email: read('emailEnv'), apiToken: read('apiTokenEnv') };
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

function applySourceUrlOverrides(input: Record<string, unknown>, env: NodeJS.ProcessEnv, fromEnv: Map<string, string>): void {
  if (!Array.isArray(input.sources)) return;
  input.sources.forEach((source: unknown, index) => {
    if (typeof source !== 'object' || source === null || typeof (source as { name?: unknown }).name !== 'string') return;
    const envKey = `C360_SOURCE_${(source as { name: string }).name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_BASE_URL`;
    const value = env[envKey];
    if (value) {
      (source as Record<string, unknown>).baseUrl = value;
      fromEnv.set(`sources.${index}.baseUrl`, envKey);
    }
  });
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const part of path.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

function valueAt(target: unknown, path: readonly PropertyKey[]): unknown {
  let node = target;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function stripUndefined(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
