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
  /** A change webhook's signature header is missing or does not match the body (README "Change webhooks"). 401; nothing changed. */
  WebhookSignatureInvalid = 'WEBHOOK_SIGNATURE_INVALID',
  /** A change webhook's signed timestamp is missing, unreadable, or further from now than `webhooks.toleranceSeconds`. 401; nothing changed. */
  WebhookTimestampInvalid = 'WEBHOOK_TIMESTAMP_INVALID',
  /** A change webhook delivery already received (same delivery id, or same signature). 409; nothing changed again. */
  WebhookReplayed = 'WEBHOOK_REPLAYED',
  /** A correctly signed change webhook whose body is not JSON or names no record the gateway can map. 400. */
  WebhookMalformed = 'WEBHOOK_MALFORMED',
  /** A change webhook body over `webhooks.maxBodyBytes`. 413. */
  WebhookTooLarge = 'WEBHOOK_TOO_LARGE',
  /** A verified change webhook could not be published to the change feed (shared state unreachable). 503; the vendor's retry is processed. */
  WebhookNotApplied = 'WEBHOOK_NOT_APPLIED',
  /** `POST /webhooks/<vendor>` for a vendor with no `webhooks.<vendor>` config. 404. */
  WebhookNotConfigured = 'WEBHOOK_NOT_CONFIGURED',
}

/** A client error with a stable code and optional extra extensions (never secrets or stack traces). */
export function gatewayError(
  code: GatewayErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}
