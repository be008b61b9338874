import { GraphQLError, type GraphQLResolveInfo, responsePathAsArray } from 'graphql';
import { isUpstreamError } from '../adapters/UpstreamError.js';
import { GatewayErrorCode } from '../errors.js';

/**
 * Turns a source failure into the client-visible error for one path: `{code, source}` from an
 * {@link UpstreamError}; anything else becomes `INTERNAL_SERVER_ERROR` (masked later, logged). Pass `info`
 * to locate the error at the field being resolved (for errors added beside data).
 */
export function sourceError(error: unknown, source: string, info?: GraphQLResolveInfo): GraphQLError {
  const path = info ? responsePathAsArray(info.path) : undefined;
  if (isUpstreamError(error)) {
    return new GraphQLError(`source ${error.source} failed: ${error.message}`, {
      path,
      originalError: error,
      extensions: { code: error.code, source: error.source, ...(error.status === undefined ? {} : { status: error.status }) },
    });
  }
  return new GraphQLError('internal error while reading a source', {
    path,
    originalError: error instanceof Error ? error : new Error(String(error)),
    extensions: { code: GatewayErrorCode.InternalServerError, source },
  });
}
