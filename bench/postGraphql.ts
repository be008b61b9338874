import { randomBytes } from 'node:crypto';
import http from 'node:http';

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

/**
 * Keep-alive connections for the bench's own requests. node:http rather than fetch: fetch (undici in Node 20)
 * spent 1–2 ms of the bench process's core per request, which the light-load figures counted as latency.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs `payload` (JSON) on the bench's keep-alive pool and reads the whole answer as text. */
export function postRaw(url: string, payload: string, headers: Record<string, string> = benchHeaders()): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(payload) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** POSTs one operation; throws on a network error or a non-JSON answer, never on a GraphQL error. */
export async function postGraphql(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlAnswer> {
  const { status, text } = await postRaw(url, JSON.stringify({ query, variables }));
  let body: GraphqlAnswer['body'];
  try {
    body = JSON.parse(text) as GraphqlAnswer['body'];
  } catch {
    throw new Error(`${url} answered ${status} with a non-JSON body: ${text.slice(0, 200)}`);
  }
  return { status, body };
}
