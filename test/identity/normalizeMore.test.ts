import { describe, expect, it } from 'vitest';
import { createBlocklist, defaultIdentityTuning, normalizeDate, normalizeEmail, normalizeName, normalizePostcode, normalizeStreet } from '../../src/identity/index.js';

describe('normalize: names, dates, addresses, plus-tags', () => {
  it.each([
    ["  O'Brien ", 'obrien'],
    ['Zoë', 'zoe'],
    ['SMITH-JONES', 'smith jones'],
    ['', null],
  ])('normalizeName(%j) = %j', (raw, out) => expect(normalizeName(raw)).toBe(out));

  it.each([
    ['1980-03-04', '1980-03-04'],
    ['1980-03-04T00:00:00Z', '1980-03-04'],
    ['03/04/1980', '1980-03-04'],
    ['4 Mar 1980', '1980-03-04'],
    ['March 4, 1980', '1980-03-04'],
    ['1980-02-30', null],
    ['yesterday', null],
  ])('normalizeDate(%j) = %j', (raw, out) => expect(normalizeDate(raw)).toBe(out));

  it.each([
    ['123 North Main Street, Apt. 4', '123 n main st apt 4'],
    ['12 Oak Avenue #5', '12 oak ave apt 5'],
    ['1 Constructor Street', '1 constructor st'],
    ['toString valueOf Road', 'tostring valueof rd'],
  ])('normalizeStreet(%j) = %j', (raw, out) => expect(normalizeStreet(raw)).toBe(out));

  it.each([
    ['94107-1234', '94107'],
    [' sw1a 1aa ', 'SW1A1AA'],
  ])('normalizePostcode(%j) = %j', (raw, out) => expect(normalizePostcode(raw)).toBe(out));

  it('strips plus-tags only when configured', () => {
    expect(normalizeEmail('Jane+Shop@Example.com')).toBe('jane+shop@example.com');
    expect(normalizeEmail('Jane+Shop@Example.com', { stripPlusTags: true })).toBe('jane@example.com');
  });

  it.each([
    ['email', 'noreply@store.example.com', true],
    ['email', 'jane@mail.example.invalid', true],
    ['email', 'jane@example.com', false],
    ['phone', '+15555555555', true],
    ['phone', '+10000000000', true],
    ['phone', '+14155550123', false],
  ] as const)('blocklist(%s, %s) = %s', (kind, value, blocked) => {
    expect(createBlocklist(defaultIdentityTuning().blocklist)(kind, value)).toBe(blocked);
  });
});
