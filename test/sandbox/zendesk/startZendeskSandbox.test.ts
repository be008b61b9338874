import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../../../src/sandbox/fakeTypes.js';
import { startZendeskSandbox } from '../../../src/sandbox/zendesk/index.js';
import { FIXTURE, get } from './zendeskFixture.js';

describe('startZendeskSandbox: server, auth and headers', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startZendeskSandbox(FIXTURE, { oauthToken: 'oauth-abc', rateLimitPerMinute: 400 });
  });
  afterAll(() => server.close());
  afterEach(() => server.reset());

  it('listens on an ephemeral loopback port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
    expect(server.name).toBe('zendesk');
  });

  it('accepts the API token and the OAuth token and refuses the rest with Zendesk 401 bodies', async () => {
    const token = `Basic ${Buffer.from('agent@sandbox.example/token:sandbox-zendesk-token').toString('base64')}`;
    const results = await Promise.all([
      get(server, '/api/v2/users/1001.json', token),
      get(server, '/api/v2/users/1001.json', 'Bearer oauth-abc'),
      get(server, '/api/v2/users/1001.json', 'Bearer wrong'),
      get(server, '/api/v2/users/1001.json', `Basic ${Buffer.from('agent@sandbox.example/token:wrong').toString('base64')}`),
      get(server, '/api/v2/users/1001.json', ''),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 401, 401, 401]);
    expect(results[4]?.json).toEqual({ error: "Couldn't authenticate you" });
    expect(server.requests().map((r) => r.status)).toEqual(expect.arrayContaining([200, 200, 401, 401, 401]));
  });

  it('answers an unknown path with 404 InvalidEndpoint', async () => {
    const answer = await get(server, '/api/v2/widgets.json');
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ error: 'InvalidEndpoint', description: 'Not found' });
    expect(server.requests()[0]?.route).toBeNull();
  });

  it('serves every path with or without the .json suffix', async () => {
    const paths = ['/api/v2/users/1001', '/api/v2/users/search?query=jane', '/api/v2/users/show_many?ids=1001', '/api/v2/users/1001/tickets/requested', '/api/v2/search?query=jane'];
    for (const path of paths) {
      const [withSuffix, without] = await Promise.all([get(server, path.replace(/(\?|$)/, '.json$1')), get(server, path)]);
      expect([path, withSuffix.status, without.status]).toEqual([path, 200, 200]);
      expect(withSuffix.json).toEqual(without.json);
    }
    expect(server.requests().map((r) => r.route)).toEqual([
      'users.show', 'users.show',
      'users.search', 'users.search',
      'users.show_many', 'users.show_many',
      'users.tickets.requested', 'users.tickets.requested',
      'search', 'search',
    ]);
  });

  it('sends X-Rate-Limit headers on every answer and ratelimit-* on list endpoints', async () => {
    const show = await get(server, '/api/v2/users/1001.json');
    const list = await get(server, '/api/v2/users/search.json?query=jane');
    const denied = await get(server, '/api/v2/users/1001.json', '');
    expect(show.headers.get('x-rate-limit')).toBe('400');
    expect(Number(list.headers.get('x-rate-limit-remaining'))).toBeLessThan(Number(show.headers.get('x-rate-limit-remaining')));
    expect(show.headers.get('ratelimit-limit')).toBeNull();
    expect(list.headers.get('ratelimit-limit')).toBe('400');
    expect(Number(list.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
    expect(list.headers.get('ratelimit-remaining')).toBe(list.headers.get('x-rate-limit-remaining'));
    expect(denied.headers.get('x-rate-limit')).toBe('400');
  });

  it('injects the throttle preset as a plain-text 429 with Retry-After', async () => {
    server.addFault({ match: { route: 'users.search' }, fault: { kind: 'preset', preset: 'throttle', retryAfterSeconds: 7 }, times: 1 });
    const throttled = await get(server, '/api/v2/users/search.json?query=jane');
    const next = await get(server, '/api/v2/users/search.json?query=jane');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(throttled.text).toBe('Too Many Requests');
    expect(next.status).toBe(200);
    expect(server.requests().map((r) => r.fault)).toEqual(['preset', null]);
  });

  it('injects the server-error and unavailable presets with Zendesk bodies', async () => {
    server.addFault({ match: { path: '^/api/v2/users/1001' }, fault: { kind: 'preset', preset: 'serverError' }, times: 1 });
    server.addFault({ match: { path: '^/api/v2/users/1001' }, fault: { kind: 'preset', preset: 'unavailable' }, times: 1 });
    const first = await get(server, '/api/v2/users/1001.json');
    const second = await get(server, '/api/v2/users/1001.json');
    expect([first.status, first.json?.error]).toEqual([500, 'InternalServerError']);
    expect([second.status, second.json?.error?.title]).toEqual([503, 'Service Unavailable']);
  });
});

describe('startZendeskSandbox: options', () => {
  it.each<[string, object]>([
    ['port', { port: -1 }],
    ['port', { port: 1.5 }],
    ['host', { host: '' }],
    ['agentEmail', { agentEmail: 'not-an-email' }],
    ['apiToken', { apiToken: '' }],
    ['oauthToken', { oauthToken: 'has space' }],
    ['rateLimitPerMinute', { rateLimitPerMinute: 0 }],
    ['seed', { seed: 'x' }],
  ])('rejects a bad %s with a TypeError naming it', async (name, options) => {
    await expect(startZendeskSandbox(FIXTURE, options)).rejects.toThrow(new RegExp(`^startZendeskSandbox: ${name} is invalid, got `));
  });

  it('uses the configured credentials instead of the defaults', async () => {
    const server = await startZendeskSandbox(FIXTURE, { agentEmail: 'ops@acme.example', apiToken: 't-1' });
    try {
      const mine = await get(server, '/api/v2/users/1001.json', `Basic ${Buffer.from('ops@acme.example/token:t-1').toString('base64')}`);
      const defaults = await get(server, '/api/v2/users/1001.json');
      expect([mine.status, defaults.status]).toEqual([200, 401]);
    } finally {
      await server.close();
    }
  });
});
