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
  /** Several people hold the key a federation representation carries (a shared email); nothing was merged. */
  AmbiguousMatch = 'AMBIGUOUS_MATCH',
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
  /** The credential may run only registered (persisted) operations (`console.registeredOnly`) and sent another. 403. */
  OperationNotRegistered = 'OPERATION_NOT_REGISTERED',
  InternalServerError = 'INTERNAL_SERVER_ERROR',
  /** Node's HTTP parser refused the request: request line plus headers (a long URL counts) over the header size limit. 431. */
  RequestHeadersTooLarge = 'REQUEST_HEADERS_TOO_LARGE',
  /** Node's HTTP parser refused the request as malformed (bad or conflicting Content-Length, bare LF, garbage request line, bad chunk); `extensions.reason` names the parser's error. 400. */
  MalformedRequest = 'MALFORMED_REQUEST',
  /** The request's headers or body did not arrive within the server's request timeout. 408. */
  RequestTimeout = 'REQUEST_TIMEOUT',
  /**
   * Shared state (Redis, `state.redis`) is unreachable, so a change every replica must see (an override, a
   * suppression) was refused rather than applied on this replica alone. Nothing changed; retry later.
   */
  StateUnavailable = 'STATE_UNAVAILABLE',
}

/** A client error with a stable code and optional extra extensions (never secrets or stack traces). */
export function gatewayError(
  code: GatewayErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}
