import { describe, expect, it } from 'vitest';
import { parseSearchQuery, type SearchTerm } from '../../../src/sandbox/zendesk/parseSearchQuery.js';

const t = (field: string | null, value: string, extra: Partial<SearchTerm> = {}): SearchTerm => ({
  field,
  operator: ':',
  value,
  quoted: false,
  negated: false,
  ...extra,
});

describe('parseSearchQuery: Zendesk search syntax subset', () => {
  it.each<[string, SearchTerm[]]>([
    ['email:jane@example.com', [t('email', 'jane@example.com')]],
    ['EMAIL:Jane@Example.com', [t('email', 'Jane@Example.com')]],
    ['phone:+14155551212', [t('phone', '+14155551212')]],
    ['name:"Jane Doe"', [t('name', 'Jane Doe', { quoted: true })]],
    ['name:Jane', [t('name', 'Jane')]],
    ['jane doe', [t(null, 'jane'), t(null, 'doe')]],
    ['"Jane Doe" role:end-user', [t(null, 'Jane Doe', { quoted: true }), t('role', 'end-user')]],
    ['  type:ticket   requester:1001  ', [t('type', 'ticket'), t('requester', '1001')]],
    ['status<solved', [t('status', 'solved', { operator: '<' })]],
    ['created>=2024-01-01 priority>normal', [t('created', '2024-01-01', { operator: '>=' }), t('priority', 'normal', { operator: '>' })]],
    ['-tags:vip', [t('tags', 'vip', { negated: true })]],
    ['name:"Jane', [t('name', 'Jane', { quoted: true })]],
    ['email:"a\\"b\\\\c" x', [t('email', 'a"b\\c', { quoted: true }), t(null, 'x')]],
    ['email:', [t('email', '')]],
    ['a:b:c', [t('a', 'b:c')]],
    ['- jane', [t(null, '-'), t(null, 'jane')]],
    ['', []],
  ])('parses %j', (query, expected) => {
    expect(parseSearchQuery(query)).toEqual(expected);
  });
});
