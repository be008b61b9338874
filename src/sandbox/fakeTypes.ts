import type { IncomingHttpHeaders } from 'node:http';
import type { WebhookSender } from './createWebhookSender.js';

/** A request as a fake vendor route sees it. */
export interface FakeRequest {
  readonly method: string;
  /** Path without query, e.g. `/services/data/v63.0/query`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** `http://127.0.0.1:<port>`: the fake's own origin, for absolute "next page" links. */
  readonly origin: string;
}

/** What a route answers. An object or array body is sent as JSON; a string as is. */
export interface FakeResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One vendor endpoint. `pattern` is matched against the path; its groups are passed to the handler. */
export interface FakeRoute {
  /** Stable name used in fault rules and the request log (`query`, `users.search`, ...). */
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  readonly pattern: RegExp;
  readonly handler: (req: FakeRequest, match: RegExpExecArray) => FakeResponse | Promise<FakeResponse>;
}

/** The vendor-specific bodies used by the `preset` fault kind. */
export interface FakePresets {
  /** The vendor's throttle signal (Salesforce 403 REQUEST_LIMIT_EXCEEDED, Shopify THROTTLED, Zendesk 429). */
  throttle(options: { retryAfterSeconds?: number }): FakeResponse;
  /** A 500 with the vendor's error body. */
  serverError(): FakeResponse;
  /** A 503 maintenance answer with the vendor's body. */
  unavailable(): FakeResponse;
}

/** Everything vendor-specific about a fake server. */
export interface FakeVendorProfile {
  /** Vendor name, shown in logs and on the sandbox banner. */
  readonly name: string;
  /** Returns null when the auth header is acceptable, else the vendor's 401 answer. */
  authorize(req: FakeRequest): FakeResponse | null;
  /** The vendor's 404 for an unknown path. */
  notFound(req: FakeRequest): FakeResponse;
  readonly presets: FakePresets;
  readonly routes: readonly FakeRoute[];
  /** Headers added to every vendor answer (`Sforce-Limit-Info`, `X-Rate-Limit`, ...). */
  commonHeaders?(req: FakeRequest): Record<string, string>;
}

/**
 * A fault to inject:
 * - `preset`: the vendor's own throttle / 500 / 503 answer (`retryAfterSeconds` for throttles that carry one);
 * - `status`: any status with a given body and headers;
 * - `html`: an HTML error page (proxy/CDN), default status 502;
 * - `malformedJson`: 200 with truncated JSON; `empty`: 200 with an empty body;
 * - `hang`: accept and never answer; `trickle`: headers at once, then the real body at `bytesPerSecond`
 *   (default 2); `reset`: destroy the socket without answering.
 */
export type FaultSpec =
  | { readonly kind: 'preset'; readonly preset: 'throttle' | 'serverError' | 'unavailable'; readonly retryAfterSeconds?: number }
  | { readonly kind: 'status'; readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string> }
  | { readonly kind: 'html'; readonly status?: number }
  | { readonly kind: 'malformedJson' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'trickle'; readonly bytesPerSecond?: number }
  | { readonly kind: 'reset' };

/**
 * A fault rule, as posted to `POST /__fake/faults`. Matches when every given `match` field matches.
 * `delayMs` (+ uniform `jitterMs`) is added before answering, with or without a `fault`.
 * `times` limits how many requests it applies to (default unlimited); `afterNthMatch` skips the first N
 * matching requests; `probability` (0..1, seeded RNG) applies it to a fraction of matches.
 */
export interface FaultRule {
  /** `path`, `query` (the raw query string, without `?`) and `body` are regular expressions. */
  readonly match?: { readonly method?: string; readonly path?: string; readonly route?: string; readonly query?: string; readonly body?: string };
  readonly delayMs?: number;
  readonly jitterMs?: number;
  readonly fault?: FaultSpec;
  readonly times?: number;
  readonly afterNthMatch?: number;
  readonly probability?: number;
}

/** One entry of the request log served at `GET /__fake/requests`. Times are ms since the epoch (fractional). */
export interface RequestLogEntry {
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** Route name, or null when no route matched. */
  readonly route: string | null;
  readonly receivedAt: number;
  /** When the answer finished (or the socket was reset); null for a hang still open. */
  readonly finishedAt: number | null;
  readonly status: number | null;
  /**
   * Latency injected by fault rules, in ms, as measured: how long the sandbox actually held the request
   * (about the rule's delay; more when the sandbox's event loop is busy, since timers then fire late).
   * 0 without a delay rule.
   */
  readonly injectedDelayMs: number;
  /** The fault kind applied, or null. */
  readonly fault: string | null;
}

/** A running fake server. */
export interface FakeServer {
  readonly name: string;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  /** Snapshot of the request log (vendor routes only; control calls are not logged). */
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /**
   * Vendor requests received since the server started (what the log records), never reset: unlike the log,
   * which keeps only the latest `maxLogEntries`, it counts every one, so long load runs can be counted.
   */
  requestCount(): number;
  /** Adds a rule; returns its id. Throws TypeError for an invalid rule. */
  addFault(rule: FaultRule): string;
  clearFaults(): void;
  /** Clears faults and the request log. */
  reset(): void;
  /** Stops listening and destroys open connections (including hung ones). */
  close(): Promise<void>;
}

/** A fake vendor that can change data and send that vendor's change webhooks (Shopify, Zendesk, Salesforce). */
export interface WebhookFakeServer extends FakeServer {
  /** Off until `configure()` names a target URL and secret. */
  readonly webhooks: WebhookSender;
}
