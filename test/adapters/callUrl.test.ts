import { describe, expect, it } from 'vitest';
import { callUrl } from '../../src/adapters/http.js';
import { isUpstreamError } from '../../src/adapters/UpstreamError.js';

// callUrl joins plain relative paths to the base by hand; every answer must be the one `new URL` gives (its
// general path, taken when no plain base is passed).
const PATHS = [
  'api/v2/users/123/tickets/requested.json',
  '/api/v2/users/show_many.json',
  'services/data/v60.0/query',
  'admin/api/2025-01/graphql.json',
  '.well-known/x',
  'a..b/c.',
  'a/./b',
  'a/../b',
  './a',
  '../a',
  'a/..',
  'a/.',
  '.',
  '..',
  '',
  '/',
  '//evil.example/x',
  'a//b',
  'a b',
  'a%20b',
  'a%zz',
  'ä/ö',
  'a\\b',
  'a?x=1',
  'a#frag',
  'a:b',
  'mailto:x',
  "a/!$&'()*+,;=@~_-",
  'http://127.0.0.1:8080/next?page[after]=abc',
];
const PARAMS: Array<Record<string, string | number> | undefined> = [
  undefined,
  {},
  { 'page[size]': 10, sort_by: 'created_at' },
  { q: "SELECT Id FROM Contact WHERE Email = 'a+b@example.com' AND Name LIKE '%Ä ö%'" },
  { ids: '1,2,3', include: 'identities', empty: '' },
  { 'a&b': 'c=d#e', '€': '€' },
];

describe('callUrl', () => {
  it.each(['http://127.0.0.1:8080/', 'http://LOCALHOST:80/prefix/', 'https://example.test/v1/'])('joins paths and parameters to %s as new URL does', (baseUrl) => {
    const base = new URL(baseUrl);
    for (const path of PATHS) {
      for (const params of PARAMS) {
        const req = { method: 'GET' as const, path, params };
        const general = attempt(() => callUrl(base, null, req, 'src'));
        expect(attempt(() => callUrl(base, base.href, req, 'src')), `${path} ${JSON.stringify(params)}`).toEqual(general);
      }
    }
  });

  it('refuses a link off the base origin', () => {
    const error = attempt(() => callUrl(new URL('http://127.0.0.1:8080/'), 'http://127.0.0.1:8080/', { method: 'GET', path: 'http://elsewhere.test/x' }, 'zendesk'));
    expect(error).toMatchObject({ kind: 'rejected', source: 'zendesk' });
  });
});

function attempt<T>(fn: () => T): T | { kind: string; source: string; message: string } {
  try {
    return fn();
  } catch (error) {
    if (isUpstreamError(error)) return { kind: error.kind, source: error.source, message: error.message };
    throw error;
  }
}
