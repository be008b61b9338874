import { describe, expect, it } from 'vitest';
import type { BlockingKey } from '../../../src/adapters/types.js';
import { orQuery, quoteSearchValue, renderSearchTerm } from '../../../src/adapters/shopify/renderSearchQuery.js';
import { parseSearchQuery } from '../../../src/sandbox/shopify/parseSearchQuery.js';

describe('renderSearchQuery: blocking keys in Shopify search syntax', () => {
  const cases: Array<[BlockingKey, string | null]> = [
    [{ kind: 'email', value: 'jane@example.com' }, 'email:"jane@example.com"'],
    [{ kind: 'email', value: '  Jane@Example.COM ' }, 'email:"jane@example.com"'],
    [{ kind: 'email', value: 'we"ird\\@example.com' }, 'email:"we\\"ird\\\\@example.com"'],
    [{ kind: 'email', value: '   ' }, null],
    [{ kind: 'phone', value: '+14155551212' }, 'phone:+14155551212'],
    [{ kind: 'phone', value: '(415) 555-1212' }, 'phone:"(415) 555-1212"'],
    [{ kind: 'name', family: 'Doe', given: null }, 'last_name:"Doe"'],
    [{ kind: 'name', family: "O'Brien", given: 'Mary Ann' }, '(last_name:"O\'Brien" first_name:"Mary Ann")'],
    [{ kind: 'name', family: 'Doe', given: '  ' }, 'last_name:"Doe"'],
    [{ kind: 'name', family: '', given: 'Jane' }, null],
    [{ kind: 'identifier', type: 'loyaltyNumber', value: 'L1' }, null],
    [{ kind: 'namePrefix', family: 'doe', given: null }, 'last_name:doe*'],
    [{ kind: 'namePrefix', family: ' doe ', given: 'j' }, '(last_name:doe* first_name:j*)'],
    [{ kind: 'namePrefix', family: 'müll', given: 'ö' }, '(last_name:müll* first_name:ö*)'],
    [{ kind: 'namePrefix', family: 'doe', given: ' ' }, 'last_name:doe*'],
    [{ kind: 'namePrefix', family: 'd', given: 'j' }, null],
    [{ kind: 'namePrefix', family: 'do*', given: null }, null],
    [{ kind: 'namePrefix', family: 'do', given: '"j' }, null],
    [{ kind: 'namePrefix', family: 'o\\b', given: null }, null],
    [{ kind: 'namePrefix', family: 'a b', given: null }, null],
    [{ kind: 'namePrefix', family: 'ab)', given: null }, null],
    [{ kind: 'namePhonetic', family: 'T', given: null }, null],
    [{ kind: 'birthDate', value: '1985-04-12' }, null],
    [{ kind: 'postcodeStreet', postcode: '94105', street: '1 mar' }, null],
  ];

  it.each(cases)('renders %j', (key, expected) => {
    expect(renderSearchTerm(key)?.term ?? null).toBe(expected);
  });

  it.each(['*@example.org', '%@example.org', 'a_b@example.org', 'x" OR email:"*', "o'brien:x\\y@example.org", 'trail\\', 'role:admin', '-1'])('round-trips hostile email %j through a Shopify search parser as one literal email term', (value) => {
    const rendered = renderSearchTerm({ kind: 'email', value })!.term;
    expect(parseSearchQuery(rendered)).toEqual({ kind: 'term', field: 'email', comparator: ':', value: value.trim().toLowerCase() });
  });

  it('quotes and escapes values, and ORs terms', () => {
    expect(quoteSearchValue('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(orQuery(['email:"a"', 'email:"b"'])).toBe('email:"a" OR email:"b"');
  });
});
