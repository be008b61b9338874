import { describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/auth/index.js';
import { ConfigError, parseConfig } from '../../src/config.js';

const source = { name: 'crm', kind: 'salesforce', baseUrl: 'http://127.0.0.1:1' };
const env = { SALESFORCE_ACCESS_TOKEN: 't' };
const parse = (auth: unknown) => parseConfig({ sources: [source], auth }, env);

describe('config: auth section', () => {
  it('has no default credential and the four built-in roles', () => {
    const config = parseConfig({ sources: [source] }, env);
    expect(config.auth?.apiKeys).toEqual([]);
    expect(config.auth?.jwt).toBeUndefined();
    expect(Object.keys(config.auth?.roles ?? {})).toEqual(['admin', 'agent', 'analyst', 'marketer']);
  });

  it('hashes API keys as sha256 hex, like sha256sum', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each([
    ['a key that is not a sha256', { apiKeys: [{ name: 'k', sha256: 'plaintext-secret', role: 'admin' }] }, 'auth.apiKeys[0].sha256'],
    ['a key with an unknown role', { apiKeys: [{ name: 'k', sha256: hashApiKey('x'), role: 'root' }] }, 'auth.apiKeys[0].role: unknown role'],
    ['a key whose role is an Object.prototype name (constructor)', { apiKeys: [{ name: 'k', sha256: hashApiKey('x'), role: 'constructor' }] }, 'auth.apiKeys[0].role: unknown role'],
    ['a key whose role is an Object.prototype name (__proto__)', { apiKeys: [{ name: 'k', sha256: hashApiKey('x'), role: '__proto__' }] }, 'auth.apiKeys[0].role: unknown role'],
    ['a key whose role is an Object.prototype name (toString)', { apiKeys: [{ name: 'k', sha256: hashApiKey('x'), role: 'toString' }] }, 'auth.apiKeys[0].role: unknown role'],
    ['a JWT section without keys', { jwt: { issuer: 'i', audience: 'a' } }, 'auth.jwt: needs jwksUrl or at least one of publicKeys'],
    ['a JWT algorithm outside the allow-list', { jwt: { issuer: 'i', audience: 'a', algorithms: ['none'], jwksUrl: 'https://idp.example/jwks' } }, 'auth.jwt.algorithms[0]'],
    ['HMAC (shared secrets are not accepted)', { jwt: { issuer: 'i', audience: 'a', algorithms: ['HS256'], jwksUrl: 'https://idp.example/jwks' } }, 'auth.jwt.algorithms[0]'],
    ['a role with an unknown scope', { roles: { support: { scopes: ['root:all'] } } }, 'auth.roles.support.scopes[0]'],
  ])('rejects %s, naming the key', (_name, auth, key) => {
    expect(() => parse(auth)).toThrow(ConfigError);
    expect(() => parse(auth)).toThrow(key);
  });

  it('merges configured roles over the built-in ones', () => {
    const config = parse({ roles: { agent: { scopes: ['customer:read'], purposes: ['support'] }, auditor: { scopes: ['customer:read', 'pii:read'] } } });
    expect(config.auth?.roles.agent?.scopes).toEqual(['customer:read']);
    expect(config.auth?.roles.auditor?.purposes).toEqual([]);
    expect(config.auth?.roles.admin?.scopes).toContain('identity:write');
  });
});
