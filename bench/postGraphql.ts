import { randomBytes } from 'node:crypto';

/** A GraphQL answer as the bench reads it. */
export interface GraphqlAnswer {
  readonly status: number;
  readonly body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; extensions?: unknown };
}

/**
 * The API key this bench run gives its gateways (`auth.apiKeys`, role admin, only its sha256 in the config)
 * when the gateway supports `auth:`; random per run, never stored.
 */
export const BENCH_API_KEY = randomBytes(24).toString('hex');

/**
 * Headers every bench request sends: `x-api-key` with {@link BENCH_API_KEY} (ignored by a gateway without
 * auth), or `authorization: $C360_BENCH_AUTHORIZATION` when that is set (e.g. `Bearer <jwt>`).
 */
export function benchHeaders(): Record<string, string> {
  const auth = process.env.C360_BENCH_AUTHORIZATION;
  return { 'content-type': 'application/json', ...(auth ? { authorization: auth } : { 'x-api-key': BENCH_API_KEY }) };
}

/** POSTs one operation; throws on a network error or a non-JSON answer, never on a GraphQL error. */
export async function postGraphql(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlAnswer> {
  const res = await fetch(url, { method: 'POST', headers: benchHeaders(), body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  let body: GraphqlAnswer['body'];
  try {
    body = JSON.parse(text) as GraphqlAnswer['body'];
  } catch {
    throw new Error(`${url} answered ${res.status} with a non-JSON body: ${text.slice(0, 200)}`);
  }
  return { status: res.status, body };
}
