import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../src/config.js';

const env = { SALESFORCE_ACCESS_TOKEN: 'sf', SHOPIFY_ACCESS_TOKEN: 'sh', ZENDESK_EMAIL: 'a@example.com', ZENDESK_API_TOKEN: 'zd' };
const minimal = {
  sources: [
    { name: 'crm', kind: 'salesforce', baseUrl: 'https://acme.my.salesforce.com' },
    { name: 'shop', kind: 'shopify', baseUrl: 'https://acme.myshopify.com', apiVersion: '2025-10' },
    { name: 'desk', kind: 'zendesk', baseUrl: 'https://acme.zendesk.com' },
  ],
};

describe('config: defaults and secrets', () => {
  it('fills defaults and reads credentials from the environment', () => {
    const config = parseConfig(minimal, env);
    expect(config.server).toEqual({ host: '127.0.0.1', port: 4000, introspection: true, bodyLimitBytes: 102_400, deadlineMs: 3_000, shutdownGraceMs: 10_000 });
    expect(config.identity.defaultRegion).toBe('US');
    expect(config.sources.map((s) => s.credentials)).toEqual([
      { kind: 'salesforce', accessToken: 'sf' },
      { kind: 'shopify', accessToken: 'sh' },
      { kind: 'zendesk', email: 'a@example.com', apiToken: 'zd' },
    ]);
  });

  it('applies environment overrides, including per-source base URLs', () => {
    const config = parseConfig(minimal, { ...env, C360_PORT: '5001', C360_LOG_LEVEL: 'debug', C360_SOURCE_SHOP_BASE_URL: 'http://127.0.0.1:9999' });
    expect(config.server.port).toBe(5001);
    expect(config.logging.level).toBe('debug');
    expect(config.sources[1]!.baseUrl).toBe('http://127.0.0.1:9999');
  });
});

describe('config: errors name the key and the bad value', () => {
  it.each([
    [{ sources: [] }, 'sources: must list at least one source'],
    [{ sources: [{ ...minimal.sources[0], baseUrl: 'ftp://x' }] }, 'sources[0].baseUrl: must be an absolute http(s) URL (got "ftp://x")'],
    [{ sources: [{ ...minimal.sources[0], kind: 'hubspot' }] }, 'sources[0].kind'],
    [{ ...minimal, server: { port: 70000 } }, 'server.port'],
    [{ ...minimal, server: { port: 'abc' } }, '(got "abc")'],
    [{ ...minimal, identity: { defaultRegion: 'XX' } }, 'identity.defaultRegion'],
    [{ ...minimal, bogus: 1 }, 'bogus'],
    [{ sources: [{ ...minimal.sources[0], credentials: { accessToken: 'literal' } }] }, 'sources[0].credentials.accessToken'],
    [{ sources: [minimal.sources[0], { ...minimal.sources[1], name: 'crm' }] }, 'source names must be unique'],
  ])('rejects %j', (raw, message) => {
    expect(() => parseConfig(raw, env)).toThrowError(ConfigError);
    expect(() => parseConfig(raw, env)).toThrowError(message);
  });

  it('names the environment variable an override came from', () => {
    expect(() => parseConfig(minimal, { ...env, C360_PORT: 'eighty' })).toThrowError('[from C360_PORT]');
  });

  it('names a missing secret variable', () => {
    expect(() => parseConfig(minimal, { ...env, SHOPIFY_ACCESS_TOKEN: '' })).toThrowError('sources[1] (shop): credentials.accessTokenEnv: environment variable SHOPIFY_ACCESS_TOKEN is not set');
  });

  it('reports unreadable and invalid YAML files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'c360-config-'));
    expect(() => loadConfig(join(dir, 'missing.yaml'), env)).toThrowError('cannot read config file');
    writeFileSync(join(dir, 'bad.yaml'), 'sources: [unclosed');
    expect(() => loadConfig(join(dir, 'bad.yaml'), env)).toThrowError('is not valid YAML');
  });

  it('accepts a file source and names a bad column mapping', () => {
    const file = { name: 'loyalty', kind: 'file', path: 'data/loyalty.csv', columns: { id: 'member_id', givenName: 'first_name', emails: ['email'], identifiers: { loyaltyNumber: 'member_id' } } };
    const config = parseConfig({ sources: [...minimal.sources, file] }, env);
    expect(config.sources.map((s) => s.kind)).toEqual(['salesforce', 'shopify', 'zendesk', 'file']);
    expect(() => parseConfig({ sources: [{ ...file, columns: { givenName: 'first_name' } }] }, env)).toThrowError(/sources\[0\]\.columns\.id/);
    expect(() => parseConfig({ sources: [{ ...file, format: 'xlsx' }] }, env)).toThrowError(/sources\[0\]\.format.*"xlsx"/);
  });

  it("resolves a file source's relative path against the config file's folder, not the working directory", () => {
    const dir = mkdtempSync(join(tmpdir(), 'c360-config-'));
    writeFileSync(join(dir, 'c360.yaml'), 'sources:\n  - { name: loyalty, kind: file, path: data/loyalty.csv, columns: { id: member_id } }\n  - { name: archive, kind: file, path: /srv/archive.csv, columns: { id: member_id } }\n');
    const [loyalty, archive] = loadConfig(join(dir, 'c360.yaml'), env).sources;
    expect(loyalty!.file?.path).toBe(join(dir, 'data', 'loyalty.csv'));
    expect(archive!.file?.path).toBe('/srv/archive.csv');
  });

  it('loads the example config for real tenants', () => {
    const config = loadConfig(new URL('../examples/c360.example.yaml', import.meta.url).pathname, env);
    expect(config.sources.map((s) => s.kind)).toEqual(['salesforce', 'shopify', 'zendesk']);
  });
});
