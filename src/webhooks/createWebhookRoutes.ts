import type http from 'node:http';
import type { CountryCode } from 'libphonenumber-js';
import type { Logger } from 'pino';
import { GatewayErrorCode } from '../errors.js';
import { sendError } from '../http/index.js';
import type { ChangeFeed } from '../state/ChangeFeed.js';
import { readRawBody } from '../http/readRawBody.js';
import type { ReplayGuard } from './createReplayGuard.js';
import { salesforceWebhook } from './salesforceWebhook.js';
import { shopifyWebhook } from './shopifyWebhook.js';
import type { WebhooksConfig, WebhookVendor } from './webhooksConfigSchema.js';
import type { WebhookContext, WebhookRefusal, WebhookVendorHandler } from './WebhookVendorHandler.js';
import { zendeskWebhook } from './zendeskWebhook.js';

const HANDLERS: Readonly<Record<WebhookVendor, WebhookVendorHandler>> = { shopify: shopifyWebhook, zendesk: zendeskWebhook, salesforce: salesforceWebhook };
const PATH = /^\/webhooks\/(shopify|zendesk|salesforce)\/?$/;

/** What {@link createWebhookRoutes} needs. */
export interface WebhookRoutesOptions {
  readonly config: WebhooksConfig;
  /** Where accepted changes are announced (`reason: 'webhook'`, `purgeRecords: true`). */
  readonly changes: ChangeFeed;
  readonly replayGuard: ReplayGuard;
  readonly defaultRegion: CountryCode;
  readonly logger: Logger;
  /** Counts every delivery (`c360_webhooks_total`). */
  readonly record: (vendor: string, source: string, outcome: string) => void;
  /** Clock, for tests. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * The change webhook endpoints `POST /webhooks/{shopify|zendesk|salesforce}` (README "Change webhooks"). Returns
 * a router that answers (and returns true) for those paths. Per delivery, in this order, and nothing changes
 * unless every step passes: body at most `maxBodyBytes` (413 `WEBHOOK_TOO_LARGE`); the vendor's signature
 * (401 `WEBHOOK_SIGNATURE_INVALID`) and signed timestamp (401 `WEBHOOK_TIMESTAMP_INVALID`); JSON body naming
 * records (400 `WEBHOOK_MALFORMED`); a topic the gateway caches nothing about is 202 `{ ignored }`; a delivery
 * seen before is 409 `WEBHOOK_REPLAYED`; else the change is published to the change feed (crosswalk entries
 * of the records and of the keys they hold now, and their cached records, dropped on every replica) and the
 * answer is 200 `{ accepted: true, source, records }` once the local caches dropped them.
 */
export function createWebhookRoutes(options: WebhookRoutesOptions): (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<boolean> {
  const now = options.now ?? Date.now;
  return async (req, res, url) => {
    const match = PATH.exec(url.pathname);
    if (!match) return false;
    const vendor = match[1] as WebhookVendor;
    const endpoint = options.config[vendor];
    if (!endpoint) {
      sendError(res, 404, GatewayErrorCode.WebhookNotConfigured, `no webhooks.${vendor} in the gateway's config: this endpoint is off`);
      return true;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendError(res, 405, 'METHOD_NOT_ALLOWED', `${url.pathname} accepts POST only`);
      return true;
    }
    const count = (outcome: string): void => options.record(vendor, endpoint.source, outcome);
    const refuse = (refusal: WebhookRefusal): true => {
      count(refusal.outcome);
      options.logger.warn({ webhook: { vendor, outcome: refusal.outcome } }, `webhook refused: ${refusal.message}`);
      sendError(res, refusal.status, refusal.code, refusal.message);
      return true;
    };
    const body = await readRawBody(req, options.config.maxBodyBytes);
    if (body.kind === 'aborted') return true;
    if (body.kind === 'tooLarge') return refuse({ status: 413, code: GatewayErrorCode.WebhookTooLarge, outcome: 'too_large', message: `webhook body larger than ${options.config.maxBodyBytes} bytes` });
    const handler = HANDLERS[vendor];
    const ctx: WebhookContext = { secret: endpoint.secret, nowMs: now(), toleranceSeconds: options.config.toleranceSeconds, defaultRegion: options.defaultRegion };
    const verified = handler.verify(req.headers, body.raw, ctx);
    if ('status' in verified) return refuse(verified);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.raw.toString('utf8'));
    } catch {
      return refuse({ status: 400, code: GatewayErrorCode.WebhookMalformed, outcome: 'malformed', message: 'the webhook body is not JSON' });
    }
    const meaning = handler.interpret(req.headers, parsed, ctx);
    switch (meaning.kind) {
      case 'malformed':
        return refuse({ status: 400, code: GatewayErrorCode.WebhookMalformed, outcome: 'malformed', message: meaning.reason });
      case 'ignored':
        count('ignored');
        sendJson(res, 202, { ignored: true, reason: meaning.reason });
        return true;
      case 'change': {
        const deliveryId = meaning.eventId ?? verified.deliveryId;
        if (!(await options.replayGuard.claim(deliveryId))) {
          return refuse({ status: 409, code: GatewayErrorCode.WebhookReplayed, outcome: 'replayed', message: 'this delivery was already received; nothing changed again' });
        }
        const refs = meaning.ids.map((id) => ({ source: endpoint.source, id }));
        try {
          await options.changes.publish({ reason: 'webhook', refs, purgeRecords: true, ...(meaning.keys.length > 0 ? { keys: meaning.keys } : {}) });
        } catch (error) {
          // Not remembered, so the vendor's retry is processed.
          options.replayGuard.release(deliveryId);
          count('failed');
          options.logger.error({ err: error, webhook: { vendor } }, 'webhook: publishing the change failed');
          sendError(res, 503, GatewayErrorCode.WebhookNotApplied, 'the change could not be published; retry later');
          return true;
        }
        count('accepted');
        options.logger.info({ webhook: { vendor, source: endpoint.source, what: meaning.what, records: refs.length, keys: meaning.keys.length } }, 'webhook accepted');
        sendJson(res, 200, { accepted: true, source: endpoint.source, records: refs.length });
        return true;
      }
      default: {
        const unreachable: never = meaning;
        return unreachable;
      }
    }
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
