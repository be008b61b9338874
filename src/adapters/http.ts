import http from 'node:http';
import https from 'node:https';
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { noteUpstreamRequest } from './countUpstreamRequests.js';
import { deadlineWithin } from './deadlineSignal.js';
import { createUndiciAdapter } from './undiciAdapter.js';
import { UpstreamError } from './UpstreamError.js';

/** What every upstream call sends as `User-Agent` (a source's own `headers` may replace it). */
export const USER_AGENT = 'c360-gateway';

/** Options of {@link createHttpClient}. */
export interface HttpClientOptions {
  /** Source name, copied into every {@link UpstreamError}. */
  readonly source: string;
  /** Absolute base URL; relative request paths are resolved against it (a trailing `/` is added). */
  readonly baseUrl: string;
  /** Headers sent on every call (auth, API version). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Overall limit for one call in ms, covering connect, first byte **and** the whole body (enforced with an
   * `AbortSignal`, so a source that trickles its body is cut off too). Default 10 000.
   */
  readonly timeoutMs?: number;
  /** Max concurrent sockets to the source (keep-alive pool). Default 64. */
  readonly maxSockets?: number;
  /** Largest response body accepted, in bytes; larger bodies fail as `bad_response`. Default 32 MiB. */
  readonly maxBodyBytes?: number;
  /**
   * What carries axios's requests: `undici` (an undici connection pool as axios's `adapter`, the default: about
   * half the CPU per call, BENCHMARKS.md "Transport") or `node` (Node's `http`/`https` agents, keep-alive).
   * Default from the environment variable `C360_HTTP_TRANSPORT`, else `undici`. With `HTTP(S)_PROXY` set,
   * `node` is used whatever is asked (axios's proxy support is in its Node adapter).
   */
  readonly transport?: HttpTransport;
}

/** The transports {@link createHttpClient} can send axios's requests on. */
export type HttpTransport = 'undici' | 'node';
export const HTTP_TRANSPORTS: readonly HttpTransport[] = ['undici', 'node'];

/** One upstream call. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  /** Path relative to the base URL, or an absolute URL on the base URL's origin (vendor "next" links). */
  readonly path: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** Body for POST: sent as JSON, or as `application/x-www-form-urlencoded` when a `URLSearchParams` (OAuth token calls). */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Caller's signal (request deadline); combined with the client's own timeout. */
  readonly signal?: AbortSignal | undefined;
}

/** A raw upstream answer of any status; the adapter interprets vendor error shapes. */
export interface HttpResponse {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Body as text (may be empty, HTML, or malformed JSON). */
  readonly body: string;
  readonly method: string;
  /** Path and query actually called (no origin). */
  readonly url: string;
}

/** The HTTP client adapters get injected. */
export interface HttpClient {
  readonly source: string;
  readonly baseUrl: string;
  /**
   * Performs the call and resolves with any HTTP status. Rejects only with an {@link UpstreamError}:
   * `timeout` when the deadline or timeout passed, `unavailable` for connection failures,
   * `bad_response` for an oversized body, `rejected` for a URL off the source's origin.
   */
  request(req: HttpRequest): Promise<HttpResponse>;
  /** Destroys pooled sockets. */
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_SOCKETS = 64;
const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
const PROXY_ENV = ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'] as const;
/** axios defaults nothing on the undici transport reads (see createHttpClient). */
const UNUSED_ON_UNDICI = ['transitional', 'xsrfCookieName', 'xsrfHeaderName', 'timeout', 'maxBodyLength', 'env'] as const;

/** The transport from `C360_HTTP_TRANSPORT` (`undici` when unset); throws naming the variable when invalid. */
export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): HttpTransport {
  const value = env.C360_HTTP_TRANSPORT?.trim();
  if (value === undefined || value === '') return 'undici';
  if ((HTTP_TRANSPORTS as readonly string[]).includes(value)) return value as HttpTransport;
  throw new TypeError(`C360_HTTP_TRANSPORT must be one of ${HTTP_TRANSPORTS.join(', ')}, got ${JSON.stringify(value)}`);
}

/**
 * The one HTTP client factory (DESIGN.md §3): axios over a keep-alive pool (undici's by default, or Node's
 * agents; see `transport`), an overall per-call deadline, raw text bodies, and transport failures mapped to
 * {@link UpstreamError}. One client per source.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new TypeError(`createHttpClient: timeoutMs must be a positive number, got ${String(options.timeoutMs)}`);
  }
  let base: URL;
  try {
    base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  } catch {
    throw new TypeError(`createHttpClient: baseUrl must be an absolute URL, got ${JSON.stringify(options.baseUrl)}`);
  }
  // The base as the fast path of callUrl joins paths to it; null when it has a query or fragment of its own.
  const plainBase = base.search === '' && base.hash === '' && base.username === '' && base.password === '' ? base.href : null;
  const maxSockets = options.maxSockets ?? DEFAULT_MAX_SOCKETS;
  const proxied = PROXY_ENV.some((name) => process.env[name]);
  const transport = proxied ? 'node' : (options.transport ?? transportFromEnv());
  if (!(HTTP_TRANSPORTS as readonly string[]).includes(transport)) throw new TypeError(`createHttpClient: transport must be one of ${HTTP_TRANSPORTS.join(', ')}, got ${JSON.stringify(transport)}`);
  const undici = transport === 'undici' ? createUndiciAdapter({ connections: maxSockets }) : null;
  const httpAgent = undici ? null : new http.Agent({ keepAlive: true, maxSockets });
  const httpsAgent = undici ? null : new https.Agent({ keepAlive: true, maxSockets });
  // Both transports send the same identifying User-Agent (vendors ask API clients to name themselves).
  const headers = { accept: 'application/json', 'user-agent': USER_AGENT, ...options.headers };
  const instance: AxiosInstance = axios.create({
    ...(undici ? { adapter: undici.adapter } : { httpAgent, httpsAgent }),
    headers,
    responseType: 'text',
    // Bodies go out as the strings request() builds (JSON or a form). axios's default transform would
    // JSON.parse every JSON body again to check it before sending it unchanged.
    transformRequest: [],
    // Raw text: vendors send HTML pages and malformed JSON; adapters parse with parseJsonBody.
    transformResponse: [],
    validateStatus: () => true,
    maxRedirects: 0,
    maxContentLength: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    decompress: true,
    // axios looks the proxy environment up on every call (proxy-from-env); read it once here instead. With
    // HTTP(S)_PROXY set, axios keeps doing its own lookup (NO_PROXY rules included).
    ...(proxied ? {} : { proxy: false as const }),
  });
  // One flat set of default headers, not axios's `common` group plus one per method, which axios deep-merges
  // and flattens again on every call: about 30 % of its own time and allocation per call (BENCHMARKS.md,
  // issue 17). Those groups hold only an `Accept`, which `headers` sets; request() sets the content type.
  instance.defaults.headers = headers as unknown as AxiosInstance['defaults']['headers'];
  // axios merges every default into every call's config, deep-copying the objects among them. On the undici
  // transport these are read by nothing: the browser's XSRF cookie, the Node adapter's `timeout`, body limit and
  // `transitional` options (the Node adapter falls back to axios's own when absent), and `env` (FormData
  // bodies, which transformRequest: [] never builds). Dropped, each call merges six keys fewer.
  if (undici) for (const key of UNUSED_ON_UNDICI) delete (instance.defaults as Record<string, unknown>)[key];

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const { href, url } = callUrl(base, plainBase, req, options.source);
    if (req.signal?.aborted) {
      throw new UpstreamError({ source: options.source, kind: 'timeout', message: 'deadline passed before the call', method: req.method, url: redactQuery(url) });
    }
    noteUpstreamRequest(req.signal);
    // The caller's signal itself when it ends sooner anyway (a resilience attempt's does): nothing more per call.
    const deadline = deadlineWithin(req.signal, timeoutMs);
    const signal = deadline.signal;
    try {
      const res = await instance.request<string>({
        method: req.method,
        url: href,
        data: req.body === undefined ? undefined : req.body instanceof URLSearchParams ? req.body.toString() : JSON.stringify(req.body),
        headers: req.body === undefined ? req.headers : { 'content-type': req.body instanceof URLSearchParams ? 'application/x-www-form-urlencoded' : 'application/json', ...req.headers },
        signal,
      });
      const headers: Record<string, string> = {};
      const answered = res.headers as Record<string, unknown>;
      for (const name of Object.keys(answered)) {
        const value = answered[name];
        if (value !== undefined && value !== null) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      }
      return { status: res.status, headers, body: typeof res.data === 'string' ? res.data : '', method: req.method, url };
    } catch (error) {
      throw toUpstreamError(options.source, error, req.method, url, signal, timeoutMs);
    } finally {
      deadline.dispose();
    }
  }

  return {
    source: options.source,
    baseUrl: base.href,
    request,
    close() {
      httpAgent?.destroy();
      httpsAgent?.destroy();
      void undici?.close().catch(() => undefined);
    },
  };
}

/**
 * The absolute URL of a call (`href`) and its path and query (`url`): `req.path` resolved against `base` (a
 * relative path, or an absolute URL that must be on the base's origin), with `req.params` set in its query.
 * Throws a `rejected` {@link UpstreamError} for a URL off the origin.
 */
export function callUrl(base: URL, plainBase: string | null, req: Pick<HttpRequest, 'method' | 'path' | 'params'>, source: string): { href: string; url: string } {
  const params = req.params === undefined ? null : Object.keys(req.params);
  // Most calls: a plain relative path, which `new URL` would only append to the base's (issue 17: parsing,
  // re-serialising the query into it and reading it back was ~1 % of the gateway's CPU under load).
  if (plainBase !== null && PLAIN_PATH.test(req.path) && !DOT_SEGMENT.test(req.path)) {
    const path = req.path.charCodeAt(0) === 0x2f ? req.path.slice(1) : req.path;
    let query = '';
    if (params !== null && params.length > 0) {
      const search = new URLSearchParams();
      for (const key of params) search.append(key, String(req.params![key]));
      query = `?${search.toString()}`;
    }
    const href = `${plainBase}${path}${query}`;
    return { href, url: href.slice(base.origin.length) };
  }
  const target = new URL(req.path.replace(/^\//, ''), base);
  if (/^https?:\/\//i.test(req.path)) {
    const absolute = new URL(req.path);
    if (absolute.origin !== base.origin) {
      throw new UpstreamError({ source, kind: 'rejected', message: `refusing to follow a link off the source's origin: ${absolute.origin}`, method: req.method });
    }
    target.href = absolute.href;
  }
  if (params !== null && params.length > 0) {
    // Set on a copy and written back once: each `target.searchParams.set` re-serialises the whole URL.
    const search = new URLSearchParams(target.search);
    for (const key of params) search.set(key, String(req.params![key]));
    target.search = search.toString();
  }
  return { href: target.href, url: `${target.pathname}${target.search}` };
}

/**
 * A relative path `new URL` keeps as it is: characters it neither escapes nor interprets (no `%`, `\\`, `?`, `#`,
 * `:`), at most one leading `/` (which is dropped, as the general path drops it).
 */
const PLAIN_PATH = /^\/?[\w\-.~!$&'()*+,;=@][\w\-.~!$&'()*+,;=@/]*$/;
/** A `.` or `..` segment, which `new URL` resolves. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

function toUpstreamError(source: string, error: unknown, method: string, url: string, signal: AbortSignal, timeoutMs: number): UpstreamError {
  // No `cause`: axios errors carry the full request (query strings with emails and phones) into logs.
  const common = { source, method, url: redactQuery(url) };
  if (signal.aborted || (error instanceof AxiosError && (error.code === 'ECONNABORTED' || error.code === 'ERR_CANCELED'))) {
    return new UpstreamError({ ...common, kind: 'timeout', message: `no complete answer within the deadline (limit ${timeoutMs} ms)` });
  }
  if (error instanceof AxiosError) {
    if (error.code === 'ERR_BAD_RESPONSE' || /maxContentLength/i.test(error.message)) {
      return new UpstreamError({ ...common, kind: 'bad_response', message: `response rejected: ${error.message}` });
    }
    return new UpstreamError({ ...common, kind: 'unavailable', message: `connection failed: ${error.code ?? error.message}` });
  }
  return new UpstreamError({ ...common, kind: 'unavailable', message: `call failed: ${String(error)}` });
}

/**
 * Parses a JSON body. Empty bodies, HTML pages and malformed or truncated JSON throw a `bad_response`
 * {@link UpstreamError} naming the status and content type (never the body, which may hold PII).
 */
export function parseJsonBody(source: string, res: HttpResponse): unknown {
  const text = res.body.charCodeAt(0) === 0xfeff ? res.body.slice(1) : res.body;
  const contentType = res.headers['content-type'] ?? 'none';
  const fail = (why: string, cause?: unknown): UpstreamError =>
    new UpstreamError({ source, kind: 'bad_response', message: `${why} (HTTP ${res.status}, content-type ${contentType})`, method: res.method, url: redactQuery(res.url), status: res.status, cause });
  if (text.trim() === '') throw fail('empty response body');
  if (/^\s*</.test(text)) throw fail('HTML instead of JSON');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw fail('malformed JSON', error);
  }
}

/**
 * The path and query of a call with query values replaced by `REDACTED`: query strings carry search terms
 * (emails, phones, SOQL), which must not reach errors or logs. With `params`, only those parameters are
 * redacted (adapters keep paging parameters readable); without, every value is.
 */
export function redactQuery(url: string, params?: readonly string[]): string {
  const mark = url.indexOf('?');
  if (mark === -1) return url;
  const search = new URLSearchParams(url.slice(mark + 1));
  let changed = false;
  for (const name of params ?? [...new Set(search.keys())]) {
    if (search.has(name)) {
      search.set(name, 'REDACTED');
      changed = true;
    }
  }
  return changed ? `${url.slice(0, mark)}?${search.toString()}` : url;
}

/**
 * Reads `Retry-After` (integer or fractional seconds, or an HTTP date) as milliseconds from `nowMs`;
 * `undefined` when absent or unparsable, never negative.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
