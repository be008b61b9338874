import { describe, expect, it } from 'vitest';
import { shopifyHeaders } from '../../../src/adapters/shopify/index.js';

describe('shopifyHeaders: auth header', () => {
  it('sends the access token in X-Shopify-Access-Token', () => {
    expect(shopifyHeaders({ accessToken: ' shpat_abc ' })).toEqual({ 'x-shopify-access-token': 'shpat_abc' });
  });

  it.each([[''], ['  '], [undefined], [42]])('rejects the token %j', (accessToken) => {
    expect(() => shopifyHeaders({ accessToken } as { accessToken: string })).toThrow(TypeError);
  });
});
