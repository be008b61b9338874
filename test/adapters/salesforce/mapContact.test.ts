import { describe, expect, it } from 'vitest';
import type { IdentityRecord } from '../../../src/domain/index.js';
import { mapContact } from '../../../src/adapters/salesforce/mapContact.js';
import type { WireContact } from '../../../src/adapters/salesforce/wireSchemas.js';

const ID = '003000000000001AAA';
const empty: IdentityRecord = { ref: { source: 'crm', id: ID }, names: [], emails: [], phones: [], addresses: [], birthDate: null, identifiers: {}, createdAt: null, updatedAt: null };

describe('mapContact: wire to identity record', () => {
  it.each<[string, Partial<WireContact>, Partial<IdentityRecord>]>([
    ['an id-only contact', {}, {}],
    [
      'names, keeping raw text',
      { FirstName: 'Jane', LastName: 'Doe', Name: 'Jane Doe' },
      { names: [{ given: 'Jane', family: 'Doe', full: 'Jane Doe' }] },
    ],
    ['a last name alone', { LastName: 'Wei', Name: 'Wei' }, { names: [{ given: null, family: 'Wei', full: 'Wei' }] }],
    ['email as stored', { Email: 'Jane@Example.com' }, { emails: ['Jane@Example.com'] }],
    ['a blank email as none', { Email: '  ' }, {}],
    ['Phone then MobilePhone', { Phone: '(415) 555-1212', MobilePhone: '+1 650 555 0000' }, { phones: ['(415) 555-1212', '+1 650 555 0000'] }],
    ['only the non-empty phones', { Phone: '', MobilePhone: '4155551212' }, { phones: ['4155551212'] }],
    [
      'a full mailing address',
      { MailingStreet: '1 Market St', MailingCity: 'San Francisco', MailingState: 'CA', MailingPostalCode: '94105', MailingCountry: 'US' },
      { addresses: [{ line1: '1 Market St', city: 'San Francisco', region: 'CA', postcode: '94105', country: 'US' }] },
    ],
    ['a partial mailing address', { MailingCity: 'Leeds' }, { addresses: [{ line1: null, city: 'Leeds', region: null, postcode: null, country: null }] }],
    ['the birth date', { Birthdate: '1985-04-12' }, { birthDate: '1985-04-12' }],
    [
      'timestamps from +0000 to Z',
      { CreatedDate: '2024-05-01T12:00:00.000+0000', LastModifiedDate: '2024-06-01T10:30:00.000+0200' },
      { createdAt: '2024-05-01T12:00:00.000Z', updatedAt: '2024-06-01T08:30:00.000Z' },
    ],
    ['unparsable timestamps as null', { CreatedDate: 'yesterday' }, { createdAt: null }],
  ])('maps %s', (_name, wire, expected) => {
    expect(mapContact({ Id: ID, ...wire }, 'crm')).toEqual({ ...empty, ...expected });
  });
});

describe('mapContact: consent flags', () => {
  const base = { Id: '0035e00003H1h51AAB', LastName: 'Doe', LastModifiedDate: '2024-06-01T08:30:00.000+0000' };
  it.each([
    [{ HasOptedOutOfEmail: true, DoNotCall: false }, [['email', 'OPTED_OUT', 'HasOptedOutOfEmail=true'], ['phone', 'NO_OBJECTION', 'DoNotCall=false']]],
    [{ HasOptedOutOfEmail: false, DoNotCall: true }, [['email', 'NO_OBJECTION', 'HasOptedOutOfEmail=false'], ['phone', 'OPTED_OUT', 'DoNotCall=true']]],
    [{ DoNotCall: null }, []],
    [{}, []],
  ])('maps %j to consent statements timed at LastModifiedDate', (flags, expected) => {
    const record = mapContact({ ...base, ...flags }, 'crm');
    expect((record.consent ?? []).map((c) => [c.channel, c.status, c.sourceValue])).toEqual(expected);
    for (const c of record.consent ?? []) expect(c.updatedAt).toBe('2024-06-01T08:30:00.000Z');
  });
});
