import { describe, expect, it } from 'vitest';
import type { IdentityRecord } from '../../../src/domain/index.js';
import { mapUser } from '../../../src/adapters/zendesk/mapUser.js';
import type { WireIdentity, WireUser } from '../../../src/adapters/zendesk/wireSchemas.js';

const base: WireUser = {
  id: 20978392,
  name: 'Jane Doe',
  email: 'jane@example.com',
  phone: '+14155551212',
  external_id: null,
  role: 'end-user',
  created_at: '2024-01-10T09:00:00Z',
  updated_at: '2024-05-02T08:30:00Z',
};

describe('mapUser: Zendesk user → IdentityRecord', () => {
  it('maps a full user', () => {
    expect(mapUser('zd', { ...base, external_id: 'crm-7' })).toEqual<IdentityRecord>({
      ref: { source: 'zd', id: '20978392' },
      names: [{ given: 'Jane', family: 'Doe', full: 'Jane Doe' }],
      emails: ['jane@example.com'],
      phones: ['+14155551212'],
      addresses: [],
      birthDate: null,
      identifiers: { externalId: 'crm-7' },
      createdAt: '2024-01-10T09:00:00Z',
      updatedAt: '2024-05-02T08:30:00Z',
    });
  });

  it.each<[string, Partial<WireUser>, Partial<IdentityRecord>]>([
    ['a one-word name has no family name', { name: 'Madonna' }, { names: [{ given: 'Madonna', family: null, full: 'Madonna' }] }],
    ['a three-word name takes first and last words', { name: ' Mary  Ann Smith ' }, { names: [{ given: 'Mary', family: 'Smith', full: 'Mary  Ann Smith' }] }],
    ['an empty name gives no names', { name: '  ' }, { names: [] }],
    ['a missing name gives no names', { name: undefined }, { names: [] }],
    ['null email and phone give empty lists', { email: null, phone: null }, { emails: [], phones: [] }],
    ['a blank email is dropped', { email: ' ' }, { emails: [] }],
    ['a numeric external_id becomes text', { external_id: 4711 }, { identifiers: { externalId: '4711' } }],
    ['an empty external_id is no identifier', { external_id: '' }, { identifiers: {} }],
    ['missing timestamps are null', { created_at: undefined, updated_at: null }, { createdAt: null, updatedAt: null }],
  ])('%s', (_what, patch, expected) => {
    expect(mapUser('zd', { ...base, ...patch })).toMatchObject(expected);
  });

  it('adds sideloaded email and phone identities of this user only, without duplicates', () => {
    const identities: WireIdentity[] = [
      { user_id: 20978392, type: 'email', value: 'JANE@example.com' },
      { user_id: 20978392, type: 'email', value: 'jane.doe@work.example' },
      { user_id: 20978392, type: 'phone_number', value: '+14155551212' },
      { user_id: 20978392, type: 'phone_number', value: '(415) 555-0000' },
      { user_id: 20978392, type: 'twitter', value: 'janedoe' },
      { user_id: 1, type: 'email', value: 'someone.else@example.com' },
      { user_id: 20978392, type: 'email', value: null },
    ];
    const record = mapUser('zd', base, identities);
    expect(record.emails).toEqual(['jane@example.com', 'jane.doe@work.example']);
    expect(record.phones).toEqual(['+14155551212', '(415) 555-0000']);
  });
});
