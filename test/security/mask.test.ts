import { describe, expect, it } from 'vitest';
import { mask } from '../../src/auth/mask.js';

describe('mask: one format per kind of PII', () => {
  it.each([
    ['jdouglas@example.org', 'j***@example.org'],
    ['a@b.co', 'a***@b.co'],
    ['+17135558807', '***8807'],
    ['(713) 555-8807', '***8807'],
    ['+44 20 7946 0958', '***0958'],
    ['Jennie', 'J***'],
    ['Douglas', 'D***'],
    ['Émilie', 'É***'],
    ['12 Main St, Springfield, IL 62701, US', '1***'],
    ['1980-02-29', '1***'],
    ['12345', '1***'],
    ['', ''],
    ['@', '@***'],
  ])('masks %j as %j', (value, masked) => {
    expect(mask(value)).toBe(masked);
  });

  it('never returns the input unchanged for a non-empty value longer than one character', () => {
    for (const value of ['ab', 'x@y.z', '+15555550100', 'Zoë']) expect(mask(value)).not.toBe(value);
  });
});
