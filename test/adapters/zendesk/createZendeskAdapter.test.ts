import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../src/adapters/http.js';
import type { BatchResult } from '../../../src/adapters/types.js';
import { isUpstreamError, type UpstreamError } from '../../../src/adapters/UpstreamError.js';
import { createZendeskAdapter, ZENDESK_ADAPTER_DEFAULTS, type ZendeskAdapterOptions } from '../../../src/adapters/zendesk/index.js';
import type { FaultRule } from '../../../src/sandbox/fakeTypes.js';
import { type AdapterHarness, startAdapterHarness } from './zendeskAdapterHarness.js';

function onlyError<T>(results: BatchResult<T>): UpstreamError {
  const [first] = results;
  if (!isUpstreamError(first)) throw new Error(`expected an UpstreamError, got ${JSON.stringify(first)}`);
  return first;
}

describe('createZendeskAdapter: port and options', () => {
  const http = createHttpClient({ source: 'zd', baseUrl: 'https://acme.zendesk.com' });
  afterAll(() => http.close());

  it('declares kind, name and capabilities', () => {
    const adapter = createZendeskAdapter({ name: 'support', http });
    expect([adapter.kind, adapter.name]).toEqual(['zendesk', 'support']);
    expect(adapter.capabilities).toEqual({ search: true, searchKeys: ['email', 'phone', 'name', 'namePrefix', 'identifier'], orders: false, tickets: true, activities: false, lookupKinds: ['ticketNumber'] });
    expect(typeof adapter.ticketsByOwner).toBe('function');
    expect(adapter.ordersByOwner).toBeUndefined();
    expect(ZENDESK_ADAPTER_DEFAULTS).toEqual({ maxPages: 50, ticketsPageSize: 100, maxConcurrentOwners: 8 });
  });

  it.each<[string, Partial<ZendeskAdapterOptions>, RegExp]>([
    ['an empty name', { name: ' ' }, /^createZendeskAdapter: name is invalid, got " "$/],
    ['a missing http client', { http: undefined }, /http must be an HttpClient/],
    ['maxPages 0', { maxPages: 0 }, /maxPages is invalid, got 0$/],
    ['a fractional maxPages', { maxPages: 1.5 }, /maxPages is invalid, got 1.5$/],
    ['ticketsPageSize 101', { ticketsPageSize: 101 }, /ticketsPageSize is invalid, got 101$/],
    ['ticketsPageSize 0', { ticketsPageSize: 0 }, /ticketsPageSize is invalid, got 0$/],
    ['maxConcurrentOwners -1', { maxConcurrentOwners: -1 }, /maxConcurrentOwners is invalid, got -1$/],
    ['a string maxConcurrentOwners', { maxConcurrentOwners: '4' as unknown as number }, /maxConcurrentOwners is invalid, got "4"$/],
    ['a logger without warn', { logger: {} as ZendeskAdapterOptions['logger'] }, /logger must be a pino Logger/],
  ])('rejects %s with a TypeError', (_what, patch, message) => {
    const build = (): unknown => createZendeskAdapter({ name: 'zd', http, ...patch } as ZendeskAdapterOptions);
    expect(build).toThrow(TypeError);
    expect(build).toThrow(message);
  });
});

describe('createZendeskAdapter: vendor failures', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness({ timeoutMs: 300 });
  });
  afterAll(() => h.close());
  afterEach(() => h.server.reset());

  const fault = (rule: FaultRule['fault']): void => {
    h.server.addFault({ match: { path: '^/api/v2/' }, fault: rule });
  };

  it('maps a plain-text 429 with Retry-After to rate_limited with retryAfterMs', async () => {
    fault({ kind: 'preset', preset: 'throttle', retryAfterSeconds: 7 });
    const error = onlyError(await h.adapter.search([{ kind: 'email', value: 'jane.doe@example.com' }], {}));
    expect([error.kind, error.status, error.retryAfterMs, error.source, error.code]).toEqual(['rate_limited', 429, 7_000, 'zd', 'SOURCE_RATE_LIMITED']);
    expect(error.url).toBe('/api/v2/users/search.json?query=REDACTED&per_page=100&include=identities');
    expect(error.message).not.toContain('jane');
    expect(h.server.requests()).toHaveLength(1);
  });

  it('maps 401 to auth with the vendor code', async () => {
    const wrong = await startAdapterHarness({ credentials: { email: 'agent@sandbox.example', apiToken: 'wrong' } });
    try {
      const error = onlyError(await wrong.adapter.getByIds(['1001'], {}));
      expect([error.kind, error.status, error.vendorCode]).toEqual(['auth', 401, "Couldn't authenticate you"]);
      expect(wrong.server.requests().map((r) => r.status)).toEqual([401]);
    } finally {
      await wrong.close();
    }
  });

  it('maps 500 with a string error to unavailable', async () => {
    fault({ kind: 'preset', preset: 'serverError' });
    const error = onlyError(await h.tickets(['1001'], {}));
    expect([error.kind, error.status, error.vendorCode]).toEqual(['unavailable', 500, 'InternalServerError']);
  });

  it('maps 503 with an object-valued error to unavailable with its title', async () => {
    fault({ kind: 'preset', preset: 'unavailable' });
    const error = onlyError(await h.adapter.getByIds(['1001'], {}));
    expect([error.kind, error.status, error.vendorCode]).toEqual(['unavailable', 503, 'Service Unavailable']);
  });

  it('maps a 404 on a list call to rejected with RecordNotFound', async () => {
    fault({ kind: 'status', status: 404, body: { error: 'RecordNotFound', description: 'Not found' } });
    const error = onlyError(await h.adapter.search([{ kind: 'email', value: 'jane.doe@example.com' }], {}));
    expect([error.kind, error.vendorCode]).toEqual(['rejected', 'RecordNotFound']);
  });

  it.each<[string, FaultRule['fault'], string, number | undefined]>([
    ['an HTML page with 200', { kind: 'html', status: 200 }, 'bad_response', 200],
    ['an HTML 502 proxy page', { kind: 'html' }, 'unavailable', 502],
    ['truncated JSON', { kind: 'malformedJson' }, 'bad_response', 200],
    ['an empty 200 body', { kind: 'empty' }, 'bad_response', 200],
    ['JSON of the wrong shape', { kind: 'status', status: 200, body: { users: 'nope' } }, 'bad_response', 200],
    ['a user without an id', { kind: 'status', status: 200, body: { users: [{ name: 'x', role: 'end-user' }] } }, 'bad_response', 200],
    ['a reset connection', { kind: 'reset' }, 'unavailable', undefined],
  ])('maps %s to %s', async (_what, rule, kind, status) => {
    fault(rule);
    const error = onlyError(await h.adapter.getByIds(['1001'], {}));
    expect([error.kind, error.status]).toEqual([kind, status]);
    expect(h.server.requests()).toHaveLength(1);
  });

  it('names the failing field of an unexpected shape', async () => {
    fault({ kind: 'status', status: 200, body: { tickets: [{ id: 'seven', status: 'open', created_at: 'x' }], meta: { has_more: false } } });
    const error = onlyError(await h.tickets(['1001'], {}));
    expect(error.message).toMatch(/^unexpected Zendesk response shape at tickets\.0\.id/);
  });

  it('maps a hang to timeout at the client timeout', async () => {
    fault({ kind: 'hang' });
    const started = performance.now();
    const error = onlyError(await h.adapter.getByIds(['1001'], {}));
    expect(error.kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('maps a trickled body to timeout', async () => {
    fault({ kind: 'trickle', bytesPerSecond: 5 });
    const error = onlyError(await h.tickets(['1001'], {}));
    expect(error.kind).toBe('timeout');
  });

  it('passes the caller’s signal to every call', async () => {
    const patient = await startAdapterHarness({ timeoutMs: 10_000 });
    try {
      patient.server.addFault({ match: { path: '^/api/v2/' }, fault: { kind: 'hang' } });
      const started = performance.now();
      const ctx = { signal: AbortSignal.timeout(150) };
      const [search, byId, tickets] = await Promise.all([
        patient.adapter.search([{ kind: 'email', value: 'a@b.example' }], ctx),
        patient.adapter.getByIds(['1001'], ctx),
        patient.tickets(['1001'], ctx),
      ]);
      expect([search, byId, tickets].map((r) => (isUpstreamError(r[0]) ? r[0].kind : 'none'))).toEqual(['timeout', 'timeout', 'timeout']);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(patient.server.requests()).toHaveLength(3);
    } finally {
      await patient.close();
    }
  });
});
