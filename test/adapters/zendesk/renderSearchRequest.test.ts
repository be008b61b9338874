import { describe, expect, it } from 'vitest';
import type { BlockingKey } from '../../../src/adapters/types.js';
import { renderSearchRequest } from '../../../src/adapters/zendesk/renderSearchRequest.js';

describe('renderSearchRequest: blocking key → users/search parameters', () => {
  it.each<[BlockingKey, Record<string, string> | null]>([
    [{ kind: 'email', value: 'jane@example.com' }, { query: 'email:jane@example.com' }],
    [{ kind: 'email', value: ' jane@example.com ' }, { query: 'email:jane@example.com' }],
    [{ kind: 'phone', value: '+14155551212' }, { query: 'phone:+14155551212' }],
    [{ kind: 'phone', value: '(415) 555-1212' }, { query: 'phone:"(415) 555-1212"' }],
    [{ kind: 'name', given: 'Jane', family: 'Doe' }, { query: 'name:"Jane Doe"' }],
    [{ kind: 'name', given: null, family: 'Doe' }, { query: 'name:"Doe"' }],
    [{ kind: 'name', given: 'Ja"ne', family: ' van  Dyke ' }, { query: 'name:"Jane van Dyke"' }],
    [{ kind: 'name', given: null, family: ' ' }, null],
    [{ kind: 'identifier', type: 'externalId', value: 'crm-1001' }, { external_id: 'crm-1001' }],
    [{ kind: 'identifier', type: 'externalId', value: '  ' }, null],
    [{ kind: 'identifier', type: 'loyaltyNumber', value: 'L-1' }, null],
    [{ kind: 'email', value: '""' }, null],
  ])('renders %j as %j', (key, params) => {
    expect(renderSearchRequest(key)?.params ?? null).toEqual(params);
  });
});
