import { describe, expect, it } from 'vitest';
import { nextLink } from '../../../src/adapters/rest/index.js';

describe('nextLink: RFC 8288 Link headers', () => {
  it.each([
    ['<https://api.test/p?page=2>; rel="next"', 'https://api.test/p?page=2'],
    ['<https://api.test/p?page=1>; rel="prev", <https://api.test/p?page=3>; rel="next"', 'https://api.test/p?page=3'],
    ['<https://api.test/p?a=1,2>; rel=next', 'https://api.test/p?a=1,2'],
    ['<https://api.test/p?page=3>; rel="last next"', 'https://api.test/p?page=3'],
    ['<https://api.test/p?page=1>; rel="first"', null],
    [undefined, null],
  ])('reads %j', (header, expected) => {
    expect(nextLink(header)).toBe(expected);
  });
});
