import { z } from 'zod';
import { DEFAULT_ROLES, PURPOSES, SCOPES } from './scopes.js';

const roleSchema = z.object({ scopes: z.array(z.enum(SCOPES)), purposes: z.array(z.enum(PURPOSES)).default([]) }).strict();

const apiKeySchema = z
  .object({
    /** Shown in the audit log as `apikey:<name>`. */
    name: z.string().regex(/^[\w.-]{1,64}$/, 'must be 1-64 characters: letters, digits, _ . -'),
    /** sha256 of the key, hex: `printf %s "$KEY" | sha256sum`. The key itself never goes in config. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the sha256 of the key as 64 lower-case hex digits'),
    role: z.string().min(1),
  })
  .strict();

const staticKeySchema = z
  .object({ kid: z.string().min(1).optional(), pem: z.string().includes('BEGIN PUBLIC KEY').optional(), jwk: z.record(z.string(), z.unknown()).optional() })
  .strict()
  .refine((k) => (k.pem === undefined) !== (k.jwk === undefined), 'must have exactly one of pem or jwk');

/** The `auth.jwt` section: verification of bearer JWTs with jose. */
const jwtSchema = z
  .object({
    issuer: z.string().min(1),
    audience: z.string().min(1),
    /** Allowed `alg` values; `none` and HMAC are not accepted. Default RS256, ES256, EdDSA. */
    algorithms: z.array(z.enum(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'])).min(1).default(['RS256', 'ES256', 'EdDSA']),
    /** Allowed clock skew for `exp`/`nbf`/`iat`, seconds. Default 30. */
    clockToleranceSec: z.number().int().min(0).max(600).default(30),
    /** Tokens older than this (by `iat`) are rejected, seconds; 0 = only `exp` counts. Default 0. */
    maxTokenAgeSec: z.number().int().min(0).default(0),
    /** Claim that names the role. Default `role`. */
    roleClaim: z.string().min(1).default('role'),
    jwksUrl: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }).optional(),
    publicKeys: z.array(staticKeySchema).default([]),
  })
  .strict()
  .refine((j) => j.jwksUrl !== undefined || j.publicKeys.length > 0, 'needs jwksUrl or at least one of publicKeys');

/**
 * The `auth:` config section. No default secret: with no `apiKeys` and no `jwt`, every request is refused
 * with 401. `roles` are merged over {@link DEFAULT_ROLES} by name.
 */
export const authConfigSchema = z
  .object({
    roles: z.record(z.string().regex(/^[a-z][\w-]{0,31}$/, 'role names are 1-32 characters: lower-case letter first'), roleSchema).default({}),
    apiKeys: z.array(apiKeySchema).default([]),
    jwt: jwtSchema.optional(),
  })
  .strict()
  .transform((auth) => ({ ...auth, roles: { ...DEFAULT_ROLES, ...auth.roles } }))
  .superRefine((auth, ctx) => {
    auth.apiKeys.forEach((key, index) => {
      if (!Object.hasOwn(auth.roles, key.role)) ctx.addIssue({ code: 'custom', path: ['apiKeys', index, 'role'], message: `unknown role (known: ${Object.keys(auth.roles).join(', ')})` });
    });
  });

export type AuthConfig = z.output<typeof authConfigSchema>;
