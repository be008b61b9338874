import { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { Agent, errors as undiciErrors, type Dispatcher } from 'undici';

type DispatchHandler = Dispatcher.DispatchHandler;
type DispatchController = Dispatcher.DispatchController;

/** Options of {@link createUndiciAdapter}. */
export interface UndiciAdapterOptions {
  /** Max connections per origin (the keep-alive pool's size). */
  readonly connections: number;
  /** Idle keep-alive sockets are closed after this many ms (default 4 s, undici's default). */
  readonly keepAliveTimeoutMs?: number;
}

/** An axios adapter and the pool it sends on. */
export interface UndiciAdapter {
  readonly adapter: AxiosAdapter;
  /** Closes the pool's sockets (requests in flight fail). */
  close(): Promise<void>;
}

/**
 * An axios `adapter` that sends requests on an undici connection pool instead of Node's `http` module (issue
 * 17, item 2: undici's pool costs less CPU per call; see BENCHMARKS.md "Transport"). It implements what
 * createHttpClient asks axios for, with axios's error shapes: absolute `url`, `method`, string `data`,
 * `headers`, `signal` (abort → `ERR_CANCELED`), `maxContentLength` (counted while reading; over it →
 * `ERR_BAD_RESPONSE`, the socket is dropped), `validateStatus`, text bodies only (`responseType` must be text:
 * createHttpClient's `transformResponse` returns the text unchanged). Redirects are never followed (as
 * `maxRedirects: 0`) and no `accept-encoding` is sent, so bodies arrive uncompressed. Connection failures are
 * `AxiosError`s with the system code (`ECONNREFUSED`, `ECONNRESET`, …) or undici's (`UND_ERR_SOCKET`, …).
 *
 * It sends with undici's `dispatch` and a handler of its own rather than `request`: the answer is small text
 * read whole, and `request` wraps every call in an `AsyncResource` and its body in a `Readable` stream, read
 * here through an async iterator (promises per chunk, an end-of-stream watcher). Per call that was about
 * 10 µs of CPU of the ~70 an undici call through axios costs (BENCHMARKS.md, issue 17, ninth session).
 */
export function createUndiciAdapter(options: UndiciAdapterOptions): UndiciAdapter {
  const dispatcher = new Agent({ connections: options.connections, keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000, pipelining: 1 });

  const adapter: AxiosAdapter = (config: InternalAxiosRequestConfig): Promise<AxiosResponse> =>
    new Promise<AxiosResponse>((resolve, reject) => {
      if (config.url === undefined) throw new AxiosError('undici adapter: no url', AxiosError.ERR_BAD_OPTION, config);
      const { origin, path } = splitUrl(config.url, config.baseURL);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(config.headers.toJSON() as Record<string, unknown>)) {
        if (value !== undefined && value !== null && value !== false) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      }
      const data: unknown = config.data;
      if (data !== undefined && data !== null && typeof data !== 'string') throw new AxiosError('undici adapter: request bodies must be strings', AxiosError.ERR_BAD_OPTION, config);
      const limit = typeof config.maxContentLength === 'number' && config.maxContentLength > -1 ? config.maxContentLength : Number.POSITIVE_INFINITY;
      const signal = config.signal as AbortSignal | undefined;
      if (signal?.aborted) throw new AxiosError('canceled', AxiosError.ERR_CANCELED, config);
      const chunks: Buffer[] = [];
      let size = 0;
      let statusCode = 0;
      let responseHeaders: Record<string, string | string[] | undefined> = {};
      let tooLarge: AxiosError | null = null;
      let controller: DispatchController | null = null;
      let settled = false;
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      // Aborted while queued for a socket: fail now; the request is dropped when it reaches one (onRequestStart).
      function onAbort(): void {
        if (controller) controller.abort(signal?.reason ?? new undiciErrors.RequestAbortedError());
        else if (settle()) reject(new AxiosError('canceled', AxiosError.ERR_CANCELED, config));
      }
      const handler: DispatchHandler = {
        onRequestStart(c) {
          controller = c;
          if (settled || signal?.aborted) c.abort(signal?.reason ?? new undiciErrors.RequestAbortedError());
        },
        onResponseStart(_c, status, parsed) {
          // 1xx informational answers come first; the final status and headers are the last ones.
          if (status < 200) return;
          statusCode = status;
          responseHeaders = parsed;
        },
        onResponseData(c, chunk) {
          size += chunk.length;
          if (size > limit) {
            tooLarge ??= new AxiosError(`maxContentLength size of ${limit} exceeded`, AxiosError.ERR_BAD_RESPONSE, config);
            // Drops the socket, as destroying the body did; onResponseError follows.
            c.abort(tooLarge);
            return;
          }
          chunks.push(chunk);
        },
        onResponseEnd() {
          if (!settle()) return;
          const response: AxiosResponse = {
            data: (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)).toString('utf8'),
            status: statusCode,
            statusText: '',
            headers: toAxiosHeaders(responseHeaders),
            config,
            request: undefined,
          };
          const validate = config.validateStatus;
          if (!validate || validate(statusCode)) resolve(response);
          else reject(new AxiosError(`Request failed with status code ${statusCode}`, statusCode >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST, config, undefined, response));
        },
        onResponseError(_c, error) {
          if (settle()) reject(tooLarge ?? toAxiosError(error, config, signal));
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        dispatcher.dispatch({ origin, path, method: (config.method ?? 'get').toUpperCase() as 'GET', headers, body: typeof data === 'string' ? data : null }, handler);
      } catch (error) {
        if (settle()) reject(toAxiosError(error, config, signal));
      }
    });

  return { adapter, close: () => dispatcher.close() };
}

/**
 * undici's response headers as the AxiosHeaders axios would build from them. axios builds them with `set`
 * (name normalisation, a linear search per name, value sanitising) twice per response otherwise, once in
 * `transformData` and again in `dispatchRequest`, and both keep an AxiosHeaders they are given (issue 17:
 * ~3 % of the gateway's allocation under load). undici's names are already lower-case and its parser refuses
 * CR/LF in values; axios still normalises the result once (`transformData`).
 */
function toAxiosHeaders(raw: Record<string, string | string[] | undefined>): AxiosHeaders {
  const headers = new AxiosHeaders();
  const slots = headers as unknown as Record<string, string | string[]>;
  for (const name of Object.keys(raw)) {
    const value = raw[name];
    if (value === undefined) continue;
    // A header literally named `__proto__` goes through axios's own path, which stores it safely.
    if (name === '__proto__') headers.set(name, value);
    else slots[name] = value;
  }
  return headers;
}

/** An absolute URL in the form `new URL().href` gives it (what createHttpClient sends): lower-case host, no user info, no fragment, printable ASCII. */
const CANONICAL_URL = /^(https?:\/\/[a-z0-9.-]+(?::\d{1,5})?)(\/[\x21\x22\x24-\x5b\x5d-\x7e]*)$/;

/**
 * The origin and path of the request's URL. A URL already in canonical form (createHttpClient's are) is split
 * as it is; anything else goes through `new URL` (relative to `baseURL`), which canonicalises it.
 */
function splitUrl(url: string, baseURL: string | undefined): { origin: string; path: string } {
  const match = baseURL === undefined ? CANONICAL_URL.exec(url) : null;
  if (match) return { origin: match[1]!, path: match[2]! };
  const parsed = new URL(url, baseURL);
  return { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
}

function toAxiosError(error: unknown, config: InternalAxiosRequestConfig, signal: AbortSignal | undefined): AxiosError {
  if (signal?.aborted || error instanceof undiciErrors.RequestAbortedError) return new AxiosError('canceled', AxiosError.ERR_CANCELED, config);
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return new AxiosError(message, typeof code === 'string' ? code : AxiosError.ERR_NETWORK, config);
}
