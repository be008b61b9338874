import http from 'node:http';
import type { AddressInfo } from 'node:net';
import axios, { AxiosHeaders, type AxiosInstance } from 'axios';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHttpClient, HTTP_TRANSPORTS, transportFromEnv, USER_AGENT } from '../../src/adapters/http.js';
import { createUndiciAdapter } from '../../src/adapters/undiciAdapter.js';
import { isUpstreamError } from '../../src/adapters/UpstreamError.js';

// A loopback server echoing what it received; /big answers 64 KiB; /status/<n> answers that status.
let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url?.endsWith('/big')) return void res.writeHead(200, { 'content-type': 'application/json' }).end(`"${'x'.repeat(64 * 1024)}"`);
      const status = /\/status\/(\d+)/.exec(req.url ?? '')?.[1];
      res.writeHead(status ? Number(status) : 200, { 'content-type': 'application/json', 'x-Trace': 'abc', 'set-cookie': ['a=1', 'b=2'] });
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isUpstreamError(error)) throw new Error(`expected an UpstreamError, got ${String(error)}`);
  return error;
}

describe.each(HTTP_TRANSPORTS)('createHttpClient over the %s transport', (transport) => {
  it('sends the path, query, headers and a JSON body, and answers status, lower-case headers and the text', async () => {
    const client = createHttpClient({ source: 'crm', baseUrl: base, headers: { authorization: 'Bearer t' }, transport });
    const res = await client.request({ method: 'POST', path: 'contacts', params: { q: "Name = 'Zoë'", n: 2 }, body: { a: 1 }, headers: { 'x-extra': 'yes' } });
    expect(res.status).toBe(200);
    expect(res.headers['x-trace']).toBe('abc');
    expect(res.headers['content-type']).toBe('application/json');
    // Repeated headers arrive as one value, as Node's and undici's parsers both give them.
    expect(res.headers['set-cookie']).toBe('a=1, b=2');
    expect(res.url).toBe('/api/contacts?q=Name+%3D+%27Zo%C3%AB%27&n=2');
    const echo = JSON.parse(res.body) as { method: string; url: string; headers: Record<string, string>; body: string };
    expect(echo.method).toBe('POST');
    expect(new URL(echo.url, 'http://x').searchParams.get('q')).toBe("Name = 'Zoë'");
    expect(echo.headers.authorization).toBe('Bearer t');
    expect(echo.headers['x-extra']).toBe('yes');
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.headers['user-agent']).toBe(USER_AGENT);
    expect(echo.headers.accept).toBe('application/json');
    // The body leaves exactly as request() serialised it.
    expect(echo.body).toBe('{"a":1}');
    client.close();
  });

  it('sends URLSearchParams bodies form-encoded and answers any status without throwing', async () => {
    const client = createHttpClient({ source: 'crm', baseUrl: base, transport });
    const res = await client.request({ method: 'POST', path: 'status/503', body: new URLSearchParams({ grant_type: 'client_credentials' }) });
    expect(res.status).toBe(503);
    const echo = JSON.parse(res.body) as { headers: Record<string, string>; body: string };
    expect(echo.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(echo.body).toBe('grant_type=client_credentials');
    client.close();
  });

  it("keeps headers named like AxiosHeaders' own methods (set, normalize, toJSON, constructor)", async () => {
    const odd = http.createServer((_req, res) => {
      res.writeHead(200, ['content-type', 'application/json', 'set', '1', 'normalize', '2', 'toJSON', '3', 'constructor', '4']);
      res.end('{}');
    });
    await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
    const client = createHttpClient({ source: 'crm', baseUrl: `http://127.0.0.1:${(odd.address() as AddressInfo).port}/`, transport });
    try {
      const res = await client.request({ method: 'GET', path: 'x' });
      expect(res.status).toBe(200);
      expect([res.headers.set, res.headers.normalize, res.headers.tojson, res.headers.constructor]).toEqual(['1', '2', '3', '4']);
    } finally {
      client.close();
      odd.closeAllConnections();
      await new Promise((resolve) => odd.close(resolve));
    }
  });

  it('refuses a body above maxBodyBytes as bad_response', async () => {
    const client = createHttpClient({ source: 'crm', baseUrl: base, maxBodyBytes: 1024, transport });
    const error = await failure(client.request({ method: 'GET', path: '/big' }));
    expect(error.kind).toBe('bad_response');
    // The client still works afterwards.
    expect((await client.request({ method: 'GET', path: 'again' })).status).toBe(200);
    client.close();
  });

  it('reports a refused connection as unavailable', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const client = createHttpClient({ source: 'crm', baseUrl: `http://127.0.0.1:${port}/`, transport });
    const error = await failure(client.request({ method: 'GET', path: 'x' }));
    expect(error.kind).toBe('unavailable');
    client.close();
  });
});

/**
 * Runs `use` with an axios instance on the undici adapter (`connections` sockets, text bodies, any status) and
 * the origin of a loopback server answering with `handler`; closes both afterwards.
 */
async function withUndiciAxios(handler: http.RequestListener, connections: number, use: (instance: AxiosInstance, origin: string) => Promise<void>): Promise<void> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { adapter, close } = createUndiciAdapter({ connections });
  try {
    const instance = axios.create({ adapter, responseType: 'text', transformResponse: [], validateStatus: () => true });
    await use(instance, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('the undici adapter as axios sees it', () => {
  it('skips 1xx informational answers and answers the final status and headers', async () => {
    const hints: http.RequestListener = (_req, res) => {
      res.writeEarlyHints({ link: '</a.css>; rel=preload' });
      res.writeHead(201, { 'content-type': 'application/json', 'x-final': 'yes' });
      res.end('{"ok":true}');
    };
    await withUndiciAxios(hints, 1, async (instance, origin) => {
      const res = await instance.get<string>(`${origin}/x?y=1`);
      expect([res.status, (res.headers as AxiosHeaders).get('x-final'), (res.headers as AxiosHeaders).get('link'), res.data]).toEqual([201, 'yes', undefined, '{"ok":true}']);
    });
  });

  it('fails a request aborted while it waits for a socket at once, and never sends it', async () => {
    const seen: string[] = [];
    const held: http.ServerResponse[] = [];
    const slow: http.RequestListener = (req, res) => {
      seen.push(req.url ?? '');
      if (req.url === '/hold') held.push(res);
      else res.end('{}');
    };
    // One connection: the second request queues behind the first, which the server holds.
    await withUndiciAxios(slow, 1, async (instance, origin) => {
      const first = instance.get<string>(`${origin}/hold`);
      await vi.waitFor(() => expect(seen).toEqual(['/hold']));
      const controller = new AbortController();
      const queued = instance.get<string>(`${origin}/queued`, { signal: controller.signal });
      controller.abort();
      await expect(queued).rejects.toMatchObject({ code: 'ERR_CANCELED' });
      held[0]!.end('{"held":true}');
      expect((await first).data).toBe('{"held":true}');
      // The connection is free again: a later request goes out, the aborted one never did.
      expect((await instance.get<string>(`${origin}/after`)).status).toBe(200);
      expect(seen).toEqual(['/hold', '/after']);
    });
  });

  it('cancels a request whose signal aborts while its answer is on the way', async () => {
    const trickle: http.RequestListener = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"part":');
    };
    await withUndiciAxios(trickle, 1, async (instance, origin) => {
      const controller = new AbortController();
      const pending = instance.get<string>(`${origin}/`, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await expect(pending).rejects.toMatchObject({ code: 'ERR_CANCELED' });
    });
  });

  it('answers headers axios can read by any case, and a header named __proto__ pollutes nothing', async () => {
    const odd: http.RequestListener = (_req, res) => {
      // Raw header list: the only way to send a header literally named __proto__.
      res.writeHead(200, ['Content-Type', 'application/json', 'X-Rate-Remaining', '7', '__proto__', 'x', 'Vary', 'a', 'Vary', 'b']);
      res.end('{}');
    };
    await withUndiciAxios(odd, 2, async (instance, origin) => {
      const res = await instance.get<string>(`${origin}/`);
      expect(res.headers).toBeInstanceOf(AxiosHeaders);
      expect((res.headers as AxiosHeaders).get('x-rate-remaining')).toBe('7');
      expect((res.headers as AxiosHeaders).get('X-Rate-Remaining')).toBe('7');
      expect((res.headers as AxiosHeaders).get('content-type')).toBe('application/json');
      expect(String((res.headers as AxiosHeaders).get('vary'))).toMatch(/a.*b/);
      expect(Object.getPrototypeOf(res.headers)).toBe(AxiosHeaders.prototype);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
      expect(res.data).toBe('{}');
    });
  });
});

describe('transportFromEnv', () => {
  it('defaults to undici, accepts node, and names the variable for anything else', () => {
    expect(transportFromEnv({})).toBe('undici');
    expect(transportFromEnv({ C360_HTTP_TRANSPORT: '' })).toBe('undici');
    expect(transportFromEnv({ C360_HTTP_TRANSPORT: 'node' })).toBe('node');
    expect(transportFromEnv({ C360_HTTP_TRANSPORT: 'undici' })).toBe('undici');
    expect(() => transportFromEnv({ C360_HTTP_TRANSPORT: 'curl' })).toThrow(/C360_HTTP_TRANSPORT/);
  });
});

describe('createHttpClient with HTTP_PROXY set', () => {
  it("sends on Node's agents through the proxy even when undici is asked for (axios's proxy support)", async () => {
    // A loopback "proxy" that answers itself: a proxied request line carries the absolute target URL.
    const proxy = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ proxiedUrl: req.url })));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const saved = Object.fromEntries(['HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'].map((name) => [name, process.env[name]]));
    for (const name of Object.keys(saved)) delete process.env[name];
    process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const client = createHttpClient({ source: 'crm', baseUrl: 'http://upstream.invalid/api/', transport: 'undici' });
      const res = await client.request({ method: 'GET', path: 'contacts' });
      expect(JSON.parse(res.body)).toEqual({ proxiedUrl: 'http://upstream.invalid/api/contacts' });
      client.close();
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
