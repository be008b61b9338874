import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';

const env = { SALESFORCE_ACCESS_TOKEN: 'sf', SHOPIFY_ACCESS_TOKEN: 'sh', ZENDESK_EMAIL: 'a@example.com', ZENDESK_API_TOKEN: 'zd' };
const minimal = { sources: [{ name: 'crm', kind: 'salesforce', baseUrl: 'https://acme.my.salesforce.com' }] };

describe('federationConfigSchema: the federation: section', () => {
  it('is off by default, with 100 representations per _entities call', () => {
    expect(parseConfig(minimal, env).federation).toEqual({ enabled: false, maxRepresentations: 100 });
  });

  it('is switched on by the file or by C360_FEDERATION', () => {
    expect(parseConfig({ ...minimal, federation: { enabled: true, maxRepresentations: 500 } }, env).federation).toEqual({ enabled: true, maxRepresentations: 500 });
    expect(parseConfig(minimal, { ...env, C360_FEDERATION: 'true' }).federation?.enabled).toBe(true);
  });

  it.each([
    [{ enabled: 'yes' }, 'federation.enabled'],
    [{ maxRepresentations: 0 }, 'federation.maxRepresentations'],
    [{ keys: ['email'] }, 'federation'],
  ])('refuses %j naming the key', (federation, key) => {
    expect(() => parseConfig({ ...minimal, federation }, env)).toThrow(ConfigError);
    expect(() => parseConfig({ ...minimal, federation }, env)).toThrow(key);
  });
});
