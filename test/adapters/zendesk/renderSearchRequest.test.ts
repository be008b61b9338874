import { describe, expect, it } from 'vitest';
import type { BlockingKey } from '../../../src/adapters/types.js';
import { renderSearchRequest } from '../../../src/adapters/zendesk/renderSearchRequest.js';
import { parseSearchQuery } from '../../../src/sandbox/zendesk/parseSearchQuery.js';

describe('renderSearchRequest: blocking key → users/search parameters', () => {
  it.each<[BlockingKey, Record<string, string> | null]>([
    [{ kind: 'email', value: 'jane@example.com' }, { query: 'email:"jane@example.com"' }],
    [{ kind: 'email', value: ' jane@example.com ' }, { query: 'email:"jane@example.com"' }],
    [{ kind: 'phone', value: '+14155551212' }, { query: 'phone:"+14155551212"' }],
    [{ kind: 'phone', value: '(415) 555-1212' }, { query: 'phone:"(415) 555-1212"' }],
    [{ kind: 'name', given: 'Jane', family: 'Doe' }, { query: 'name:"Jane Doe"' }],
    [{ kind: 'name', given: null, family: 'Doe' }, { query: 'name:"Doe"' }],
    [{ kind: 'name', given: 'Ja"ne', family: ' van  Dyke ' }, { query: 'name:"Ja\\"ne van Dyke"' }],
    [{ kind: 'name', given: null, family: ' ' }, null],
    [{ kind: 'identifier', type: 'externalId', value: 'crm-1001' }, { external_id: 'crm-1001' }],
    [{ kind: 'identifier', type: 'externalId', value: '  ' }, null],
    [{ kind: 'identifier', type: 'loyaltyNumber', value: 'L-1' }, null],
    [{ kind: 'email', value: '""' }, { query: 'email:"\\"\\""' }],
    [{ kind: 'email', value: '   ' }, null],
  ])('renders %j as %j', (key, params) => {
    expect(renderSearchRequest(key)?.params ?? null).toEqual(params);
  });
});

describe('renderSearchRequest: hostile values stay one quoted, escaped term', () => {
  // Zendesk search syntax: `field:value`, `-` excludes, `*` is a wildcard, `<`/`>` compare, double quotes make
  // a phrase; inside the phrase `"` and `\` are backslash-escaped.
  it.each<[BlockingKey, string]>([
    [{ kind: 'email', value: '*@example.org' }, 'email:"*@example.org"'],
    [{ kind: 'email', value: 'a@b.co role:admin' }, 'email:"a@b.co role:admin"'],
    [{ kind: 'email', value: 'x" OR name:"*' }, 'email:"x\\" OR name:\\"*"'],
    [{ kind: 'email', value: 'back\\slash@example.org' }, 'email:"back\\\\slash@example.org"'],
    [{ kind: 'email', value: 'trail\\' }, 'email:"trail\\\\"'],
    [{ kind: 'phone', value: '-14155551212' }, 'phone:"-14155551212"'],
    [{ kind: 'phone', value: '>0' }, 'phone:">0"'],
    [{ kind: 'name', given: '*', family: 'Doe:x' }, 'name:"* Doe:x"'],
  ])('renders %j as %s', (key, query) => {
    expect(renderSearchRequest(key)?.params).toEqual({ query });
  });

  it.each(['*@example.org', 'a@b.co role:admin', 'x" OR name:"*', 'back\\slash@example.org', 'trail\\', '-1', 'say "hi" \\ there', 'type:ticket'])(
    'round-trips email %j through a Zendesk search parser as one literal, non-negated email term',
    (value) => {
      const query = renderSearchRequest({ kind: 'email', value })!.params.query!;
      expect(parseSearchQuery(query)).toEqual([{ field: 'email', operator: ':', value, quoted: true, negated: false }]);
    },
  );
});
