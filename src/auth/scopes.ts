/**
 * Every scope the schema's `@auth` and `@pii` directives may name. `pii:read` sees personal data in full,
 * `pii:masked` sees it masked (`j***@example.com`, `***8807`); a principal with neither gets `FORBIDDEN`.
 */
export const SCOPES = [
  'customer:read',
  'pii:read',
  'pii:masked',
  'orders:read',
  'tickets:read',
  'identity:write',
  'schema:read',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Purposes a caller may declare in `x-c360-purpose`. `marketing` unlocks segments and consent. */
export const PURPOSES = ['support', 'marketing', 'analytics', 'operations'] as const;
export type Purpose = (typeof PURPOSES)[number];

/**
 * Built-in roles (config `auth.roles` replaces or adds to them by name).
 * - `admin`: everything, PII in full, identity writes, introspection; any purpose, `operations` by default.
 * - `agent`: support console: customers, orders, tickets, PII masked; purpose `support`.
 * - `analyst`: customers, orders, tickets without any PII; purposes `analytics`, `marketing`.
 * - `marketer`: customers with PII masked; purpose `marketing`.
 */
export const DEFAULT_ROLES: Readonly<Record<string, { readonly scopes: readonly Scope[]; readonly purposes: readonly Purpose[] }>> = {
  admin: { scopes: [...SCOPES], purposes: ['operations', 'support', 'marketing', 'analytics'] },
  agent: { scopes: ['customer:read', 'pii:masked', 'orders:read', 'tickets:read'], purposes: ['support'] },
  analyst: { scopes: ['customer:read', 'orders:read', 'tickets:read'], purposes: ['analytics', 'marketing'] },
  marketer: { scopes: ['customer:read', 'pii:masked'], purposes: ['marketing'] },
};
