import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../src/adapters/zendesk/redactUrl.js';

describe('redactUrl: customer data out of call urls', () => {
  it.each<[string, string]>([
    ['/api/v2/users/search.json?query=email%3Ajane%40x.com&per_page=100', '/api/v2/users/search.json?query=REDACTED&per_page=100'],
    ['/api/v2/users/search.json?external_id=crm-1', '/api/v2/users/search.json?external_id=REDACTED'],
    ['/api/v2/users/show_many.json?external_ids=a,b&include=identities', '/api/v2/users/show_many.json?external_ids=REDACTED&include=identities'],
    ['/api/v2/users/show_many.json?ids=1%2C2', '/api/v2/users/show_many.json?ids=1%2C2'],
    ['/api/v2/users/1.json', '/api/v2/users/1.json'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
