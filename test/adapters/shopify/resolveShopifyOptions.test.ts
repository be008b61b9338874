import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../src/adapters/http.js';
import { resolveShopifyOptions, type ShopifyAdapterOptions } from '../../../src/adapters/shopify/resolveShopifyOptions.js';

const http = createHttpClient({ source: 'shop', baseUrl: 'http://127.0.0.1:9' });

describe('resolveShopifyOptions: defaults and validation', () => {
  it('applies the documented defaults', () => {
    expect(resolveShopifyOptions({ name: 'shop', http })).toMatchObject({ apiVersion: '2025-10', maxPages: 50, ordersPageSize: 250, lineItemsPageSize: 5, logger: undefined });
  });

  it.each(['2024-01', '2026-10', 'unstable'])('accepts the API version %s', (apiVersion) => {
    expect(resolveShopifyOptions({ name: 'shop', http, apiVersion }).apiVersion).toBe(apiVersion);
  });

  const bad: Array<[string, Partial<ShopifyAdapterOptions>, RegExp]> = [
    ['name', { name: '' }, /name is invalid.*got ''/],
    ['http', { http: {} as never }, /http must be an HttpClient/],
    ['apiVersion', { apiVersion: '2025-13' }, /apiVersion is invalid.*got '2025-13'/],
    ['apiVersion', { apiVersion: 'latest' }, /apiVersion is invalid/],
    ['maxPages', { maxPages: 0 }, /maxPages is invalid.*got 0/],
    ['ordersPageSize', { ordersPageSize: 251 }, /ordersPageSize is invalid.*got 251/],
    ['ordersPageSize', { ordersPageSize: 2.5 }, /ordersPageSize is invalid/],
    ['lineItemsPageSize', { lineItemsPageSize: 0 }, /lineItemsPageSize is invalid.*got 0/],
    ['logger', { logger: {} as never }, /logger must be a pino Logger/],
  ];

  it.each(bad)('rejects a bad %s with a TypeError naming it', (_name, patch, message) => {
    expect(() => resolveShopifyOptions({ name: 'shop', http, ...patch })).toThrow(TypeError);
    expect(() => resolveShopifyOptions({ name: 'shop', http, ...patch })).toThrow(message);
  });
});
