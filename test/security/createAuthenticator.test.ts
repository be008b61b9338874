import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createAuditSink } from '../../src/audit/index.js';
import { authConfigSchema, createAuthenticator, hashApiKey } from '../../src/auth/index.js';
import { hashApiKeyBytes } from '../../src/auth/hashApiKey.js';

describe('createAuthenticator: static PEM keys', () => {
  it('verifies an RS256 token against a PEM public key and maps its role to scopes', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(publicKey);
    const authenticate = createAuthenticator(authConfigSchema.parse({ jwt: { issuer: 'iss', audience: 'aud', algorithms: ['RS256'], publicKeys: [{ pem }] } }));
    const token = await new SignJWT({ role: 'analyst' }).setProtectedHeader({ alg: 'RS256' }).setSubject('svc-1').setIssuer('iss').setAudience('aud').setExpirationTime('5m').sign(privateKey);
    const principal = await authenticate({ authorization: `Bearer ${token}` });
    expect(principal).toMatchObject({ subject: 'svc-1', role: 'analyst', method: 'jwt' });
    expect([...principal.scopes]).toEqual(['customer:read', 'orders:read', 'tickets:read']);
    await expect(authenticate({ authorization: `Bearer ${token.slice(0, -2)}xx` })).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('names API-key principals apikey:<name> and refuses JWTs when no jwt section is configured', async () => {
    const authenticate = createAuthenticator(authConfigSchema.parse({ apiKeys: [{ name: 'ci', role: 'agent', sha256: hashApiKey('k-1') }] }));
    expect((await authenticate({ 'x-api-key': 'k-1' })).subject).toBe('apikey:ci');
    await expect(authenticate({ authorization: 'Bearer a.b.c' })).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    await expect(authenticate({})).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('tells two keys apart on every request, also once each has been seen (principals are kept per key)', async () => {
    const authenticate = createAuthenticator(
      authConfigSchema.parse({ apiKeys: [{ name: 'a', role: 'agent', sha256: hashApiKey('k-a') }, { name: 'b', role: 'analyst', sha256: hashApiKey('k-b') }] }),
    );
    for (let round = 0; round < 2; round += 1) {
      expect(await authenticate({ 'x-api-key': 'k-a' })).toMatchObject({ subject: 'apikey:a', role: 'agent' });
      expect(await authenticate({ authorization: 'Bearer k-b' })).toMatchObject({ subject: 'apikey:b', role: 'analyst' });
      await expect(authenticate({ 'x-api-key': 'k-c' })).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    }
    expect(hashApiKeyBytes('k-a').toString('hex')).toBe(hashApiKey('k-a'));
  });
});

describe('createAuditSink: file sink', () => {
  it('appends one JSON line per event, creating the directory', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'c360-audit-')), 'nested', 'audit.log');
    const sink = createAuditSink({ sink: 'file', file }, (error) => {
      throw error;
    });
    const event = { type: 'pii_access', time: 't', requestId: 'r', subject: 's', role: 'agent', purpose: 'support', operationName: null, customerIds: ['c1'], fields: ['Customer.emails'], denied: [], outcome: 'ok', piiAccess: 'masked' } as const;
    sink.write(event);
    sink.write({ ...event, requestId: 'r2' });
    await sink.flush();
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { requestId: string });
    expect(lines.map((l) => l.requestId)).toEqual(['r', 'r2']);
  });
});

describe('createAuditSink: stdout sink', () => {
  const event = { type: 'pii_access', time: 't', requestId: 'r', subject: 's', role: 'agent', purpose: 'support', operationName: null, customerIds: ['c1'], fields: ['Customer.emails'], denied: [], outcome: 'ok', piiAccess: 'masked' } as const;

  it("writes one turn's lines together, in order, once the turn is over", async () => {
    const writes: string[] = [];
    const sink = createAuditSink({ sink: 'stdout', file: 'unused' }, (error) => {
      throw error;
    }, { write: (chunk: string) => writes.push(chunk) } as unknown as NodeJS.WritableStream);
    sink.write(event);
    sink.write({ ...event, requestId: 'r2' });
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toHaveLength(1);
    expect(writes[0]!.trim().split('\n').map((l) => (JSON.parse(l) as { requestId: string }).requestId)).toEqual(['r', 'r2']);
    // flush() sends what waits at once (shutdown), and nothing twice.
    sink.write({ ...event, requestId: 'r3' });
    await sink.flush();
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes.map((w) => w.trim().split('\n').length)).toEqual([2, 1]);
    expect(writes[1]).toContain('"r3"');
  });

  it('writes nothing when off', async () => {
    const writes: string[] = [];
    const sink = createAuditSink({ sink: 'off', file: 'unused' }, () => undefined, { write: (chunk: string) => writes.push(chunk) } as unknown as NodeJS.WritableStream);
    sink.write(event);
    await sink.flush();
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual([]);
  });
});

describe('createAuthenticator: role names are own properties only', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('refuses a validly signed token with role %j with 401', async (role) => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const authenticate = createAuthenticator(authConfigSchema.parse({ jwt: { issuer: 'iss', audience: 'aud', algorithms: ['ES256'], publicKeys: [{ pem: await exportSPKI(publicKey) }] } }));
    const sign = (claim: string) => new SignJWT({ role: claim }).setProtectedHeader({ alg: 'ES256' }).setSubject('svc-1').setIssuer('iss').setAudience('aud').setExpirationTime('5m').sign(privateKey);
    await expect(authenticate({ authorization: `Bearer ${await sign(role)}` })).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    // The same key and claims with a known role are accepted: the refusal is the role name's.
    await expect(authenticate({ authorization: `Bearer ${await sign('agent')}` })).resolves.toMatchObject({ role: 'agent' });
  });

  it('accepts a role a config declares under a name Object.prototype also has', async () => {
    const authenticate = createAuthenticator(authConfigSchema.parse({ roles: { constructor: { scopes: ['customer:read'] } }, apiKeys: [{ name: 'k', role: 'constructor', sha256: hashApiKey('k-2') }] }));
    const principal = await authenticate({ 'x-api-key': 'k-2' });
    expect(principal.role).toBe('constructor');
    expect([...principal.scopes]).toEqual(['customer:read']);
  });
});
