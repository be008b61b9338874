// Internal: one POST to the GraphQL Admin API, from transport to a validated `data`.
import type { z } from 'zod';
import { UpstreamError } from '../UpstreamError.js';
import { readGraphqlResponse } from './readGraphqlResponse.js';
import type { ResolvedShopifyOptions } from './resolveShopifyOptions.js';

/** One GraphQL operation: its document, operation name (for logs) and variables. */
export interface ShopifyOperation {
  readonly name: string;
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

/**
 * POSTs `operation` to `admin/api/{apiVersion}/graphql.json` (https://shopify.dev/docs/api/admin-graphql)
 * with the caller's signal and returns `data` checked against `schema`. Rejects with an
 * {@link UpstreamError} only (see readGraphqlResponse); a `data` of an unexpected shape is `bad_response`.
 * Partial errors beside usable data are logged as a warning (codes and paths, never values).
 */
export async function requestShopify<T>(options: ResolvedShopifyOptions, operation: ShopifyOperation, schema: z.ZodType<T>, signal: AbortSignal | undefined): Promise<T> {
  const res = await options.http.request({
    method: 'POST',
    path: `admin/api/${options.apiVersion}/graphql.json`,
    body: { query: operation.query, variables: operation.variables, operationName: operation.name },
    signal,
  });
  const answer = readGraphqlResponse(options.name, res);
  if (answer.errors.length > 0) {
    options.logger?.warn(
      { source: options.name, operation: operation.name, errors: answer.errors.map((e) => ({ code: e.code ?? null, path: e.path ?? null })) },
      'Shopify answered with partial data and errors; using the data',
    );
  }
  const parsed = schema.safeParse(answer.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'data';
    throw new UpstreamError({
      source: options.name,
      kind: 'bad_response',
      message: `unexpected Shopify ${operation.name} answer at ${where}: ${issue?.message ?? 'invalid'}`,
      method: res.method,
      url: res.url,
      status: res.status,
    });
  }
  return parsed.data;
}
