/**
 * The floor program (run as its own process by the bench): a plain `node:http` handler with no GraphQL, no
 * identity resolution and no unification, that makes the same upstream calls as a warm-crosswalk 360 query
 * through the same adapters (`createSourceAdapter`, the one HTTP client) with one `Promise.all`, and answers
 * the raw results as JSON. `POST /` with `{"refs":[{"source","id"}]}`.
 *
 * `POST /` with `{"replay":[{"method","url","headers","body"}]}` is the **raw floor**: it sends those recorded
 * requests (the upstream calls one warm 360 made, read from the sandbox logs) at once with plain `node:http`
 * (no adapters, no axios, no parsing) and answers their byte counts. What it takes above the slowest source
 * is this machine's loopback and the sandbox's own handling, which no gateway can avoid.
 *
 * Env: `FLOOR_PORT` (required), `FLOOR_SOURCES` (JSON `SourceConfig[]` with credentials).
 */
import http from 'node:http';
import { createSourceAdapter } from '../src/adapters/createSourceAdapter.js';
import type { SourceAdapter } from '../src/adapters/types.js';
import type { SourceConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

const sources = JSON.parse(process.env.FLOOR_SOURCES ?? '[]') as SourceConfig[];
const logger = createLogger('warn');
const adapters = new Map<string, SourceAdapter>(sources.map((s) => [s.name, createSourceAdapter(s, logger)]));

async function fetchAll(refs: ReadonlyArray<{ source: string; id: string }>): Promise<unknown> {
  const calls: Array<Promise<unknown>> = [];
  for (const ref of refs) {
    const adapter = adapters.get(ref.source);
    if (!adapter) continue;
    const ids = [ref.id];
    const { orders, tickets, activities } = adapter.capabilities;
    if (adapter.fetchWithRelated && (orders || tickets || activities)) {
      // What the gateway's loaders send for such a source (issue 17): one fused call; the bench 360 reads no line items.
      calls.push(adapter.fetchWithRelated(ids, { orders, tickets, activities, lineItems: false }, {}));
      continue;
    }
    calls.push(adapter.getByIds(ids, {}));
    if (adapter.capabilities.orders && adapter.ordersByOwner) calls.push(adapter.ordersByOwner(ids, {}));
    if (adapter.capabilities.tickets && adapter.ticketsByOwner) calls.push(adapter.ticketsByOwner(ids, {}));
    if (adapter.capabilities.activities && adapter.activitiesByOwner) calls.push(adapter.activitiesByOwner(ids, {}));
  }
  return Promise.all(calls);
}

/** A recorded upstream request to send again unchanged. */
interface Replayed {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const rawAgent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function replay(requests: readonly Replayed[]): Promise<number[]> {
  return Promise.all(
    requests.map(
      (r) =>
        new Promise<number>((resolve, reject) => {
          const req = http.request(r.url, { method: r.method, agent: rawAgent, headers: r.headers }, (res) => {
            let bytes = 0;
            res.on('data', (chunk: Buffer) => (bytes += chunk.length));
            res.on('end', () => resolve(bytes));
          });
          req.on('error', reject);
          req.end(r.body === '' ? undefined : r.body);
        }),
    ),
  );
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200).end('ok');
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { refs?: Array<{ source: string; id: string }>; replay?: Replayed[] };
    (input.replay ? replay(input.replay) : fetchAll(input.refs ?? [])).then(
      (result) => {
        const text = JSON.stringify(result);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
      },
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.FLOOR_PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
