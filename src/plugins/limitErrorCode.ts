import type { GraphQLFormattedError } from 'graphql';
import { GatewayErrorCode } from '../errors.js';

const CONTEXT_PREFIX = 'Context creation failed: ';

/**
 * Gives client errors their stable codes before the server's formatError masks unknown ones:
 * - query-limit rejections get `QUERY_LIMIT_EXCEEDED`: Apollo labels every validation error
 *   `GRAPHQL_VALIDATION_FAILED` (keeping our `extensions.limit`), and the parser's token limit is a syntax error;
 * - 401/403 raised while building the context lose Apollo's "Context creation failed: " prefix;
 * - Apollo's own request errors that carry a 4xx status but no code (a persisted query whose hash does not
 *   match) get `BAD_REQUEST` instead of being masked as internal errors.
 */
export function withLimitCode(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  // Apollo prefixes errors thrown while building the context (our 401/403); the prefix tells a client nothing.
  if ((extensions.code === GatewayErrorCode.Unauthenticated || extensions.code === GatewayErrorCode.Forbidden) && formatted.message.startsWith(CONTEXT_PREFIX)) {
    return { ...formatted, message: formatted.message.slice(CONTEXT_PREFIX.length) };
  }
  if (typeof extensions.limit === 'string') return { ...formatted, extensions: { ...extensions, code: GatewayErrorCode.QueryLimitExceeded } };
  // graphql-js 16 spells it "more that N tokens"; accept the corrected spelling too.
  if (extensions.code === 'GRAPHQL_PARSE_FAILED' && /Document contains more tha[nt] \d+ tokens/.test(formatted.message)) {
    return { ...formatted, extensions: { ...extensions, code: GatewayErrorCode.QueryLimitExceeded, limit: 'maxTokens' } };
  }
  const status = (error as { extensions?: { http?: { status?: unknown } } } | undefined)?.extensions?.http?.status;
  if (extensions.code === GatewayErrorCode.InternalServerError && typeof status === 'number' && status >= 400 && status < 500) {
    return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  }
  return formatted;
}
