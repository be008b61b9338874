import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../../src/adapters/http.js';
import type { UpstreamErrorKind } from '../../../src/adapters/UpstreamError.js';
import { toZendeskError } from '../../../src/adapters/zendesk/toZendeskError.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const res = (status: number, body: string, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  body,
  headers,
  method: 'GET',
  url: '/api/v2/users/search.json?query=email%3Ajane%40example.com&per_page=100',
});

describe('toZendeskError: Zendesk error answers → UpstreamError', () => {
  it.each<[string, HttpResponse, UpstreamErrorKind, string | undefined, number | undefined]>([
    ['429 with a plain-text body', res(429, 'Too Many Requests', { 'retry-after': '10' }), 'rate_limited', undefined, 10_000],
    ['429 with an HTTP-date Retry-After', res(429, 'Too Many Requests', { 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), 'rate_limited', undefined, 30_000],
    ['429 without Retry-After', res(429, '{"error":"TooManyRequests"}'), 'rate_limited', 'TooManyRequests', undefined],
    ['401', res(401, '{"error":"Couldn\'t authenticate you"}'), 'auth', "Couldn't authenticate you", undefined],
    ['403', res(403, '{"error":"Forbidden","description":"You do not have access"}'), 'auth', 'Forbidden', undefined],
    ['404', res(404, '{"error":"RecordNotFound","description":"Not found"}'), 'rejected', 'RecordNotFound', undefined],
    ['400 with an object error', res(400, '{"error":{"title":"Invalid attribute","message":"page"}}'), 'rejected', 'Invalid attribute', undefined],
    ['422', res(422, '{"error":"invalid","description":"Invalid search"}'), 'rejected', 'invalid', undefined],
    ['500', res(500, '{"error":"InternalServerError","description":"x"}'), 'unavailable', 'InternalServerError', undefined],
    ['503 with an object error and Retry-After', res(503, '{"error":{"title":"Service Unavailable","message":"m"}}', { 'retry-after': '2' }), 'unavailable', 'Service Unavailable', 2_000],
    ['502 HTML page', res(502, '<html><body>Bad Gateway</body></html>'), 'unavailable', undefined, undefined],
    ['500 with truncated JSON', res(500, '{"error":"Inter'), 'unavailable', undefined, undefined],
    ['500 with a non-object error', res(500, '{"error":42}'), 'unavailable', undefined, undefined],
    ['302 redirect', res(302, ''), 'bad_response', undefined, undefined],
  ])('%s', (_what, response, kind, vendorCode, retryAfterMs) => {
    const error = toZendeskError('zd', response, NOW);
    expect({ kind: error.kind, vendorCode: error.vendorCode, retryAfterMs: error.retryAfterMs, status: error.status, source: error.source }).toEqual({
      kind,
      vendorCode,
      retryAfterMs,
      status: response.status,
      source: 'zd',
    });
  });

  it('keeps customer data out of the message and the url', () => {
    const error = toZendeskError('zd', res(500, '{"error":"InternalServerError","description":"jane@example.com broke it"}'), NOW);
    expect(error.message).toBe('Zendesk GET /api/v2/users/search.json answered HTTP 500 (InternalServerError)');
    expect(error.url).toBe('/api/v2/users/search.json?query=REDACTED&per_page=100');
    expect(error.method).toBe('GET');
  });
});
