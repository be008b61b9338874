import type { HttpResponse } from '../http.js';
import { parseRetryAfter } from '../http.js';
import { UpstreamError, type UpstreamErrorKind } from '../UpstreamError.js';
import { redactUrl } from './redactUrl.js';

/**
 * Maps a non-2xx Zendesk answer to an {@link UpstreamError}
 * (https://developer.zendesk.com/api-reference/introduction/rate-limits/,
 * https://developer.zendesk.com/api-reference/ticketing/introduction/#response-format):
 * 429 → `rate_limited`; 401/403 → `auth`; other 4xx → `rejected`; 5xx → `unavailable`; anything else
 * (a redirect) → `bad_response`. `retryAfterMs` comes from `Retry-After` (seconds or HTTP date) on any
 * status. `vendorCode` is the body's `error` when it is a string, or its `title` when `error` is an
 * object; bodies that are not JSON (429s are often plain text) are never an error themselves. The message
 * names the status and vendor code only: vendor descriptions can echo customer data.
 */
export function toZendeskError(source: string, res: HttpResponse, nowMs: number = Date.now()): UpstreamError {
  const vendorCode = readVendorCode(res.body);
  const path = res.url.split('?')[0] ?? res.url;
  return new UpstreamError({
    source,
    kind: kindOf(res.status),
    message: `Zendesk ${res.method} ${path} answered HTTP ${res.status}${vendorCode === undefined ? '' : ` (${vendorCode})`}`,
    method: res.method,
    url: redactUrl(res.url),
    status: res.status,
    vendorCode,
    retryAfterMs: parseRetryAfter(res.headers['retry-after'], nowMs),
  });
}

function kindOf(status: number): UpstreamErrorKind {
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'auth';
  if (status >= 400 && status < 500) return 'rejected';
  if (status >= 500) return 'unavailable';
  return 'bad_response';
}

function readVendorCode(body: string): string | undefined {
  if (!/^\s*\{/.test(body)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const error = (parsed as { error?: unknown } | null)?.error;
  if (typeof error === 'string' && error !== '') return error;
  const title = (error as { title?: unknown } | null | undefined)?.title;
  return typeof title === 'string' && title !== '' ? title : undefined;
}
