import { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { Agent, errors as undiciErrors } from 'undici';

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
 */
export function createUndiciAdapter(options: UndiciAdapterOptions): UndiciAdapter {
  const dispatcher = new Agent({ connections: options.connections, keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000, pipelining: 1 });

  const adapter: AxiosAdapter = async (config: InternalAxiosRequestConfig): Promise<AxiosResponse> => {
    if (config.url === undefined) throw new AxiosError('undici adapter: no url', AxiosError.ERR_BAD_OPTION, config);
    const url = new URL(config.url, config.baseURL);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(config.headers.toJSON() as Record<string, unknown>)) {
      if (value !== undefined && value !== null && value !== false) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    const data: unknown = config.data;
    if (data !== undefined && data !== null && typeof data !== 'string') throw new AxiosError('undici adapter: request bodies must be strings', AxiosError.ERR_BAD_OPTION, config);
    const method = (config.method ?? 'get').toUpperCase();
    const limit = typeof config.maxContentLength === 'number' && config.maxContentLength > -1 ? config.maxContentLength : Number.POSITIVE_INFINITY;
    const signal = config.signal as AbortSignal | undefined;
    if (signal?.aborted) throw new AxiosError('canceled', AxiosError.ERR_CANCELED, config);
    let res;
    try {
      res = await dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: method as 'GET',
        headers,
        ...(typeof data === 'string' ? { body: data } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      throw toAxiosError(error, config, signal);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) {
          res.body.destroy();
          throw new AxiosError(`maxContentLength size of ${limit} exceeded`, AxiosError.ERR_BAD_RESPONSE, config);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof AxiosError) throw error;
      throw toAxiosError(error, config, signal);
    }
    const response: AxiosResponse = {
      data: (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)).toString('utf8'),
      status: res.statusCode,
      statusText: '',
      headers: toAxiosHeaders(res.headers),
      config,
      request: undefined,
    };
    const validate = config.validateStatus;
    if (!validate || validate(res.statusCode)) return response;
    throw new AxiosError(`Request failed with status code ${res.statusCode}`, res.statusCode >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST, config, undefined, response);
  };

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

function toAxiosError(error: unknown, config: InternalAxiosRequestConfig, signal: AbortSignal | undefined): AxiosError {
  if (signal?.aborted || error instanceof undiciErrors.RequestAbortedError) return new AxiosError('canceled', AxiosError.ERR_CANCELED, config);
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return new AxiosError(message, typeof code === 'string' ? code : AxiosError.ERR_NETWORK, config);
}
