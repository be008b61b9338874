import type { SandboxDataset } from '../dataset/types.js';
import { createWebhookSender } from '../createWebhookSender.js';
import type { WebhookFakeServer } from '../fakeTypes.js';
import { startFakeServer } from '../startFakeServer.js';
import { createZendeskProfile } from './createZendeskProfile.js';
import { indexZendeskData } from './indexZendeskData.js';

/** Options of {@link startZendeskSandbox}. */
export interface ZendeskSandboxOptions {
  /** Port to listen on; default 0 (a free ephemeral port, see `FakeServer.origin`). */
  readonly port?: number;
  /** Address to bind; default `127.0.0.1` (the sandbox stays on loopback unless told otherwise). */
  readonly host?: string;
  /** Agent email of the accepted API-token credentials. Default `agent@sandbox.example`. */
  readonly agentEmail?: string;
  /** Accepted API token (`Basic base64("<agentEmail>/token:<apiToken>")`). Default `sandbox-zendesk-token`. */
  readonly apiToken?: string;
  /** Accepted OAuth access token (`Bearer <oauthToken>`); default none, so Bearer auth is refused. */
  readonly oauthToken?: string;
  /** Limit reported in `X-Rate-Limit`/`ratelimit-limit`, requests per minute (reported, not enforced). Default 700. */
  readonly rateLimitPerMinute?: number;
  /** Seed for fault jitter and probabilistic faults. Default 1. */
  readonly seed?: number;
}

/** Defaults of {@link ZendeskSandboxOptions}. */
export const ZENDESK_SANDBOX_DEFAULTS = {
  port: 0,
  host: '127.0.0.1',
  agentEmail: 'agent@sandbox.example',
  apiToken: 'sandbox-zendesk-token',
  rateLimitPerMinute: 700,
  seed: 1,
} as const;

/**
 * Starts a simulated Zendesk Support API (`/api/v2/users/search`, `users/{id}`, `users/show_many`,
 * `users/{id}/tickets/requested`, `search`; `.json` optional) serving `dataset.zendesk` on loopback, with
 * the shared fault-injection control plane at `/__fake/*`. The dataset is read at start and never changed;
 * `PUT users/{id}` and `PUT tickets/{id}` change the fake's own copy and, once `webhooks.configure()` names a
 * target, send Zendesk event webhooks signed as Zendesk signs them.
 * Throws a TypeError naming a bad option. Close the returned server when done.
 */
export async function startZendeskSandbox(dataset: SandboxDataset, options: ZendeskSandboxOptions = {}): Promise<WebhookFakeServer> {
  const port = options.port ?? ZENDESK_SANDBOX_DEFAULTS.port;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw badOption('port', options.port);
  const host = options.host ?? ZENDESK_SANDBOX_DEFAULTS.host;
  if (typeof host !== 'string' || host.trim() === '') throw badOption('host', options.host);
  const agentEmail = options.agentEmail ?? ZENDESK_SANDBOX_DEFAULTS.agentEmail;
  if (typeof agentEmail !== 'string' || !/^[^\s@/:]+@[^\s@/:]+$/.test(agentEmail)) throw badOption('agentEmail', options.agentEmail);
  const apiToken = options.apiToken ?? ZENDESK_SANDBOX_DEFAULTS.apiToken;
  if (typeof apiToken !== 'string' || apiToken === '') throw badOption('apiToken', options.apiToken);
  if (options.oauthToken !== undefined && (typeof options.oauthToken !== 'string' || !/^\S+$/.test(options.oauthToken))) {
    throw badOption('oauthToken', options.oauthToken);
  }
  const rateLimitPerMinute = options.rateLimitPerMinute ?? ZENDESK_SANDBOX_DEFAULTS.rateLimitPerMinute;
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1) throw badOption('rateLimitPerMinute', options.rateLimitPerMinute);
  const seed = options.seed ?? ZENDESK_SANDBOX_DEFAULTS.seed;
  if (!Number.isInteger(seed)) throw badOption('seed', options.seed);
  const webhooks = createWebhookSender();
  const profile = createZendeskProfile(indexZendeskData(dataset), { agentEmail, apiToken, oauthToken: options.oauthToken, rateLimitPerMinute }, webhooks);
  return { ...(await startFakeServer(profile, { port, host, seed })), webhooks };
}

function badOption(name: string, value: unknown): TypeError {
  return new TypeError(`startZendeskSandbox: ${name} is invalid, got ${JSON.stringify(value) ?? String(value)}`);
}
