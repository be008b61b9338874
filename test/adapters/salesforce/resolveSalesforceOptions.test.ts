import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../src/adapters/http.js';
import type { SalesforceAdapterOptions } from '../../../src/adapters/salesforce/index.js';
import { createSalesforceAdapter, SALESFORCE_ADAPTER_DEFAULTS } from '../../../src/adapters/salesforce/index.js';
import { resolveSalesforceOptions } from '../../../src/adapters/salesforce/resolveSalesforceOptions.js';

const http = createHttpClient({ source: 'crm', baseUrl: 'http://127.0.0.1:1' });

describe('resolveSalesforceOptions: validation', () => {
  it('applies the documented defaults', () => {
    expect(resolveSalesforceOptions({ name: 'crm', http })).toMatchObject({ apiVersion: 'v63.0', maxPages: 50, logger: undefined });
    expect(SALESFORCE_ADAPTER_DEFAULTS).toEqual({ apiVersion: 'v63.0', maxPages: 50 });
  });

  it.each<[string, unknown, RegExp]>([
    ['options', null, /options is invalid, got null/],
    ['name', { name: '', http }, /name is invalid, got ''/],
    ['name', { name: 42, http }, /name is invalid, got 42/],
    ['http', { name: 'crm', http: {} }, /http must be an HttpClient/],
    ['apiVersion', { name: 'crm', http, apiVersion: '63.0' }, /apiVersion is invalid \(expected like 'v63.0'\), got '63.0'/],
    ['maxPages', { name: 'crm', http, maxPages: 0 }, /maxPages is invalid \(expected a positive integer\), got 0/],
    ['maxPages', { name: 'crm', http, maxPages: 2.5 }, /maxPages is invalid .*got 2.5/],
    ['logger', { name: 'crm', http, logger: {} }, /logger must be a pino Logger/],
  ])('rejects a bad %s with a TypeError naming it', (_option, options, message) => {
    expect(() => createSalesforceAdapter(options as SalesforceAdapterOptions)).toThrow(TypeError);
    expect(() => createSalesforceAdapter(options as SalesforceAdapterOptions)).toThrow(message);
  });
});
