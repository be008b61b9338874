import { GatewayErrorCode } from '../errors.js';

/**
 * Why an upstream call failed, independent of vendor:
 * - `timeout`: no complete answer before the deadline/timeout;
 * - `unavailable`: connection refused/reset, 5xx, maintenance;
 * - `rate_limited`: the vendor's throttle signal (Salesforce 403 REQUEST_LIMIT_EXCEEDED, Shopify THROTTLED,
 *   Zendesk 429);
 * - `bad_response`: HTML error page, malformed/truncated/empty JSON, unexpected shape;
 * - `auth`: the source rejected our credentials (401, Salesforce INVALID_SESSION_ID);
 * - `rejected`: the source refused the request itself (400-class other than the above), usually a bug here.
 */
export type UpstreamErrorKind = 'timeout' | 'unavailable' | 'rate_limited' | 'bad_response' | 'auth' | 'rejected';

/** Fields of {@link UpstreamError}; `message` is for logs and may be shown to clients (no secrets). */
export interface UpstreamErrorDetails {
  readonly source: string;
  readonly kind: UpstreamErrorKind;
  readonly message: string;
  readonly method?: string;
  /** Path and query of the failed call, never the base URL's credentials. */
  readonly url?: string;
  readonly status?: number;
  /** The vendor's own error code (`REQUEST_LIMIT_EXCEEDED`, `THROTTLED`, `RecordNotFound`, ...). */
  readonly vendorCode?: string;
  /** How long the vendor asked us to wait, from `Retry-After` or a cost model, in ms. */
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

/**
 * The one typed error every adapter throws (or returns per key) for a failed upstream call, modelled on
 * graphql-hive's upstream error shape `{source, request:{url,method}, response:{status}}`.
 */
export class UpstreamError extends Error {
  readonly source: string;
  readonly kind: UpstreamErrorKind;
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly status: number | undefined;
  readonly vendorCode: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(details: UpstreamErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'UpstreamError';
    this.source = details.source;
    this.kind = details.kind;
    this.method = details.method;
    this.url = details.url;
    this.status = details.status;
    this.vendorCode = details.vendorCode;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** The client-visible code for this failure. */
  get code(): GatewayErrorCode {
    switch (this.kind) {
      case 'timeout':
        return GatewayErrorCode.SourceTimeout;
      case 'unavailable':
        return GatewayErrorCode.SourceUnavailable;
      case 'rate_limited':
        return GatewayErrorCode.SourceRateLimited;
      case 'bad_response':
        return GatewayErrorCode.SourceBadResponse;
      case 'auth':
        return GatewayErrorCode.SourceAuthFailed;
      case 'rejected':
        return GatewayErrorCode.SourceRejected;
      default: {
        const unreachable: never = this.kind;
        return unreachable;
      }
    }
  }
}

/** True for an {@link UpstreamError}, including ones that crossed a module boundary. */
export function isUpstreamError(value: unknown): value is UpstreamError {
  return value instanceof UpstreamError;
}
