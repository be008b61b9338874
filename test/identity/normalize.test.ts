import { describe, expect, it } from 'vitest';
import { classifyLookup, normalizeEmail, normalizePhone } from '../../src/identity/index.js';

describe('normalizeEmail: comparison form', () => {
  it.each([
    ['Jane.Doe@Example.com', 'jane.doe@example.com'],
    ['  jane@example.com \t', 'jane@example.com'],
    ['JANE+news@EXAMPLE.ORG', 'jane+news@example.org'],
    ['not-an-email', null],
    ['jane@localhost', null],
    ['ja ne@example.com', null],
    ['', null],
    [null, null],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });
});

describe('normalizePhone: E.164', () => {
  it.each([
    ['(415) 555-1212', '+14155551212'],
    ['415.555.1212', '+14155551212'],
    ['415-555-1212', '+14155551212'],
    ['+1 415-555-1212', '+14155551212'],
    ['4155551212', '+14155551212'],
    ['+14155551212', '+14155551212'],
    ['+44 20 7946 0958', '+442079460958'],
    ['12', null],
    ['call me', null],
    ['', null],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normalizePhone(raw, 'US')).toBe(expected);
  });

  it('reads national formats in the configured region', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
  });
});

describe('classifyLookup: what the agent typed', () => {
  it.each([
    [' Jane.Doe@Example.com ', { kind: 'key', key: { kind: 'email', value: 'jane.doe@example.com' } }],
    ['(415) 555-1212', { kind: 'key', key: { kind: 'phone', value: '+14155551212' } }],
  ])('classifies %j', (query, expected) => {
    expect(classifyLookup(query, 'US')).toEqual(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['jane@', 'not a valid email'],
    ['12', 'not a possible phone'],
    ['Jane Doe', 'expected an email address or a phone number'],
    ['x'.repeat(400), 'longer than'],
  ])('rejects %j with a reason', (query, reason) => {
    const result = classifyLookup(query, 'US');
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toContain(reason);
  });
});
