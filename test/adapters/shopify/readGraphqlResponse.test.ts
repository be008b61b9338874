import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../../src/adapters/http.js';
import { readGraphqlResponse, redactMessage, throttleWaitMs } from '../../../src/adapters/shopify/readGraphqlResponse.js';
import { UpstreamError, type UpstreamErrorKind } from '../../../src/adapters/UpstreamError.js';

const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
  method: 'POST',
  url: '/admin/api/2025-10/graphql.json',
});
const cost = (requested: number, available: number, restoreRate: number) => ({
  cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate } },
});
const throttledBody = { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }], extensions: cost(202, 10, 100) };

describe('readGraphqlResponse: failures', () => {
  const cases: Array<[string, HttpResponse, UpstreamErrorKind, { vendorCode?: string; retryAfterMs?: number; status?: number }]> = [
    ['THROTTLED in a 200 body', json(200, throttledBody), 'rate_limited', { vendorCode: 'THROTTLED', retryAfterMs: 1920, status: 200 }],
    ['THROTTLED in a 429 body', json(429, throttledBody), 'rate_limited', { vendorCode: 'THROTTLED', retryAfterMs: 1920, status: 429 }],
    ['a 429 with Retry-After only', json(429, { errors: 'Exceeded 2 calls per second' }, { 'retry-after': '2.0' }), 'rate_limited', { vendorCode: 'THROTTLED', retryAfterMs: 2000 }],
    ['a 429 with a text body', { ...json(429, 'slow down'), headers: { 'content-type': 'text/plain' } }, 'rate_limited', {}],
    ['MAX_COST_EXCEEDED', json(200, { errors: [{ message: 'Query cost is 1250, which exceeds…', extensions: { code: 'MAX_COST_EXCEEDED', cost: 1250, maxCost: 1000 } }] }), 'rejected', { vendorCode: 'MAX_COST_EXCEEDED' }],
    ['401', json(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' }), 'auth', { status: 401 }],
    ['403', json(403, { errors: 'Forbidden' }), 'auth', { status: 403 }],
    ['500 INTERNAL_SERVER_ERROR', json(500, { errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'x' } }] }), 'unavailable', { vendorCode: 'INTERNAL_SERVER_ERROR', status: 500 }],
    ['503 HTML', { ...json(503, '<html>down</html>'), headers: { 'content-type': 'text/html' } }, 'unavailable', { status: 503 }],
    ['402 frozen shop', json(402, { errors: 'Unavailable Shop' }), 'unavailable', { status: 402 }],
    ['404', json(404, { errors: 'Not Found' }), 'rejected', { status: 404 }],
    ['400 without a query', json(400, { errors: { query: 'Required parameter missing or invalid' } }), 'rejected', { status: 400 }],
    ['errors without data', json(200, { errors: [{ message: 'Cannot query field "x" on type "Customer".' }] }), 'rejected', {}],
    ['INTERNAL_SERVER_ERROR in a 200', json(200, { data: null, errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }), 'unavailable', { vendorCode: 'INTERNAL_SERVER_ERROR' }],
    ['ACCESS_DENIED without data', json(200, { data: null, errors: [{ message: 'Access denied', extensions: { code: 'ACCESS_DENIED' } }] }), 'auth', { vendorCode: 'ACCESS_DENIED' }],
    ['errors as a string in a 200', json(200, { errors: 'Not Found' }), 'rejected', {}],
    ['an HTML 200', { ...json(200, '<!DOCTYPE html><html></html>'), headers: { 'content-type': 'text/html' } }, 'bad_response', {}],
    ['malformed JSON', json(200, '{"data":{"cust'), 'bad_response', {}],
    ['an empty body', json(200, ''), 'bad_response', {}],
    ['a JSON array', json(200, [1, 2]), 'bad_response', {}],
    ['data of the wrong type', json(200, { data: 'yes' }), 'bad_response', {}],
    ['neither data nor errors', json(200, { extensions: {} }), 'bad_response', {}],
  ];

  it.each(cases)('maps %s', (_name, res, kind, fields) => {
    let caught: unknown;
    try {
      readGraphqlResponse('shop', res);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UpstreamError);
    expect(caught).toMatchObject({ source: 'shop', kind, method: 'POST', url: '/admin/api/2025-10/graphql.json', ...fields });
  });
});

describe('readGraphqlResponse: answers', () => {
  it('returns data and no errors', () => {
    expect(readGraphqlResponse('shop', json(200, { data: { customers: { nodes: [] } }, extensions: cost(2, 1998, 100) }))).toEqual({ data: { customers: { nodes: [] } }, errors: [] });
  });

  it('returns partial data with its errors', () => {
    const answer = readGraphqlResponse('shop', json(200, { data: { nodes: [null] }, errors: [{ message: 'Access denied', path: ['nodes', 0], extensions: { code: 'ACCESS_DENIED' } }] }));
    expect(answer).toEqual({ data: { nodes: [null] }, errors: [{ message: 'Access denied', code: 'ACCESS_DENIED', path: ['nodes', 0] }] });
  });

  it('accepts a UTF-8 BOM before the JSON', () => {
    expect(readGraphqlResponse('shop', json(200, `\uFEFF${JSON.stringify({ data: {} })}`)).data).toEqual({});
  });
});

describe('readGraphqlResponse: helpers', () => {
  it.each([
    [cost(202, 10, 100), 1920],
    [cost(70, 66, 50), 80],
    [cost(10, 50, 100), 0],
    [cost(10, 5, 0), undefined],
    [{}, undefined],
  ])('computes the throttle wait from %j', (extensions, expected) => {
    expect(throttleWaitMs({ extensions })).toBe(expected);
  });

  it.each([
    ['Variable "$query" got invalid value 123; String cannot represent', 'Variable "$query" got invalid value <redacted>; String cannot represent'],
    ['no customer jane.doe@example.com here', 'no customer <email> here'],
    ['phone +1 (415) 555-1212 unknown', 'phone <number> unknown'],
    ['Cannot query field "x" on type "Customer".', 'Cannot query field "x" on type "Customer".'],
  ])('redacts %j', (text, expected) => {
    expect(redactMessage(text)).toBe(expected);
  });

  it('keeps PII out of error messages', () => {
    let caught: UpstreamError | undefined;
    try {
      readGraphqlResponse('shop', json(200, { errors: [{ message: 'No customer with email jane@example.com' }] }));
    } catch (error) {
      caught = error as UpstreamError;
    }
    expect(caught?.message).toContain('<email>');
    expect(caught?.message).not.toContain('jane@example.com');
  });
});
