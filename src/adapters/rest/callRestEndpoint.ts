import { parseJsonBody, parseRetryAfter, redactQuery, type HttpClient, type HttpResponse } from '../http.js';
import type { CallContext } from '../types.js';
import { UpstreamError } from '../UpstreamError.js';
import { asList, compileExpression, type Expression } from './compileExpression.js';
import type { RestAuth } from './createRestAuth.js';
import type { RestEndpoint, RestSourceSettings } from './restSourceSchema.js';

/** An endpoint template with its expressions compiled once. */
export interface CompiledEndpoint {
  readonly spec: RestEndpoint;
  readonly path: ReadonlyArray<string | Expression>;
  readonly query: ReadonlyArray<readonly [string, Expression]>;
  readonly body: Expression | undefined;
  readonly items: Expression;
  readonly next: Expression | undefined;
}

/** Compiles an endpoint's path placeholders, query values, body, items and pagination expressions. */
export function compileEndpoint(spec: RestEndpoint): CompiledEndpoint {
  const path: Array<string | Expression> = [];
  let last = 0;
  for (const match of spec.path.matchAll(/\{([^{}]+)\}/g)) {
    path.push(spec.path.slice(last, match.index), compileExpression(match[1]!));
    last = match.index + match[0].length;
  }
  path.push(spec.path.slice(last));
  const pagination = spec.pagination;
  return {
    spec,
    path,
    query: Object.entries(spec.query).map(([name, source]) => [name, compileExpression(source)] as const),
    body: spec.body === undefined ? undefined : compileExpression(spec.body),
    items: compileExpression(spec.items),
    next: pagination && 'next' in pagination ? compileExpression(pagination.next) : undefined,
  };
}

/** What every call of one source shares: its client, auth, rate-limit headers and pause. */
export interface RestCallDeps {
  readonly source: string;
  readonly http: HttpClient;
  readonly auth: RestAuth;
  readonly rateLimit: RestSourceSettings['rateLimit'];
  /** Until when (ms since the epoch) the source asked for no calls (X-RateLimit-Remaining 0, or a 429). */
  readonly pause: { until: number };
}

/**
 * Calls one endpoint for one binding set, following its pagination, and returns every item (`items` of
 * each page, in order). `null` when the first answer is 404 and `notFoundAsNull` is set (an id that does not
 * exist). Statuses map to {@link UpstreamError}: 401/403 → `auth` (OAuth2: one retry with a fresh token
 * first), 408/504 → `timeout`, 429 → `rate_limited` with `Retry-After` (or the reset header) as the wait,
 * other 5xx → `unavailable`, other non-2xx → `rejected`, non-JSON → `bad_response`. While the source's
 * remaining budget is 0, calls fail at once as `rate_limited` with the time to its reset, so the resilience
 * layer waits for it when that fits the request's deadline. Pages past `maxPages` are not fetched (logged).
 */
export async function callRestEndpoint(
  deps: RestCallDeps,
  endpoint: CompiledEndpoint,
  capability: string,
  bindings: Record<string, unknown>,
  ctx: CallContext,
  options: { readonly notFoundAsNull?: boolean; readonly onTruncated?: (pages: number) => void } = {},
): Promise<unknown[] | null> {
  const pagination = endpoint.spec.pagination;
  const size = pagination && 'size' in pagination ? pagination.size : undefined;
  const firstPage = pagination && 'firstPage' in pagination ? pagination.firstPage : 1;
  const vars: Record<string, unknown> = { ...bindings, page: firstPage, offset: 0, limit: size, cursor: undefined };
  const items: unknown[] = [];
  let followUrl: string | null = null;
  const maxPages = pagination?.maxPages ?? 1;
  for (let page = 1; ; page += 1) {
    const res: HttpResponse = followUrl === null ? await send(deps, capability, await render(endpoint, vars), ctx) : await send(deps, capability, { method: 'GET', path: followUrl }, ctx);
    if (res.status === 404 && options.notFoundAsNull && page === 1) return null;
    const body = parseJsonBody(deps.source, res);
    const pageItems = asList(await evaluate(deps, capability, 'items', endpoint.items, body, vars));
    items.push(...pageItems);
    if (!pagination) return items;
    let more = false;
    switch (pagination.style) {
      case 'cursor': {
        const cursor = await evaluate(deps, capability, 'pagination.next', endpoint.next!, body, vars);
        more = cursor !== undefined && cursor !== null && cursor !== '';
        vars.cursor = cursor;
        break;
      }
      case 'page':
      case 'offset':
        more = pageItems.length >= size!;
        vars.page = (vars.page as number) + 1;
        vars.offset = (vars.offset as number) + size!;
        break;
      case 'linkHeader':
        followUrl = nextLink(res.headers.link);
        more = followUrl !== null;
        break;
      case 'nextUrl': {
        const next = await evaluate(deps, capability, 'pagination.next', endpoint.next!, body, vars);
        followUrl = typeof next === 'string' && next !== '' ? next : null;
        more = followUrl !== null;
        break;
      }
      default: {
        const unreachable: never = pagination;
        return unreachable;
      }
    }
    if (!more) return items;
    if (page >= maxPages) {
      options.onTruncated?.(page);
      return items;
    }
  }
}

interface RenderedRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
}

async function render(endpoint: CompiledEndpoint, vars: Record<string, unknown>): Promise<RenderedRequest> {
  let path = '';
  for (const part of endpoint.path) path += typeof part === 'string' ? part : encodeURIComponent(String((await part.evaluate({}, vars)) ?? ''));
  const search = new URLSearchParams();
  for (const [name, expression] of endpoint.query) {
    for (const value of asList(await expression.evaluate({}, vars))) search.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const query = search.toString();
  const body = endpoint.body === undefined ? undefined : await endpoint.body.evaluate({}, vars);
  return { method: endpoint.spec.method, path: query === '' ? path : `${path}${path.includes('?') ? '&' : '?'}${query}`, ...(body === undefined ? {} : { body }) };
}

async function send(deps: RestCallDeps, capability: string, req: RenderedRequest, ctx: CallContext, retried = false): Promise<HttpResponse> {
  const { source } = deps;
  const waitMs = deps.pause.until - Date.now();
  if (waitMs > 0) {
    throw new UpstreamError({ source, kind: 'rate_limited', message: `${capability}: rate limit exhausted, resets in ${waitMs} ms`, retryAfterMs: waitMs });
  }
  const headers = await deps.auth.headers(ctx);
  const res = await deps.http.request({ method: req.method, path: req.path, ...(req.body === undefined ? {} : { body: req.body }), headers, signal: ctx.signal });
  const resetMs = readReset(deps.rateLimit, res.headers[deps.rateLimit.resetHeader.toLowerCase()]);
  if (res.headers[deps.rateLimit.remainingHeader.toLowerCase()]?.trim() === '0') deps.pause.until = Date.now() + (resetMs ?? 1_000);
  if (res.status >= 200 && res.status < 300) return res;
  if (res.status === 404) return res;
  if (res.status === 401 && deps.auth.refreshable && !retried) {
    deps.auth.invalidate();
    return send(deps, capability, req, ctx, true);
  }
  const common = { source, method: res.method, url: redactQuery(res.url), status: res.status };
  if (res.status === 429) {
    const retryAfterMs = parseRetryAfter(res.headers['retry-after']) ?? resetMs ?? 1_000;
    deps.pause.until = Math.max(deps.pause.until, Date.now() + retryAfterMs);
    throw new UpstreamError({ ...common, kind: 'rate_limited', message: `${capability}: HTTP 429, retry after ${retryAfterMs} ms`, retryAfterMs });
  }
  if (res.status === 401 || res.status === 403) throw new UpstreamError({ ...common, kind: 'auth', message: `${capability}: HTTP ${res.status}` });
  if (res.status === 408 || res.status === 504) throw new UpstreamError({ ...common, kind: 'timeout', message: `${capability}: HTTP ${res.status}` });
  if (res.status >= 500) {
    const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
    throw new UpstreamError({ ...common, kind: 'unavailable', message: `${capability}: HTTP ${res.status}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }
  throw new UpstreamError({ ...common, kind: 'rejected', message: `${capability}: HTTP ${res.status}` });
}

async function evaluate(deps: RestCallDeps, capability: string, key: string, expression: Expression, input: unknown, vars: Record<string, unknown>): Promise<unknown> {
  try {
    return await expression.evaluate(input, vars);
  } catch (error) {
    throw new UpstreamError({ source: deps.source, kind: 'bad_response', message: `${capability}: ${key} expression failed on the answer: ${(error as Error).message}` });
  }
}

function readReset(rateLimit: RestSourceSettings['rateLimit'], value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  const n = Number(value);
  switch (rateLimit.resetUnit) {
    case 'seconds':
      return Math.round(n * 1000);
    case 'milliseconds':
      return Math.round(n);
    case 'epochSeconds':
      return Math.max(0, Math.round(n * 1000 - Date.now()));
    default: {
      const unreachable: never = rateLimit.resetUnit;
      return unreachable;
    }
  }
}

/** The `rel="next"` target of an RFC 8288 Link header, or null. */
export function nextLink(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match && /;\s*rel\s*=\s*"?(?:[^";]*\s)?next(?:\s[^";]*)?"?/i.test(match[2]!)) return match[1]!;
  }
  return null;
}
