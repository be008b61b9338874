import { describe, expect, it } from 'vitest';
import { toPostgresError } from '../../../src/adapters/postgres/index.js';

describe('toPostgresError: SQLSTATE onto the gateway codes', () => {
  it.each([
    ['57014', 'SOURCE_TIMEOUT'],
    ['53300', 'SOURCE_RATE_LIMITED'],
    ['08006', 'SOURCE_UNAVAILABLE'],
    ['57P01', 'SOURCE_UNAVAILABLE'],
    ['40001', 'SOURCE_UNAVAILABLE'],
    ['28P01', 'SOURCE_AUTH_FAILED'],
    ['42P01', 'SOURCE_REJECTED'],
    ['22P02', 'SOURCE_REJECTED'],
    ['25006', 'SOURCE_REJECTED'],
  ])('maps %s to %s', (code, expected) => {
    const error = toPostgresError('billing', 'getByIds', Object.assign(new Error('x'), { code }), 500);
    expect(error).toMatchObject({ code: expected, vendorCode: code, source: 'billing' });
  });

  it('keeps values out of the message except for class 42, which names objects', () => {
    const data = toPostgresError('billing', 'search.email', Object.assign(new Error('invalid input syntax for type integer: "jane@example.com"'), { code: '22P02' }), 500);
    expect(data.message).toBe('postgres search.email: SQLSTATE 22P02');
    const table = toPostgresError('billing', 'getByIds', Object.assign(new Error('relation "nowhere.customers" does not exist'), { code: '42P01' }), 500);
    expect(table.message).toContain('relation "nowhere.customers" does not exist');
  });

  it.each([
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'SOURCE_UNAVAILABLE'],
    [new Error('timeout exceeded when trying to connect'), 'SOURCE_TIMEOUT'],
    [new Error('Connection terminated unexpectedly'), 'SOURCE_UNAVAILABLE'],
  ])('maps the driver error %s', (error, expected) => {
    expect(toPostgresError('billing', 'getByIds', error, 500).code).toBe(expected);
  });
});
