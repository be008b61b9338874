import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_POLICIES, loadConfig, parseConfig } from '../../src/config.js';

const env = { SALESFORCE_ACCESS_TOKEN: 'sf', SHOPIFY_ACCESS_TOKEN: 'sh', ZENDESK_EMAIL: 'a@example.com', ZENDESK_API_TOKEN: 'zd' };
const source = { name: 'shop', kind: 'shopify', baseUrl: 'https://acme.myshopify.com' };

describe('config: resilience policies', () => {
  it('fills every policy default and the request deadline', () => {
    const config = parseConfig({ sources: [source] }, env);
    expect(config.server.deadlineMs).toBe(3_000);
    expect(config.sources[0]!.policies).toEqual(DEFAULT_SOURCE_POLICIES);
  });

  it('merges partial policies with the defaults', () => {
    const config = parseConfig({ sources: [{ ...source, policies: { retries: { maxAttempts: 1 }, cache: { staleWindowMs: 0 } } }] }, env);
    expect(config.sources[0]!.policies).toEqual({ ...DEFAULT_SOURCE_POLICIES, retries: { ...DEFAULT_SOURCE_POLICIES.retries, maxAttempts: 1 }, cache: { ...DEFAULT_SOURCE_POLICIES.cache, staleWindowMs: 0 } });
  });

  it.each([
    [{ breaker: { failureRatio: 1.5 } }, 'sources[0].policies.breaker.failureRatio'],
    [{ retries: { maxAttempts: 0 } }, 'sources[0].policies.retries.maxAttempts'],
    [{ bulkhead: { maxConcurrent: 'many' } }, 'sources[0].policies.bulkhead.maxConcurrent'],
    [{ cache: { maxEntries: 5 } }, 'sources[0].policies.cache'],
  ])('names the bad key in %j', (policies, key) => {
    expect(() => parseConfig({ sources: [{ ...source, policies }] }, env)).toThrow(key);
  });

  it('refuses a deadline below 50 ms naming server.deadlineMs', () => {
    expect(() => parseConfig({ server: { deadlineMs: 10 }, sources: [source] }, env)).toThrow('server.deadlineMs');
  });

  it('loads the example config with its documented policies', () => {
    const config = loadConfig('examples/c360.example.yaml', env);
    expect(config.server.deadlineMs).toBe(3_000);
    expect(config.sources[0]!.timeoutMs).toBe(2_000);
    expect(config.sources[0]!.policies).toEqual(DEFAULT_SOURCE_POLICIES);
  });
});
