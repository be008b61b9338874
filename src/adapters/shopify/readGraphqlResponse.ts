import { parseJsonBody, parseRetryAfter, type HttpResponse } from '../http.js';
import { UpstreamError, type UpstreamErrorKind } from '../UpstreamError.js';

/** One entry of a GraphQL `errors[]` as far as the adapter reads it. */
export interface GraphqlErrorEntry {
  readonly message: string;
  readonly code: string | undefined;
  readonly path: readonly (string | number)[] | undefined;
}

/** A usable answer: `data` (possibly partial) and the errors that came with it. */
export interface GraphqlAnswer {
  readonly data: Record<string, unknown>;
  readonly errors: readonly GraphqlErrorEntry[];
}

/**
 * Interprets one Shopify GraphQL Admin answer (https://shopify.dev/docs/api/usage/response-codes), pure.
 * Returns `data` when present (with any partial errors); otherwise throws an {@link UpstreamError}:
 * THROTTLED (in a 200 body, or a 429) → `rate_limited` with `retryAfterMs` =
 * ceil((requestedQueryCost − currentlyAvailable) / restoreRate × 1000) from `extensions.cost`, else from
 * `Retry-After`; MAX_COST_EXCEEDED → `rejected`; 401/403 and ACCESS_DENIED → `auth`; 5xx, 402, 423 and
 * INTERNAL_SERVER_ERROR → `unavailable`; other `errors[]` without data → `rejected`; HTML, empty, malformed
 * or non-GraphQL bodies → `bad_response`. Messages carry the vendor's text with emails and numbers
 * redacted.
 */
export function readGraphqlResponse(source: string, res: HttpResponse): GraphqlAnswer {
  const fail = (kind: UpstreamErrorKind, message: string, extra: { vendorCode?: string | undefined; retryAfterMs?: number | undefined } = {}): UpstreamError =>
    new UpstreamError({ source, kind, message, method: res.method, url: res.url, status: res.status, ...extra });

  if (res.status < 200 || res.status >= 300) {
    const body = tryParse(source, res);
    const errors = errorsOf(body);
    const vendorCode = errors.find((e) => e.code)?.code;
    const detail = describe(errors, body);
    if (res.status === 401 || res.status === 403) throw fail('auth', `Shopify refused the access token (HTTP ${res.status})${detail}`, { vendorCode });
    if (res.status === 429) {
      const retryAfterMs = throttleWaitMs(body) ?? parseRetryAfter(res.headers['retry-after']);
      throw fail('rate_limited', `Shopify throttled the call (HTTP 429)${detail}`, { vendorCode: vendorCode ?? 'THROTTLED', retryAfterMs });
    }
    if (res.status >= 500 || res.status === 402 || res.status === 423) {
      throw fail('unavailable', `Shopify is unavailable (HTTP ${res.status})${detail}`, { vendorCode, retryAfterMs: parseRetryAfter(res.headers['retry-after']) });
    }
    throw fail('rejected', `Shopify rejected the call (HTTP ${res.status})${detail}`, { vendorCode });
  }

  const body = parseJsonBody(source, res);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw fail('bad_response', `GraphQL answer is not a JSON object (HTTP ${res.status})`);
  const record = body as Record<string, unknown>;
  if (record['errors'] !== undefined && !Array.isArray(record['errors'])) {
    throw fail('rejected', `Shopify rejected the call${describe([], body)}`);
  }
  const errors = errorsOf(body);
  const throttled = errors.find((e) => e.code === 'THROTTLED');
  if (throttled) throw fail('rate_limited', 'Shopify throttled the query (THROTTLED)', { vendorCode: 'THROTTLED', retryAfterMs: throttleWaitMs(body) });
  const tooCostly = errors.find((e) => e.code === 'MAX_COST_EXCEEDED');
  if (tooCostly) throw fail('rejected', `query cost above Shopify's single-query limit${describe([tooCostly], body)}`, { vendorCode: 'MAX_COST_EXCEEDED' });
  const data = record['data'];
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) return { data: data as Record<string, unknown>, errors };
  if (data !== undefined && data !== null) throw fail('bad_response', `GraphQL data is not an object (HTTP ${res.status})`);
  if (errors.length === 0) throw fail('bad_response', `GraphQL answer has neither data nor errors (HTTP ${res.status})`);
  const vendorCode = errors.find((e) => e.code)?.code;
  const kind: UpstreamErrorKind = vendorCode === 'INTERNAL_SERVER_ERROR' ? 'unavailable' : vendorCode === 'ACCESS_DENIED' ? 'auth' : 'rejected';
  throw fail(kind, `Shopify GraphQL error${describe(errors, body)}`, { vendorCode });
}

/** Milliseconds until the bucket holds the requested cost, from `extensions.cost`; undefined without it. */
export function throttleWaitMs(body: unknown): number | undefined {
  const cost = (body as { extensions?: { cost?: Record<string, unknown> } } | undefined)?.extensions?.cost;
  const status = cost?.['throttleStatus'] as Record<string, unknown> | undefined;
  const requested = cost?.['requestedQueryCost'];
  const available = status?.['currentlyAvailable'];
  const rate = status?.['restoreRate'];
  if (typeof requested !== 'number' || typeof available !== 'number' || typeof rate !== 'number' || rate <= 0) return undefined;
  return Math.max(0, Math.ceil(((requested - available) / rate) * 1000));
}

/** Removes values that may be customer data (emails, long digit runs, echoed variable values). */
export function redactMessage(text: string): string {
  const redacted = text
    .replace(/got invalid value [^;]*/g, 'got invalid value <redacted>')
    .replace(/[^\s@"'<>]+@[^\s@"'<>]+/g, '<email>')
    .replace(/\+?\d[\d\s().-]{5,}\d/g, '<number>');
  return redacted.length > 300 ? `${redacted.slice(0, 300)}…` : redacted;
}

function errorsOf(body: unknown): GraphqlErrorEntry[] {
  const list = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(list)) return [];
  return list.map((entry: unknown) => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const code = (e['extensions'] as Record<string, unknown> | undefined)?.['code'];
    const path = e['path'];
    return {
      message: typeof e['message'] === 'string' ? e['message'] : String(entry),
      code: typeof code === 'string' ? code : undefined,
      path: Array.isArray(path) ? (path as (string | number)[]) : undefined,
    };
  });
}

function describe(errors: readonly GraphqlErrorEntry[], body: unknown): string {
  const first = errors[0];
  if (first) return `: ${first.code ? `${first.code}: ` : ''}${redactMessage(first.message.split('\n')[0] ?? '')}`;
  const text = (body as { errors?: unknown } | undefined)?.errors;
  if (typeof text === 'string') return `: ${redactMessage(text)}`;
  if (typeof text === 'object' && text !== null) return `: ${redactMessage(JSON.stringify(text))}`;
  return '';
}

function tryParse(source: string, res: HttpResponse): unknown {
  try {
    return parseJsonBody(source, res);
  } catch {
    return undefined;
  }
}
