import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { hashApiKey } from './hashApiKey.js';

/**
 * The documented development API key: full access (role `admin`). Only the demo and the test harness put its
 * hash in their config; the production defaults have no credential at all.
 */
export const DEV_API_KEY = 'c360_dev_key_not_for_production';

/** Issuer and audience of the JWTs the demo signs. */
export const DEV_JWT_ISSUER = 'c360-demo';
export const DEV_JWT_AUDIENCE = 'c360-gateway';

/** Raw `auth:` config accepting {@link DEV_API_KEY} as `admin` (plus the demo's JWT key when given). */
export function devAuthConfig(jwtPublicKey?: JWK): Record<string, unknown> {
  return {
    apiKeys: [{ name: 'dev', sha256: hashApiKey(DEV_API_KEY), role: 'admin' }],
    ...(jwtPublicKey ? { jwt: { issuer: DEV_JWT_ISSUER, audience: DEV_JWT_AUDIENCE, algorithms: ['ES256'], publicKeys: [{ jwk: jwtPublicKey }] } } : {}),
  };
}

/** A signer of demo JWTs: an ES256 key pair made at start (never stored), and the public key for config. */
export interface DevJwtSigner {
  readonly publicJwk: JWK;
  /** A token for `role`, subject `sub`, valid for `ttlSec` (default 12 h). */
  sign(role: string, sub: string, ttlSec?: number): Promise<string>;
}

/** Makes a fresh demo signer (ES256). */
export async function createDevJwtSigner(): Promise<DevJwtSigner> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), alg: 'ES256', kid: 'c360-demo' };
  return {
    publicJwk,
    sign: (role, sub, ttlSec = 12 * 3600) =>
      new SignJWT({ role })
        .setProtectedHeader({ alg: 'ES256', kid: 'c360-demo' })
        .setSubject(sub)
        .setIssuer(DEV_JWT_ISSUER)
        .setAudience(DEV_JWT_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttlSec}s`)
        .sign(privateKey),
  };
}
