import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getEventListeners } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, HTTP_TRANSPORTS } from '../../src/adapters/http.js';
import { isUpstreamError } from '../../src/adapters/UpstreamError.js';

// A loopback server: /ok answers at once, /hang never answers.
let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url?.startsWith('/hang')) return;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ path: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
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

describe.each(HTTP_TRANSPORTS)('createHttpClient deadlines over the %s transport', (transport) => {
  it('cuts a call off at its own timeout', async () => {
    const client = createHttpClient({ source: 'crm', baseUrl: base, timeoutMs: 150, transport });
    const started = performance.now();
    const error = await failure(client.request({ method: 'GET', path: 'hang' }));
    expect(error.kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2_000);
    client.close();
  });

  it("cuts a call off when the caller's signal aborts first, and reports a timeout", async () => {
    const client = createHttpClient({ source: 'crm', baseUrl: base, timeoutMs: 10_000, transport });
    const caller = new AbortController();
    setTimeout(() => caller.abort(), 100);
    const started = performance.now();
    const error = await failure(client.request({ method: 'GET', path: 'hang', signal: caller.signal }));
    expect(error.kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2_000);
    client.close();
  });

  it('makes no call when the caller’s deadline has already passed', async () => {
    const client = createHttpClient({ source: 'crm', baseUrl: base, transport });
    const error = await failure(client.request({ method: 'GET', path: 'ok?email=jane@example.com', signal: AbortSignal.abort() }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('before the call');
    expect(error.url).not.toContain('jane');
    client.close();
  });

  it("leaves no listener on the caller's signal after calls settle", async () => {
    const client = createHttpClient({ source: 'crm', baseUrl: base, transport });
    const caller = new AbortController();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => client.request({ method: 'GET', path: `ok/${i}`, signal: caller.signal })));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(JSON.parse(answers[3]!.body)).toEqual({ path: '/ok/3' });
    await failure(client.request({ method: 'GET', path: 'hang', signal: AbortSignal.timeout(50) }));
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
    client.close();
  });

  it('frees the connection of a call cut off while its source hangs: later calls on a full pool still answer', async () => {
    // A pool of 2 filled twice over with hung calls the caller gives up on: if a call cut off kept its connection
    // (or its pool slot), the healthy calls after them would queue behind hung sockets until their own timeout.
    const client = createHttpClient({ source: 'crm', baseUrl: base, timeoutMs: 5_000, maxSockets: 2, transport });
    for (let round = 0; round < 2; round++) {
      const hung = await Promise.all([1, 2].map((i) => failure(client.request({ method: 'GET', path: `hang/${round}/${i}`, signal: AbortSignal.timeout(100) }))));
      expect(hung.map((e) => e.kind)).toEqual(['timeout', 'timeout']);
    }
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => client.request({ method: 'GET', path: `ok/${i}`, signal: AbortSignal.timeout(2_000) })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    client.close();
  });
});
