import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { DEV_API_KEY, devAuthConfig } from '../src/auth/index.js';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { createServer, type GatewayServer } from '../src/server.js';
import { createSharedState, type SharedState } from '../src/state/createSharedState.js';
import { machineInfo } from './machineInfo.js';
import { percentiles } from './percentiles.js';

/**
 * What the Redis crosswalk L2 buys replicas (issue 12). One sandbox (1 000 people), three gateways in this
 * process (each with its own caches and Redis connections), Redis at REDIS_URL (default 127.0.0.1:6379, a
 * random key prefix, deleted afterwards). For each mode, `redis` (state.redis) and `local` (no shared state):
 * 1. replica 1 resolves 100 customers one after another (all misses);
 * 2. replica 2, which never saw them, resolves the same 100: the cold-replica latency and upstream calls;
 * 3. 300 lookups of 100 other customers, each asked three times on random replicas: the crosswalk hit ratio
 *    across replicas ((L1 hits + L2 hits) / lookups).
 * Redis round trips per query are counted by the connections. Run: `npm run bench:replicas`.
 */
const IDENTITY = `query($id: ID!) { customerBySource(source: "salesforce", id: $id) { id identity { links { source id rule } } } }`;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Replica {
  readonly url: string;
  readonly gateway: GatewayServer;
  readonly shared: SharedState;
}

async function startReplicas(sandbox: Sandbox, mode: 'redis' | 'local', keyPrefix: string): Promise<Replica[]> {
  const replicas: Replica[] = [];
  for (let i = 0; i < 3; i += 1) {
    const config = parseConfig(
      {
        server: { port: 0 },
        auth: devAuthConfig(),
        logging: { level: 'silent' },
        ...(mode === 'redis' ? { state: { redis: { url: REDIS_URL, keyPrefix } } } : {}),
        sources: sandbox.sourceConfigs({ timeoutMs: 5_000 }).map(({ credentials: _c, ...s }) => s),
      },
      { SALESFORCE_ACCESS_TOKEN: 'sandbox-salesforce-token', SHOPIFY_ACCESS_TOKEN: 'shpat_sandbox', ZENDESK_EMAIL: 'agent@sandbox.example', ZENDESK_API_TOKEN: 'sandbox-zendesk-token' },
    );
    const logger = createLogger('silent');
    const shared = createSharedState(config.state, logger);
    const gateway = createServer(config, { logger, sharedState: shared, auditSink: { write: () => undefined, flush: async () => undefined } });
    replicas.push({ url: await gateway.start(), gateway, shared });
  }
  return replicas;
}

async function timedQuery(url: string, id: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_API_KEY}` }, body: JSON.stringify({ query: IDENTITY, variables: { id } }) });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
  return performance.now() - started;
}

const roundTrips = (replica: Replica): number => {
  const status = replica.shared.status();
  return status.mode === 'redis' ? status.counters.roundTrips : 0;
};

async function measure(sandbox: Sandbox, mode: 'redis' | 'local', first: string[], second: string[]) {
  const keyPrefix = `c360bench:${randomBytes(4).toString('hex')}:`;
  const replicas = await startReplicas(sandbox, mode, keyPrefix);
  const servers = [sandbox.salesforce, sandbox.shopify, sandbox.zendesk];
  const upstream = (): number => servers.reduce((n, s) => n + s.requests().length, 0);
  try {
    servers.forEach((s) => s.clearRequests());
    const rt0 = roundTrips(replicas[0]!);
    const miss: number[] = [];
    for (const id of first) miss.push(await timedQuery(replicas[0]!.url, id));
    const missCalls = upstream();
    const missTrips = roundTrips(replicas[0]!) - rt0;
    servers.forEach((s) => s.clearRequests());
    const rt1 = roundTrips(replicas[1]!);
    const cold: number[] = [];
    for (const id of first) cold.push(await timedQuery(replicas[1]!.url, id));
    const coldCalls = upstream();
    const coldTrips = roundTrips(replicas[1]!) - rt1;
    // Mixed: each customer three times, on pseudo-random replicas.
    let seed = 17;
    const next = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const before = replicas.map((r) => r.gateway.identity.stats());
    const asks = [...second, ...second, ...second].map((id) => ({ id, replica: Math.floor(next() * 3) }));
    for (const ask of asks) await timedQuery(replicas[ask.replica]!.url, ask.id);
    const after = replicas.map((r) => r.gateway.identity.stats());
    const sum = (pick: (s: (typeof after)[number]) => number): number => after.reduce((n, s, i) => n + pick(s) - pick(before[i]!), 0);
    const hits = sum((s) => s.hits);
    const sharedHits = sum((s) => s.sharedHits);
    const misses = sum((s) => s.misses);
    return {
      mode,
      missLatency: percentiles(miss),
      missUpstreamCallsPerQuery: missCalls / first.length,
      missRedisRoundTripsPerQuery: missTrips / first.length,
      coldReplicaLatency: percentiles(cold),
      coldReplicaUpstreamCallsPerQuery: coldCalls / first.length,
      coldReplicaRedisRoundTripsPerQuery: coldTrips / first.length,
      acrossReplicas: { lookups: hits + sharedHits + misses, l1Hits: hits, l2Hits: sharedHits, misses, hitRatio: (hits + sharedHits) / (hits + sharedHits + misses) },
    };
  } finally {
    await Promise.all(replicas.map((r) => r.gateway.stop()));
    await Promise.all(replicas.map((r) => r.shared.close()));
    if (mode === 'redis') {
      const cleaner = createClient({ url: REDIS_URL });
      await cleaner.connect();
      for await (const keys of cleaner.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 500 })) if (keys.length > 0) await cleaner.del(keys);
      cleaner.destroy();
    }
  }
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ size: 1_000, seed: 7 });
  try {
    const ids = [...new Set(sandbox.dataset.truth.filter((t) => t.system === 'salesforce').map((t) => t.id))];
    const results = [];
    // Each mode gets customers the other mode never asked for (the sandbox has no cache of its own, but fair is fair).
    results.push(await measure(sandbox, 'redis', ids.slice(0, 100), ids.slice(100, 200)));
    results.push(await measure(sandbox, 'local', ids.slice(200, 300), ids.slice(300, 400)));
    const ms = (n: number): string => `${n.toFixed(1)} ms`;
    for (const r of results) {
      console.log(`\n${r.mode}:`);
      console.log(`  miss on replica 1           p50 ${ms(r.missLatency.p50)}  p95 ${ms(r.missLatency.p95)}  upstream calls/query ${r.missUpstreamCallsPerQuery.toFixed(1)}  Redis round trips/query ${r.missRedisRoundTripsPerQuery.toFixed(2)}`);
      console.log(`  cold replica 2, same people p50 ${ms(r.coldReplicaLatency.p50)}  p95 ${ms(r.coldReplicaLatency.p95)}  upstream calls/query ${r.coldReplicaUpstreamCallsPerQuery.toFixed(1)}  Redis round trips/query ${r.coldReplicaRedisRoundTripsPerQuery.toFixed(2)}`);
      console.log(`  3 asks per customer on random replicas: hit ratio ${(r.acrossReplicas.hitRatio * 100).toFixed(1)} % (L1 ${r.acrossReplicas.l1Hits}, L2 ${r.acrossReplicas.l2Hits}, misses ${r.acrossReplicas.misses} of ${r.acrossReplicas.lookups})`);
    }
    const info = machineInfo();
    console.log(`\nconditions: ${info.cpus} CPUs (${info.cpuModel}), load average ${info.loadAverage.map((l) => l.toFixed(2)).join(' ')}, Node ${info.node}, commit ${info.gitCommit}${info.gitDirty ? ' (dirty)' : ''}`);
  } finally {
    await sandbox.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
