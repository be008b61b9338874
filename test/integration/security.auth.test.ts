import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findShowcasePerson } from '../../src/sandbox/dataset/index.js';
import { AUDIENCE, createTestSigner, ISSUER, postAs, ROLE_KEYS, securityAuthConfig, upstreamCalls, type TestSigner } from '../security/securityFixture.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

const LOOKUP = 'query($q: String!) { customerLookup(query: $q) { status customer { id emails { value } } } }';

let t: TestGateway;
let signer: TestSigner;
let email: string;

beforeAll(async () => {
  signer = await createTestSigner();
  t = await startTestGateway({ size: 60, seed: 11, auth: securityAuthConfig({ publicJwk: signer.publicJwk }) });
  email = findShowcasePerson(t.sandbox.dataset).contact.email!;
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => t.clearRequestLogs());

describe('security: authentication', () => {
  it('answers 401 UNAUTHENTICATED with a challenge and makes no upstream call when no credential is sent', async () => {
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LOOKUP, variables: { q: email } }) });
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0]!.message).toMatch(/^missing or invalid credentials/);
    expect(upstreamCalls(t)).toBe(0);
  });

  it('accepts an API key as a Bearer token and as x-api-key', async () => {
    const variants: Array<Record<string, string>> = [{ authorization: `Bearer ${ROLE_KEYS.admin}` }, { 'x-api-key': ROLE_KEYS.admin }];
    for (const headers of variants) {
      const res = await postAs(t, headers, LOOKUP, { q: email });
      expect(res.status).toBe(200);
      expect((res.body.data?.customerLookup as { status: string }).status).toBe('MATCHED');
    }
  });

  it('accepts a JWT signed with the configured static key and takes the role from its claim', async () => {
    const token = await signer.sign({ role: 'agent' }, { subject: 'agent-42' });
    const res = await postAs(t, { authorization: `Bearer ${token}` }, LOOKUP, { q: email });
    expect(res.status).toBe(200);
    const emails = (res.body.data?.customerLookup as { customer: { emails: Array<{ value: string }> } }).customer.emails;
    // agent sees PII masked
    expect(emails[0]!.value).toMatch(/^.\*\*\*@/);
  });
});

describe('security: bad-token corpus', () => {
  it('rejects every bad credential with 401 and no upstream call', async () => {
    const other = await createTestSigner('test-key');
    const hmacKey = new TextEncoder().encode('a-shared-secret-that-is-long-enough-123456');
    const rsa = await generateKeyPair('RS256', { extractable: true });
    const valid = await signer.sign({ role: 'admin' });
    const [header, payload, signature] = valid.split('.') as [string, string, string];
    const tamperedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin', sub: 'someone-else' })).toString('base64url');
    const corpus: Array<[string, Record<string, string>]> = [
      ['alg none', { authorization: `Bearer ${new UnsecuredJWT({ role: 'admin' }).setSubject('x').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('10m').encode()}` }],
      ['wrong key (same kid)', { authorization: `Bearer ${await other.sign({ role: 'admin' })}` }],
      ['expired', { authorization: `Bearer ${await signer.sign({ role: 'admin' }, { expiresIn: Math.floor(Date.now() / 1000) - 3600 })}` }],
      ['wrong audience', { authorization: `Bearer ${await signer.sign({ role: 'admin' }, { audience: 'someone-else' })}` }],
      ['wrong issuer', { authorization: `Bearer ${await signer.sign({ role: 'admin' }, { issuer: 'https://evil.invalid/' })}` }],
      ['tampered payload', { authorization: `Bearer ${header}.${tamperedPayload}.${signature}` }],
      ['tampered signature', { authorization: `Bearer ${header}.${payload}.${signature.slice(0, -4)}AAAA` }],
      ['HS256 with a guessed secret', { authorization: `Bearer ${await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256', kid: 'test-key' }).setSubject('x').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('10m').sign(hmacKey)}` }],
      ['RS256 with an unknown key', { authorization: `Bearer ${await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'RS256' }).setSubject('x').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('10m').sign(rsa.privateKey)}` }],
      ['unknown role', { authorization: `Bearer ${await signer.sign({ role: 'root' })}` }],
      ['role constructor (an Object.prototype name)', { authorization: `Bearer ${await signer.sign({ role: 'constructor' })}` }],
      ['role __proto__', { authorization: `Bearer ${await signer.sign({ role: '__proto__' })}` }],
      ['role toString', { authorization: `Bearer ${await signer.sign({ role: 'toString' })}` }],
      ['no role claim', { authorization: `Bearer ${await signer.sign({})}` }],
      ['not yet valid', { authorization: `Bearer ${await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'ES256', kid: 'test-key' }).setSubject('x').setIssuer(ISSUER).setAudience(AUDIENCE).setNotBefore('1h').setExpirationTime('2h').sign(signer.privateKey)}` }],
      ['garbage JWT', { authorization: 'Bearer a.b.c' }],
      ['unknown API key', { authorization: 'Bearer c360_not_a_key' }],
      ['unknown x-api-key', { 'x-api-key': 'nope' }],
      ['Basic scheme', { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }],
      ['empty Bearer', { authorization: 'Bearer ' }],
      ['huge token', { authorization: `Bearer ${'a'.repeat(9_000)}` }],
      ['API key hash instead of key', { authorization: `Bearer ${'0'.repeat(64)}` }],
    ];
    for (const [name, headers] of corpus) {
      const res = await postAs(t, headers, LOOKUP, { q: email });
      expect({ name, status: res.status, code: res.body.errors?.[0]?.extensions?.code }).toEqual({ name, status: 401, code: 'UNAUTHENTICATED' });
    }
    expect(upstreamCalls(t)).toBe(0);
  });
});

describe('security: JWKS', () => {
  let jwks: Server;
  let jwksGateway: TestGateway;
  let jwksSigner: TestSigner;
  let fetches = 0;

  beforeAll(async () => {
    jwksSigner = await createTestSigner('jwks-key');
    jwks = createHttpServer((_req, res) => {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwksSigner.publicJwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    jwksGateway = await startTestGateway({ size: 30, seed: 3, auth: securityAuthConfig({ jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json` }) });
  });
  afterAll(async () => {
    await jwksGateway?.close();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  it('verifies tokens against a loopback JWKS and refuses keys it does not list', async () => {
    const good = await jwksSigner.sign({ role: 'analyst' });
    const ok = await postAs(jwksGateway, { authorization: `Bearer ${good}` }, '{ sources { name } }');
    expect(ok.status).toBe(200);
    expect(fetches).toBeGreaterThan(0);
    const stranger = await generateKeyPair('ES256');
    const bad = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'ES256', kid: 'jwks-key' }).setSubject('x').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('10m').sign(stranger.privateKey);
    const refused = await postAs(jwksGateway, { authorization: `Bearer ${bad}` }, '{ sources { name } }');
    expect(refused.status).toBe(401);
    expect(await exportJWK(stranger.publicKey)).not.toEqual(jwksSigner.publicJwk);
  });
});
