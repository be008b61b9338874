import { GraphQLError } from 'graphql';

/**
 * Every client-visible error code. Clients may switch on these strings; they never change meaning.
 * Apollo's own codes (`GRAPHQL_PARSE_FAILED`, `GRAPHQL_VALIDATION_FAILED`, `BAD_REQUEST`,
 * `PERSISTED_QUERY_NOT_FOUND`) are passed through as Apollo defines them.
 */
export enum GatewayErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  InvalidLookup = 'INVALID_LOOKUP',
  InvalidCursor = 'INVALID_CURSOR',
  NotFound = 'NOT_FOUND',
  UnknownSource = 'UNKNOWN_SOURCE',
  SourceTimeout = 'SOURCE_TIMEOUT',
  SourceUnavailable = 'SOURCE_UNAVAILABLE',
  SourceRateLimited = 'SOURCE_RATE_LIMITED',
  SourceBadResponse = 'SOURCE_BAD_RESPONSE',
  SourceAuthFailed = 'SOURCE_AUTH_FAILED',
  SourceRejected = 'SOURCE_REJECTED',
  SourceCircuitOpen = 'SOURCE_CIRCUIT_OPEN',
  /** The gateway is stopping (SIGTERM/Ctrl-C): a new request on a kept-alive connection is refused. 503. */
  ShuttingDown = 'SHUTTING_DOWN',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  /** A `limits:` bound was broken (depth, aliases, root fields, directives, cost, tokens); `extensions.limit` names it. 400. */
  QueryLimitExceeded = 'QUERY_LIMIT_EXCEEDED',
  InternalServerError = 'INTERNAL_SERVER_ERROR',
}

/** A client error with a stable code and optional extra extensions (never secrets or stack traces). */
export function gatewayError(
  code: GatewayErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}
