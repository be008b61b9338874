import { GraphQLError } from 'graphql';
import { GatewayErrorCode } from '../errors.js';

/**
 * A 401 with `extensions.code: UNAUTHENTICATED` and a `WWW-Authenticate` challenge. The reason is generic on
 * purpose: it says what to send, never why a given token failed (no oracle for forgers).
 */
export function unauthenticated(message = 'missing or invalid credentials: send Authorization: Bearer <JWT or API key> or x-api-key'): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: GatewayErrorCode.Unauthenticated, http: { status: 401, headers: new Map([['www-authenticate', 'Bearer realm="c360"']]) } },
  });
}
