import { GraphQLError } from 'graphql';
import { GatewayErrorCode } from '../errors.js';
import type { Principal } from './Principal.js';
import { PURPOSES, type Purpose } from './scopes.js';

/**
 * The request's purpose: the `x-c360-purpose` header, which must be a known purpose the role may declare
 * (else 403 `FORBIDDEN`), or the role's first purpose when absent (null for a role with none).
 */
export function resolvePurpose(header: string | string[] | undefined, principal: Principal): Purpose | null {
  if (header === undefined || header === '') return principal.purposes.values().next().value ?? null;
  const value = Array.isArray(header) ? header[0] : header;
  if (!(PURPOSES as readonly string[]).includes(value ?? '') || !principal.purposes.has(value as Purpose)) {
    throw new GraphQLError(`purpose not allowed for role ${principal.role}: x-c360-purpose must be one of ${[...principal.purposes].join(', ') || '(none)'}`, {
      extensions: { code: GatewayErrorCode.Forbidden, http: { status: 403 } },
    });
  }
  return value as Purpose;
}
