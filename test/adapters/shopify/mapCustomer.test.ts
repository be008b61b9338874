import { describe, expect, it } from 'vitest';
import type { IdentityRecord } from '../../../src/domain/index.js';
import { mapCustomer } from '../../../src/adapters/shopify/mapCustomer.js';
import type { WireCustomer } from '../../../src/adapters/shopify/wireSchemas.js';

const base: WireCustomer = {
  id: 'gid://shopify/Customer/7000000000001',
  firstName: 'Jane',
  lastName: 'Doe',
  displayName: 'Jane Doe',
  email: 'old@example.com',
  phone: '+14155550000',
  defaultEmailAddress: { emailAddress: 'Jane@Example.com' },
  defaultPhoneNumber: { phoneNumber: '+14155551212' },
  defaultAddress: { address1: '1 Market St', city: 'San Francisco', provinceCode: 'CA', zip: '94105', countryCodeV2: 'US' },
  createdAt: '2024-01-01T10:00:00Z',
  updatedAt: '2024-06-01T10:00:00Z',
};

describe('mapCustomer: Customer → IdentityRecord', () => {
  const cases: Array<[string, Partial<WireCustomer>, Partial<IdentityRecord>]> = [
    [
      'a full customer',
      {},
      {
        ref: { source: 'shop', id: '7000000000001' },
        names: [{ given: 'Jane', family: 'Doe', full: 'Jane Doe' }],
        emails: ['Jane@Example.com'],
        phones: ['+14155551212'],
        addresses: [{ line1: '1 Market St', city: 'San Francisco', region: 'CA', postcode: '94105', country: 'US' }],
        birthDate: null,
        identifiers: {},
        createdAt: '2024-01-01T10:00:00Z',
        updatedAt: '2024-06-01T10:00:00Z',
      },
    ],
    ['email falls back to the deprecated scalar', { defaultEmailAddress: null }, { emails: ['old@example.com'] }],
    ['phone falls back to the deprecated scalar', { defaultPhoneNumber: null }, { phones: ['+14155550000'] }],
    ['no email at all', { defaultEmailAddress: { emailAddress: null }, email: null }, { emails: [] }],
    ['a blank email', { defaultEmailAddress: { emailAddress: '  ' }, email: undefined }, { emails: [] }],
    ['no name: displayName holds the email', { firstName: null, lastName: null, displayName: 'jane@example.com' }, { names: [] }],
    ['a family name only', { firstName: '', lastName: 'Doe', displayName: 'Doe' }, { names: [{ given: null, family: 'Doe', full: 'Doe' }] }],
    ['a missing displayName', { displayName: null }, { names: [{ given: 'Jane', family: 'Doe', full: 'Jane Doe' }] }],
    ['no default address', { defaultAddress: null }, { addresses: [] }],
    ['an empty default address', { defaultAddress: { address1: null, city: '', provinceCode: null, zip: null, countryCodeV2: null } }, { addresses: [] }],
    ['a partial address', { defaultAddress: { address1: null, city: 'Austin', provinceCode: 'TX', zip: null, countryCodeV2: null } }, { addresses: [{ line1: null, city: 'Austin', region: 'TX', postcode: null, country: null }] }],
    ['a GID with a query suffix', { id: 'gid://shopify/Customer/42?x=1' }, { ref: { source: 'shop', id: '42' } }],
    ['missing timestamps', { createdAt: undefined, updatedAt: null }, { createdAt: null, updatedAt: null }],
  ];

  it.each(cases)('maps %s', (_name, patch, expected) => {
    expect(mapCustomer({ ...base, ...patch }, 'shop')).toMatchObject(expected);
  });
});

describe('mapCustomer: marketing consent', () => {
  const base = { id: 'gid://shopify/Customer/1', updatedAt: '2024-06-01T10:00:00Z' };
  it.each([
    ['SUBSCRIBED', 'UNSUBSCRIBED', [['email', 'OPTED_IN'], ['sms', 'OPTED_OUT']]],
    ['NOT_SUBSCRIBED', 'PENDING', [['email', 'NOT_OPTED_IN'], ['sms', 'NOT_OPTED_IN']]],
    ['INVALID', null, [['email', 'NOT_OPTED_IN']]],
    [null, null, []],
    ['constructor', '__proto__', [['email', 'NOT_OPTED_IN'], ['sms', 'NOT_OPTED_IN']]],
    ['toString', 'hasOwnProperty', [['email', 'NOT_OPTED_IN'], ['sms', 'NOT_OPTED_IN']]],
  ])('maps email %s and sms %s to consent statements', (emailState, smsState, expected) => {
    const record = mapCustomer(
      {
        ...base,
        defaultEmailAddress: emailState ? { emailAddress: 'a@example.com', marketingState: emailState } : null,
        defaultPhoneNumber: smsState ? { phoneNumber: '+14155551212', marketingState: smsState } : null,
      },
      'shop',
    );
    expect((record.consent ?? []).map((c) => [c.channel, c.status])).toEqual(expected);
    for (const c of record.consent ?? []) expect(c.updatedAt).toBe('2024-06-01T10:00:00Z');
  });
});
