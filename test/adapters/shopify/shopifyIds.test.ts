import { describe, expect, it } from 'vitest';
import { invalidIdError, toShopifyGid, toShopifyId } from '../../../src/adapters/shopify/shopifyIds.js';

describe('shopifyIds: normalising customer ids', () => {
  const cases: Array<[string, string | null]> = [
    ['123', '123'],
    [' 123 ', '123'],
    ['7000000000001', '7000000000001'],
    ['18446744073709551615', '18446744073709551615'],
    ['gid://shopify/Customer/123', '123'],
    ['gid://shopify/Customer/123?model=x', '123'],
    ['gid://shopify/Order/123', null],
    ['gid://shopify/Customer/abc', null],
    ['0', null],
    ['0123', null],
    ['-5', null],
    ['12.5', null],
    ['', null],
    ['jane@example.com', null],
  ];

  it.each(cases)('reads %j as %j', (input, expected) => {
    expect(toShopifyId(input, 'Customer')).toBe(expected);
  });

  it('builds GIDs and per-key errors', () => {
    expect(toShopifyGid('Customer', '5')).toBe('gid://shopify/Customer/5');
    const error = invalidIdError('shop', 'nope');
    expect(error).toMatchObject({ source: 'shop', kind: 'rejected' });
    expect(error.message).toContain('"nope"');
  });
});
