import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../src/adapters/salesforce/redactUrl.js';

describe('redactUrl: query text', () => {
  it.each([
    ["/services/data/v63.0/query?q=SELECT+Id+FROM+Contact+WHERE+Email+%3D+%27a%40b.c%27", '/services/data/v63.0/query?q=REDACTED'],
    ['/services/data/v63.0/search?q=FIND+%7B4155551212%7D', '/services/data/v63.0/search?q=REDACTED'],
    ['/services/data/v63.0/composite/sobjects/Contact?ids=003A,003B&fields=Id', '/services/data/v63.0/composite/sobjects/Contact?ids=003A,003B&fields=Id'],
    ['/services/data/v63.0/query/01gABC-2000', '/services/data/v63.0/query/01gABC-2000'],
  ])('redacts %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
