import { describe, expect, it } from 'vitest';
import { salesforceId, salesforceId18 } from '../../../src/sandbox/dataset/salesforceId.js';

describe('salesforceId18: checksum', () => {
  it.each([
    // Documented example pair.
    ['001A0000006Vm9r', '001A0000006Vm9rIAC'],
    // By hand: 003D0 → bit 3 → I; 00000 → A; QOxyz → bits 0,1 = 3 → D.
    ['003D000000QOxyz', '003D000000QOxyzIAD'],
    ['000000000000000', '000000000000000AAA'],
    // Every char upper case → mask 31 → 5.
    ['ABCDEFGHIJKLMNO', 'ABCDEFGHIJKLMNO555'],
    // Lower case letters never set a bit.
    ['abcdeabcdeabcde', 'abcdeabcdeabcdeAAA'],
    // Bit i for position i: only the last char of each chunk → 16 → Q.
    ['0000A0000B0000C', '0000A0000B0000CQQQ'],
  ])('turns %s into %s', (id15, id18) => {
    expect(salesforceId18(id15)).toBe(id18);
  });

  it.each([['001A0000006Vm9'], ['001A0000006Vm9rI'], ['001A0000006Vm9-'], ['']])('rejects %j', (bad) => {
    expect(() => salesforceId18(bad)).toThrow(TypeError);
  });
});

describe('salesforceId: generated ids', () => {
  it('builds prefix + org part + counter + checksum', () => {
    const id = salesforceId('003', 0);
    expect(id).toMatch(/^0035e000[0-9A-Za-z]{7}[A-Z0-5]{3}$/);
    expect(salesforceId18(id.slice(0, 15))).toBe(id);
  });

  it('gives distinct ids for distinct counters and equal ids for equal ones', () => {
    const ids = Array.from({ length: 5000 }, (_, n) => salesforceId('500', n));
    expect(new Set(ids).size).toBe(ids.length);
    expect(salesforceId('500', 42)).toBe(ids[42]);
  });

  it('never collides when compared case-insensitively', () => {
    // Case-sensitive 15-char ids may collide case-insensitively; the 18-char forms must not.
    const ids = Array.from({ length: 5000 }, (_, n) => salesforceId('00T', n));
    expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(ids.length);
  });

  it.each([
    ['00', 1],
    ['0035', 1],
    ['003', -1],
    ['003', 1.5],
  ])('rejects prefix %j with counter %d', (prefix, n) => {
    expect(() => salesforceId(prefix, n)).toThrow(TypeError);
  });
});
