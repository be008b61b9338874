import { z } from 'zod';

/** The vendors that can send change webhooks, each mapped onto one configured source of the same kind. */
export const WEBHOOK_VENDORS = ['shopify', 'zendesk', 'salesforce'] as const;
export type WebhookVendor = (typeof WEBHOOK_VENDORS)[number];

/** Defaults of the `webhooks:` section. */
export const WEBHOOK_DEFAULTS = {
  /** How far a signed timestamp may be from the gateway's clock, either way, seconds. */
  toleranceSeconds: 300,
  /** Largest webhook body, bytes (a Shopify order with many lines runs to tens of kB). */
  maxBodyBytes: 1_048_576,
  /** Delivery ids remembered for replay detection (each for twice the tolerance). */
  replayMemory: 100_000,
  /** Environment variables holding each vendor's signing secret when `secretEnv` is not given. */
  secretEnv: { shopify: 'SHOPIFY_WEBHOOK_SECRET', zendesk: 'ZENDESK_WEBHOOK_SECRET', salesforce: 'SALESFORCE_WEBHOOK_SECRET' },
} as const;

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name (A-Z, 0-9, _)');
const endpointSchema = z
  .object({
    /** Environment variable with the signing secret (never the secret itself in the file). */
    secretEnv: envName.optional(),
    /** Name of the source this vendor's webhooks change; default the first source of the vendor's kind. */
    source: z.string().min(1).optional(),
    secret: z.never({ error: 'secrets never go in the config file: name an environment variable in secretEnv' }).optional(),
  })
  .strict();

/**
 * The `webhooks:` config section (README "Change webhooks"). A vendor's endpoint (`POST /webhooks/<vendor>`)
 * exists only when its block is present; its secret is read from the environment at start.
 */
export const webhooksConfigSchema = z
  .object({
    toleranceSeconds: z.number().int().min(1).max(86_400).default(WEBHOOK_DEFAULTS.toleranceSeconds),
    maxBodyBytes: z.number().int().min(1024).max(10 * 1024 * 1024).default(WEBHOOK_DEFAULTS.maxBodyBytes),
    replayMemory: z.number().int().min(100).max(10_000_000).default(WEBHOOK_DEFAULTS.replayMemory),
    shopify: endpointSchema.optional(),
    zendesk: endpointSchema.optional(),
    salesforce: endpointSchema.optional(),
  })
  .strict();

/** One vendor's endpoint after resolution: the secret read and the source it changes. */
export interface WebhookEndpointConfig {
  readonly secret: string;
  /** The configured source (of the vendor's kind) whose records the webhooks name. */
  readonly source: string;
}

/**
 * The validated `webhooks:` section. `toleranceSeconds` (default 300): signed timestamps further from now,
 * either way, are refused; `maxBodyBytes` (default 1 MiB); `replayMemory` (default 100 000 delivery ids).
 * A vendor absent here has no endpoint (404 `WEBHOOK_NOT_CONFIGURED`).
 */
export interface WebhooksConfig {
  readonly toleranceSeconds: number;
  readonly maxBodyBytes: number;
  readonly replayMemory: number;
  readonly shopify?: WebhookEndpointConfig | undefined;
  readonly zendesk?: WebhookEndpointConfig | undefined;
  readonly salesforce?: WebhookEndpointConfig | undefined;
}

/** Shortest secret accepted: anything shorter is guessable, and every vendor issues longer ones. */
const MIN_SECRET_LENGTH = 16;

/**
 * Resolves the parsed section: reads each secret from `env` and picks each vendor's source. Returns the
 * problem (key and reason) instead of throwing, so config.ts can report it as a ConfigError.
 */
export function resolveWebhooksConfig(
  parsed: z.output<typeof webhooksConfigSchema>,
  sources: ReadonlyArray<{ readonly name: string; readonly kind: string }>,
  env: NodeJS.ProcessEnv,
): { readonly ok: true; readonly config: WebhooksConfig } | { readonly ok: false; readonly message: string } {
  const endpoints: Partial<Record<WebhookVendor, WebhookEndpointConfig>> = {};
  for (const vendor of WEBHOOK_VENDORS) {
    const block = parsed[vendor];
    if (!block) continue;
    const source = block.source === undefined ? sources.find((s) => s.kind === vendor) : sources.find((s) => s.name === block.source);
    if (!source) return { ok: false, message: `webhooks.${vendor}.source: ${block.source === undefined ? `no source of kind ${vendor} is configured` : `no source named ${JSON.stringify(block.source)}`}` };
    if (source.kind !== vendor) return { ok: false, message: `webhooks.${vendor}.source: source ${JSON.stringify(source.name)} is of kind ${source.kind}, not ${vendor}` };
    const envKey = block.secretEnv ?? WEBHOOK_DEFAULTS.secretEnv[vendor];
    const secret = env[envKey];
    if (!secret) return { ok: false, message: `webhooks.${vendor}.secretEnv: environment variable ${envKey} is not set` };
    if (secret.length < MIN_SECRET_LENGTH) return { ok: false, message: `webhooks.${vendor}.secretEnv: the secret in ${envKey} is shorter than ${MIN_SECRET_LENGTH} characters` };
    endpoints[vendor] = { secret, source: source.name };
  }
  return { ok: true, config: { toleranceSeconds: parsed.toleranceSeconds, maxBodyBytes: parsed.maxBodyBytes, replayMemory: parsed.replayMemory, ...endpoints } };
}
