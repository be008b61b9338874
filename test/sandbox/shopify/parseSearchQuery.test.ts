import { describe, expect, it } from 'vitest';
import { parseSearchQuery, type SearchNode } from '../../../src/sandbox/shopify/parseSearchQuery.js';

const term = (field: string | null, value: string, comparator: ':' | '<' | '>' | '<=' | '>=' = ':'): SearchNode => ({ kind: 'term', field, comparator, value });
const and = (...children: SearchNode[]): SearchNode => ({ kind: 'and', children });
const or = (...children: SearchNode[]): SearchNode => ({ kind: 'or', children });
const not = (child: SearchNode): SearchNode => ({ kind: 'not', child });

describe('parseSearchQuery: Shopify search syntax', () => {
  const cases: Array<[string, SearchNode | null]> = [
    ['', null],
    ['   ', null],
    ['email:jane@example.com', term('email', 'jane@example.com')],
    ['Email:Jane@Example.com', term('email', 'Jane@Example.com')],
    ['Jane Doe', and(term(null, 'Jane'), term(null, 'Doe'))],
    ['email:a@x.com OR email:b@x.com', or(term('email', 'a@x.com'), term('email', 'b@x.com'))],
    ['a b OR c', or(and(term(null, 'a'), term(null, 'b')), term(null, 'c'))],
    ['a AND b', and(term(null, 'a'), term(null, 'b'))],
    ['first_name:"Mary Ann"', term('first_name', 'Mary Ann')],
    ["last_name:'O\\'Brien'", term('last_name', "O'Brien")],
    ['email:"a\\"b@x.com"', term('email', 'a"b@x.com')],
    ['"free text"', term(null, 'free text')],
    ['phone:+14155551212', term('phone', '+14155551212')],
    ['-state:disabled', not(term('state', 'disabled'))],
    ['NOT tag:vip', not(term('tag', 'vip'))],
    ['id:>1000', term('id', '1000', '>')],
    ['id:<=5', term('id', '5', '<=')],
    ['(last_name:Doe first_name:Jane) OR last_name:Smith', or(and(term('last_name', 'Doe'), term('first_name', 'Jane')), term('last_name', 'Smith'))],
    ['OR foo', term(null, 'foo')],
    ['(a OR b', or(term(null, 'a'), term(null, 'b'))],
    ['a ) b', and(term(null, 'a'), term(null, 'b'))],
    ['"OR"', term(null, 'OR')],
  ];

  it.each(cases)('parses %j', (text, expected) => {
    expect(parseSearchQuery(text)).toEqual(expected);
  });
});
