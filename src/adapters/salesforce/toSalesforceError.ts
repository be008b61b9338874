import type { HttpResponse } from '../http.js';
import { parseJsonBody, parseRetryAfter } from '../http.js';
import { UpstreamError } from '../UpstreamError.js';
import type { UpstreamErrorKind } from '../UpstreamError.js';
import { redactUrl } from './redactUrl.js';

/**
 * Maps a non-2xx Salesforce answer to an {@link UpstreamError}
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm). The body is an
 * array `[{message, errorCode, fields?}]` (an object is tolerated); `vendorCode` is the first `errorCode`.
 * 401 or `INVALID_SESSION_ID` → `auth`; a body that is not JSON (HTML proxy page, empty, truncated) →
 * `bad_response`; 403 `REQUEST_LIMIT_EXCEEDED` (Salesforce's throttle, without Retry-After) or a 429 →
 * `rate_limited`; other 4xx (403 permissions, 400 MALFORMED_QUERY / INVALID_FIELD, 404, 414) → `rejected`;
 * 5xx → `unavailable`; anything else → `bad_response`. `retryAfterMs` is read from `Retry-After` if one is
 * sent. The message names the status and code only: vendor messages echo the query, which holds customer data.
 */
export function toSalesforceError(source: string, res: HttpResponse, nowMs: number = Date.now()): UpstreamError {
  const url = redactUrl(res.url);
  let body: unknown;
  let parseError: UpstreamError | undefined;
  try {
    body = parseJsonBody(source, { ...res, url });
  } catch (error) {
    parseError = error as UpstreamError;
  }
  const vendorCode = readVendorCode(body);
  const kind = kindOf(res.status, vendorCode, parseError !== undefined);
  if (kind === 'bad_response' && parseError) return parseError;
  const path = url.split('?')[0] ?? url;
  return new UpstreamError({
    source,
    kind,
    message: `Salesforce ${res.method} ${path} answered HTTP ${res.status}${vendorCode === undefined ? '' : ` ${vendorCode}`}`,
    method: res.method,
    url,
    status: res.status,
    vendorCode,
    retryAfterMs: parseRetryAfter(res.headers['retry-after'], nowMs),
  });
}

function kindOf(status: number, vendorCode: string | undefined, unparsable: boolean): UpstreamErrorKind {
  if (status === 401 || vendorCode === 'INVALID_SESSION_ID') return 'auth';
  if (unparsable) return 'bad_response';
  if (vendorCode === 'REQUEST_LIMIT_EXCEEDED' || status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'rejected';
  if (status >= 500) return 'unavailable';
  return 'bad_response';
}

function readVendorCode(body: unknown): string | undefined {
  const first: unknown = Array.isArray(body) ? body[0] : body;
  if (typeof first !== 'object' || first === null) return undefined;
  const { errorCode, error } = first as { errorCode?: unknown; error?: unknown };
  // OAuth endpoints answer `{"error": "invalid_grant", ...}` instead of the REST array.
  const code = typeof errorCode === 'string' ? errorCode : typeof error === 'string' ? error : undefined;
  return code === '' ? undefined : code;
}
