import { describe, expect, it } from 'vitest';
import { MappingError, toActivity, toIdentityRecord, toOrder, toTicket } from '../../src/adapters/mappedRecords.js';
import { BLOCKING_KEY_KINDS, blockingKeyParams } from '../../src/adapters/blockingKeyParams.js';

const owner = { source: 'crm', id: 'c1' };

describe('mappedRecords: flat records onto the domain', () => {
  it('maps a flat identity record, reading absent fields as null and lists from a value or a list', () => {
    const record = toIdentityRecord('crm', { id: 42, givenName: 'Ana', familyName: 'Diaz', emails: 'ana@example.test', phones: ['+14155550101', null, ''], city: 'Austin', birthDate: '1990-02-03', updatedAt: '1700000000000', identifiers: { account: 7, other: null } });
    expect(record).toEqual({
      ref: { source: 'crm', id: '42' },
      names: [{ given: 'Ana', family: 'Diaz', full: 'Ana Diaz' }],
      emails: ['ana@example.test'],
      phones: ['+14155550101'],
      addresses: [{ line1: null, city: 'Austin', region: null, postcode: null, country: null }],
      birthDate: '1990-02-03',
      identifiers: { account: '7' },
      createdAt: null,
      updatedAt: '2023-11-14T22:13:20.000Z',
    });
  });

  it.each([
    ['2025-03-04 10:11:12+00', '2025-03-04T10:11:12.000Z'],
    ['2025-03-04 10:11:12.5+02', '2025-03-04T08:11:12.500Z'],
    ['2025-03-04T10:11:12Z', '2025-03-04T10:11:12.000Z'],
    ['2025-03-04', '2025-03-04'],
  ])('reads the timestamp %j as %j', (value, expected) => {
    expect(toIdentityRecord('crm', { id: 1, updatedAt: value }).updatedAt).toBe(expected);
  });

  it.each([
    [() => toIdentityRecord('crm', { givenName: 'x' }), /identity record: id: /],
    [() => toIdentityRecord('crm', { id: 1, createdAt: 'soon' }), /createdAt: is not a date or timestamp/],
    [() => toOrder(owner, { id: 1, createdAt: '2025-01-01', totalAmount: '1.00', currency: 'dollars' }), /currency: must be an ISO 4217 code/],
    [() => toTicket(owner, { id: 1, createdAt: '2025-01-01', status: 'escalated' }), /status: must be one of/],
    [() => toActivity(owner, { id: 1, occurredAt: '2025-01-01', kind: 'fax' }), /kind: must be one of/],
  ])('throws a MappingError naming the field (%#)', (map, message) => {
    expect(map).toThrow(MappingError);
    expect(map).toThrow(message);
  });

  it('maps orders, tickets and activities with folded statuses and kinds', () => {
    expect(toOrder(owner, { id: 'in_1', number: 'INV-1', createdAt: '2025-01-02 03:04:05+00', totalAmount: '12.50', currency: 'usd', financialStatus: 'paid' })).toMatchObject({
      ref: { source: 'crm', id: 'in_1' }, ownerRef: owner, number: 'INV-1', createdAt: '2025-01-02T03:04:05.000Z', total: { amount: '12.50', currencyCode: 'USD' }, financialStatus: 'PAID', lineItems: [],
    });
    expect(toTicket(owner, { id: 5, createdAt: '2025-01-01', status: 'on hold' })).toMatchObject({ status: 'ON_HOLD', sourceStatus: 'on hold', kind: 'TICKET', number: '5' });
    expect(toActivity(owner, { id: 9, occurredAt: '2025-01-01', kind: 'call', durationSeconds: '60' })).toMatchObject({ kind: 'CALL', durationSeconds: 60 });
  });
});

describe('blockingKeyParams: key fields as statement parameters', () => {
  it('binds each kind\'s fields as arrays in key order, null where a key lacks one', () => {
    expect(blockingKeyParams('name', [{ kind: 'name', family: 'diaz', given: null }, { kind: 'name', family: 'roe', given: 'jo' }])).toEqual({ families: ['diaz', 'roe'], givens: [null, 'jo'] });
    expect(blockingKeyParams('identifier', [{ kind: 'identifier', type: 'account', value: '7' }])).toEqual({ types: ['account'], values: ['7'] });
  });

  it('knows every blocking key kind of the port', () => {
    expect([...BLOCKING_KEY_KINDS].sort()).toEqual(['birthDate', 'email', 'identifier', 'name', 'namePhonetic', 'namePrefix', 'orderNumber', 'phone', 'postcodeStreet', 'ticketNumber']);
  });
});
