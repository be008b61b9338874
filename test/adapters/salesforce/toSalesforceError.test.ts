import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../../src/adapters/http.js';
import { toSalesforceError } from '../../../src/adapters/salesforce/toSalesforceError.js';
import type { UpstreamErrorKind } from '../../../src/adapters/UpstreamError.js';

function res(status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): HttpResponse {
  return { status, body, headers, method: 'GET', url: "/services/data/v63.0/query?q=SELECT+Id+FROM+Contact+WHERE+Email%3D%27jane%40example.com%27" };
}
const sf = (errorCode: string, message = 'text'): string => JSON.stringify([{ message, errorCode }]);

describe('toSalesforceError: kinds', () => {
  it.each<[string, HttpResponse, UpstreamErrorKind, string | undefined]>([
    ['403 REQUEST_LIMIT_EXCEEDED', res(403, sf('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.')), 'rate_limited', 'REQUEST_LIMIT_EXCEEDED'],
    ['403 as an object body', res(403, JSON.stringify({ message: 'x', errorCode: 'REQUEST_LIMIT_EXCEEDED' })), 'rate_limited', 'REQUEST_LIMIT_EXCEEDED'],
    ['403 permissions', res(403, sf('INSUFFICIENT_ACCESS')), 'rejected', 'INSUFFICIENT_ACCESS'],
    ['401 INVALID_SESSION_ID', res(401, sf('INVALID_SESSION_ID', 'Session expired or invalid')), 'auth', 'INVALID_SESSION_ID'],
    ['401 with an HTML body', res(401, '<html>login</html>', { 'content-type': 'text/html' }), 'auth', undefined],
    ['INVALID_SESSION_ID under another status', res(400, sf('INVALID_SESSION_ID')), 'auth', 'INVALID_SESSION_ID'],
    ['401 OAuth object body', res(401, JSON.stringify({ error: 'invalid_grant', error_description: 'expired' })), 'auth', 'invalid_grant'],
    ['400 MALFORMED_QUERY', res(400, sf('MALFORMED_QUERY')), 'rejected', 'MALFORMED_QUERY'],
    ['400 INVALID_FIELD', res(400, sf('INVALID_FIELD')), 'rejected', 'INVALID_FIELD'],
    ['404 NOT_FOUND', res(404, sf('NOT_FOUND')), 'rejected', 'NOT_FOUND'],
    ['414 without a body code', res(414, '[]'), 'rejected', undefined],
    ['429 from a proxy', res(429, '{}'), 'rate_limited', undefined],
    ['500 UNKNOWN_EXCEPTION', res(500, sf('UNKNOWN_EXCEPTION')), 'unavailable', 'UNKNOWN_EXCEPTION'],
    ['503 SERVER_UNAVAILABLE', res(503, sf('SERVER_UNAVAILABLE')), 'unavailable', 'SERVER_UNAVAILABLE'],
    ['502 HTML proxy page', res(502, '<html><body>Bad Gateway</body></html>', { 'content-type': 'text/html' }), 'bad_response', undefined],
    ['500 empty body', res(500, ''), 'bad_response', undefined],
    ['400 truncated JSON', res(400, '[{"message":"x","errorCo'), 'bad_response', undefined],
    ['300 multiple choices', res(300, '["/a","/b"]'), 'bad_response', undefined],
  ])('maps %s', (_name, response, kind, vendorCode) => {
    const error = toSalesforceError('crm', response);
    expect(error).toMatchObject({ source: 'crm', kind, vendorCode: kind === 'bad_response' ? undefined : vendorCode, status: response.status, method: 'GET' });
  });
});

describe('toSalesforceError: privacy and waits', () => {
  it('redacts the query text and keeps vendor messages out', () => {
    const error = toSalesforceError('crm', res(400, sf('MALFORMED_QUERY', "unexpected token: 'jane@example.com'")));
    expect(error.url).toBe('/services/data/v63.0/query?q=REDACTED');
    expect(error.message).toBe('Salesforce GET /services/data/v63.0/query answered HTTP 400 MALFORMED_QUERY');
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('jane');
  });

  it('redacts the query text of unparsable bodies too', () => {
    const error = toSalesforceError('crm', res(502, '<html></html>', { 'content-type': 'text/html' }));
    expect(error.url).toBe('/services/data/v63.0/query?q=REDACTED');
  });

  it('reads Retry-After when one is sent, and none otherwise', () => {
    expect(toSalesforceError('crm', res(429, '{}', { 'retry-after': '3' })).retryAfterMs).toBe(3000);
    expect(toSalesforceError('crm', res(403, sf('REQUEST_LIMIT_EXCEEDED'))).retryAfterMs).toBeUndefined();
  });
});
