import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { DEV_API_KEY, hashApiKey } from '../../src/auth/index.js';
import type { TestGateway } from '../support/startTestGateway.js';

/** One API key per built-in role (test values; never used outside tests). */
export const ROLE_KEYS = {
  admin: DEV_API_KEY,
  agent: 'test_agent_key_0001',
  analyst: 'test_analyst_key_0001',
  marketer: 'test_marketer_key_0001',
} as const;
export type TestRole = keyof typeof ROLE_KEYS;

export const ISSUER = 'https://idp.test.invalid/';
export const AUDIENCE = 'c360-test';

/** An ES256 key pair for signing test JWTs, with its public JWK. */
export interface TestSigner {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  sign(claims: Record<string, unknown>, options?: { alg?: string; issuer?: string; audience?: string; expiresIn?: string | number; subject?: string }): Promise<string>;
}

export async function createTestSigner(kid = 'test-key'): Promise<TestSigner> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), alg: 'ES256', kid };
  return {
    privateKey,
    publicJwk,
    sign: (claims, o = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: o.alg ?? 'ES256', kid })
        .setSubject(o.subject ?? 'user-1')
        .setIssuer(o.issuer ?? ISSUER)
        .setAudience(o.audience ?? AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(o.expiresIn ?? '10m')
        .sign(privateKey),
  };
}

/** Raw `auth:` config: a key per role, and JWTs from `signer` (static key) or `jwksUrl`. */
export function securityAuthConfig(jwt: { publicJwk?: JWK; jwksUrl?: string } = {}): Record<string, unknown> {
  return {
    apiKeys: Object.entries(ROLE_KEYS).map(([role, key]) => ({ name: `test-${role}`, role, sha256: hashApiKey(key) })),
    ...(jwt.publicJwk || jwt.jwksUrl
      ? { jwt: { issuer: ISSUER, audience: AUDIENCE, algorithms: ['ES256'], clockToleranceSec: 5, ...(jwt.jwksUrl ? { jwksUrl: jwt.jwksUrl } : { publicKeys: [{ jwk: jwt.publicJwk }] }) } }
      : {}),
  };
}

/** Upstream requests the sandbox servers saw since the last clear. */
export function upstreamCalls(t: TestGateway): number {
  return [t.sandbox.salesforce, t.sandbox.shopify, t.sandbox.zendesk].reduce((n, s) => n + s.requests().length, 0);
}

/** POSTs a GraphQL request with arbitrary headers; returns status and parsed body (or text when not JSON). */
export async function postAs(t: TestGateway, headers: Record<string, string>, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }> } ; text: string }> {
  const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  let body = {};
  try {
    body = JSON.parse(text) as object;
  } catch {
    // Left empty: callers assert on status and text.
  }
  return { status: res.status, body, text };
}

/** Headers that authenticate as `role` with its API key. */
export const asRole = (role: TestRole): Record<string, string> => ({ authorization: `Bearer ${ROLE_KEYS[role]}` });
