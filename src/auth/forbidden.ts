import { GraphQLError } from 'graphql';
import { GatewayErrorCode } from '../errors.js';

/** `FORBIDDEN` for one field: the field resolves to null and its path is on the error. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: GatewayErrorCode.Forbidden } });
}
