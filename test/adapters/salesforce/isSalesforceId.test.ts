import { describe, expect, it } from 'vitest';
import { isSalesforceId, salesforceIdKey } from '../../../src/adapters/salesforce/isSalesforceId.js';

describe('isSalesforceId: shape', () => {
  it.each<[unknown, boolean]>([
    ['003D000000QOxyzIAD', true],
    ['003D000000QOxyz', true],
    ['003D000000QOxyzIA', false],
    ['001D000000IRFmaIAH', false],
    ['003D000000QOxy-IAD', false],
    ['', false],
    [42, false],
    [null, false],
  ])('%j is a Contact id: %s', (id, expected) => {
    expect(isSalesforceId(id, '003')).toBe(expected);
  });

  it('keys both id lengths alike', () => {
    expect(salesforceIdKey('003D000000QOxyzIAD')).toBe(salesforceIdKey('003D000000QOxyz'));
  });
});
