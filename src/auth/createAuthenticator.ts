import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { createLocalJWKSet, createRemoteJWKSet, exportJWK, importSPKI, jwtVerify, type JWK, type JWTVerifyGetKey, type KeyObject, type CryptoKey } from 'jose';
import type { AuthConfig } from './authConfigSchema.js';
import { hashApiKeyBytes } from './hashApiKey.js';
import type { Principal } from './Principal.js';
import type { Purpose, Scope } from './scopes.js';
import { unauthenticated } from './unauthenticated.js';

/** Turns request headers into a {@link Principal} or throws a 401 GraphQLError. Never calls a source. */
export type Authenticate = (headers: IncomingHttpHeaders) => Promise<Principal>;

/** Longest credential accepted, characters: longer ones are refused before any parsing or hashing. */
const MAX_CREDENTIAL_LENGTH = 8_192;

/**
 * Builds the authenticator from `auth:` config. Credentials: `Authorization: Bearer <token>` where a token with
 * two dots is a JWT (verified with jose: algorithm allow-list, issuer, audience, clock tolerance, JWKS URL or
 * static keys) and anything else an API key (sha256 compared in constant time with `auth.apiKeys`), or
 * `x-api-key: <key>`. The role comes from the API key entry or the JWT's `roleClaim`; scopes from the role.
 */
export function createAuthenticator(config: AuthConfig): Authenticate {
  // Each key's principal is made on its first use and shared by its requests after (a Principal is read-only).
  const keys = config.apiKeys.map((k) => ({ ...k, hash: Buffer.from(k.sha256, 'hex'), principal: undefined as Principal | undefined }));
  const jwt = config.jwt;
  const keyResolver: Promise<JWTVerifyGetKey | KeyObject | CryptoKey | null> = jwt ? buildKeyResolver(jwt) : Promise.resolve(null);
  // An unhandled rejection at start would crash; the error surfaces on the first JWT instead (as a 401 + log).
  keyResolver.catch(() => undefined);

  // A Map, not the config object: a role name from a token (`constructor`, `__proto__`, `toString`) must not
  // find Object.prototype's properties.
  const roles = new Map(Object.entries(config.roles));

  function principalFor(subject: string, role: string, method: Principal['method']): Principal {
    const definition = roles.get(role);
    if (!definition) throw unauthenticated('the credential names a role this gateway does not know');
    return { subject, role, method, scopes: new Set<Scope>(definition.scopes), purposes: new Set<Purpose>(definition.purposes) };
  }

  return async (headers) => {
    const credential = credentialOf(headers);
    if (credential === null || credential.length > MAX_CREDENTIAL_LENGTH) throw unauthenticated();
    if (credential.split('.').length === 3) {
      if (!jwt) throw unauthenticated();
      const key = await keyResolver.catch(() => null);
      if (!key) throw unauthenticated();
      try {
        const { payload } = await jwtVerify(credential, key as JWTVerifyGetKey, {
          algorithms: jwt.algorithms,
          issuer: jwt.issuer,
          audience: jwt.audience,
          clockTolerance: jwt.clockToleranceSec,
          requiredClaims: ['sub', 'exp'],
          ...(jwt.maxTokenAgeSec > 0 ? { maxTokenAge: jwt.maxTokenAgeSec } : {}),
        });
        const role = payload[jwt.roleClaim];
        if (typeof payload.sub !== 'string' || typeof role !== 'string') throw unauthenticated();
        return principalFor(payload.sub, role, 'jwt');
      } catch {
        throw unauthenticated();
      }
    }
    const hash = hashApiKeyBytes(credential);
    const match = keys.find((k) => timingSafeEqual(k.hash, hash));
    if (!match) throw unauthenticated();
    return (match.principal ??= principalFor(`apikey:${match.name}`, match.role, 'apiKey'));
  };
}

/** The credential from `x-api-key` or `Authorization: Bearer`; null when absent or malformed. */
function credentialOf(headers: IncomingHttpHeaders): string | null {
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey !== '') return apiKey.trim();
  const authorization = headers.authorization;
  if (typeof authorization !== 'string') return null;
  const match = /^Bearer[ ]+([\x21-\x7e]+)\s*$/i.exec(authorization);
  return match?.[1] ?? null;
}

async function buildKeyResolver(jwt: NonNullable<AuthConfig['jwt']>): Promise<JWTVerifyGetKey | KeyObject | CryptoKey> {
  if (jwt.jwksUrl) return createRemoteJWKSet(new URL(jwt.jwksUrl), { timeoutDuration: 2_000, cooldownDuration: 30_000 });
  // Static keys: PEMs become JWKs so one local key set picks the key by `kid`/`alg` like a JWKS would.
  const jwks: JWK[] = [];
  for (const key of jwt.publicKeys) {
    if (key.jwk) {
      jwks.push({ ...(key.jwk as JWK), ...(key.kid ? { kid: key.kid } : {}) });
      continue;
    }
    for (const alg of jwt.algorithms) {
      try {
        const imported = await importSPKI(key.pem!, alg, { extractable: true });
        jwks.push({ ...(await exportJWK(imported)), alg, ...(key.kid ? { kid: key.kid } : {}) });
      } catch {
        // This PEM is not a key of that algorithm: try the next one.
      }
    }
  }
  return createLocalJWKSet({ keys: jwks });
}
