import type { Sandbox } from '../src/sandbox/index.js';
import type { FakeServer } from '../src/sandbox/fakeTypes.js';
import type { BenchSettings } from './benchModes.js';
import type { TableRow } from './formatTable.js';
import { measureLight, type LightFigures } from './measureLight.js';
import { measureLoad, type LoadFigures } from './measureLoad.js';
import { measurePaced } from './measurePaced.js';
import { benchHeaders, postGraphql, postRaw } from './postGraphql.js';
import { CUSTOMER_360, CUSTOMER_BY_SOURCE, CUSTOMER_LIST, CUSTOMER_ORDERS, LOOKUP_BY_EMAIL, listVariables } from './queries.js';
import type { BenchCustomer } from './selectCustomers.js';
import { startFloorProcess } from './startFloorProcess.js';
import { startGatewayProcess, type GatewayProcess } from './startGatewayProcess.js';

/** Inputs of {@link runPhases}. */
export interface PhaseInputs {
  readonly sandbox: Sandbox;
  /** The default gateway, already started (crosswalk warm for `customers`). */
  readonly gateway: GatewayProcess;
  readonly customers: readonly BenchCustomer[];
  readonly shopifyCustomerId: string;
  /** Gateway ids of customers never resolved before (for cold-crosswalk runs), in a fixed order. */
  readonly coldIds: readonly string[];
  readonly settings: BenchSettings;
  readonly pin: { core: number; cores: number; logLevel: string };
  readonly log: (line: string) => void;
}

/** Every measurement of a run, by name, plus the summary rows. */
export interface PhaseResults {
  readonly rows: TableRow[];
  readonly figures: Record<string, LightFigures | LoadFigures | Record<string, unknown>>;
}

/** Sets one delay rule (fixed + uniform jitter, ms) on every route of each server; clears older rules. */
function setLatency(servers: readonly FakeServer[], delayMs: number, jitterMs: number, slow?: { server: FakeServer; delayMs: number }): void {
  for (const s of servers) {
    s.clearFaults();
    const d = slow && slow.server === s ? slow.delayMs : delayMs;
    s.addFault({ delayMs: d, ...(jitterMs > 0 ? { jitterMs } : {}) });
  }
}

/** A sender for measureLight: POSTs the operation, reads the whole answer, and counts GraphQL errors. */
function gqlSender(url: string, query: string, variables: (i: number) => Record<string, unknown>, errors: { count: number; first?: string }) {
  return async (i: number): Promise<void> => {
    const { status, body } = await postGraphql(url, query, variables(i));
    if (status !== 200 || body.errors) {
      errors.count += 1;
      errors.first ??= `HTTP ${status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`;
    }
  };
}

const lightRow = (query: string, target: string, conditions: string, f: LightFigures): TableRow => ({
  query,
  target,
  conditions,
  p50: f.latency.p50,
  p95: f.latency.p95,
  p99: f.latency.p99,
  overheadP50: f.overheadAboveFloor.p50,
  overheadP99: f.overheadAboveFloor.p99,
  callsPerQuery: f.upstreamCallsPerRequest,
});

const loadRow = (query: string, target: string, conditions: string, f: LoadFigures): TableRow => ({
  query,
  target,
  conditions,
  p50: f.latency.p50,
  p95: f.latency.p95,
  p99: f.latency.p99,
  rps: f.requestsPerSecond,
  rpsPerCore: f.requestsPerCpuSecond,
  callsPerQuery: f.upstreamCallsPerRequest,
});

/**
 * Runs every timed phase (light load one request at a time; saturation with autocannon; 50 % of saturation with
 * evenly paced open-loop requests, measurePaced) on the default gateway, the floor program and the two ablations, each in its own pinned
 * process started and stopped here (except the default gateway). Throws when any answer had an error.
 */
export async function runPhases(inputs: PhaseInputs): Promise<PhaseResults> {
  const { sandbox, gateway, customers, settings: s, log } = inputs;
  const servers = [sandbox.salesforce, sandbox.shopify, sandbox.zendesk];
  const rows: TableRow[] = [];
  const figures: PhaseResults['figures'] = {};
  const errors = { count: 0 } as { count: number; first?: string };
  const fixed = `delay ${s.delayMs} ms`;
  const warm = customers.slice(0, 100);
  // `tolerate`: an ablation may fail where the gateway does not (that is its finding): count, don't abort.
  const light = async (name: string, send: (i: number) => Promise<void>, count: number, warmup = 5, tolerate = false): Promise<LightFigures> => {
    const f = await measureLight(send, servers, count, warmup);
    figures[name] = { ...f, answersWithErrors: errors.count, firstError: errors.first ?? null };
    if (errors.count > 0 && !tolerate) throw new Error(`${name}: ${errors.count} answers with errors, first: ${errors.first}`);
    if (errors.count > 0) log(`${name}: ${errors.count} answers had errors (tolerated in an ablation), first: ${errors.first}`);
    errors.count = 0;
    delete errors.first;
    log(`${name}: p50 ${f.latency.p50.toFixed(2)} ms, overhead p50 ${f.overheadAboveFloor.p50.toFixed(2)} / p99 ${f.overheadAboveFloor.p99.toFixed(2)} ms, ${f.upstreamCallsPerRequest.toFixed(1)} calls`);
    return f;
  };
  // Processes that have had their unmeasured warm-up load (settings.warmupS) before a measured one.
  const warmed = new Set<object>();
  const load = async (name: string, url: string, body: (i: number) => string, target: GatewayProcess | Awaited<ReturnType<typeof startFloorProcess>>, rate: number | null): Promise<LoadFigures> => {
    const common = { url, headers: benchHeaders(), body, connections: s.connections, durationS: s.loadDurationS, target, servers };
    if (!warmed.has(target)) {
      warmed.add(target);
      await measureLoad({ ...common, durationS: s.warmupS, rate: null });
    }
    const f = rate === null ? await measureLoad({ ...common, rate: null }) : await measurePaced({ ...common, rate });
    figures[name] = f;
    if (f.non2xx > 0 || f.errors > 0) throw new Error(`${name}: ${f.non2xx} non-2xx answers and ${f.errors} errors under load`);
    log(`${name}: ${f.requestsPerSecond.toFixed(0)} req/s using ${f.targetCpuCores.toFixed(2)} cores of the target, p50 ${f.latency.p50.toFixed(1)} p99 ${f.latency.p99.toFixed(1)} ms`);
    return f;
  };
  const body360 = (i: number): string => JSON.stringify({ query: CUSTOMER_360, variables: { id: warm[i % warm.length]!.id } });
  const send360 = (url: string) => gqlSender(url, CUSTOMER_360, (i) => ({ id: warm[i % warm.length]!.id }), errors);

  setLatency(servers, s.delayMs, 0);
  // 1. Agent 360, warm crosswalk.
  const w360 = await light('360 warm light', send360(gateway.url), s.lightCount, 20);
  rows.push(lightRow('360 by id (warm)', 'gateway', `${fixed}, 1 in flight`, w360));
  const sat360 = await load('360 warm saturation', gateway.url, body360, gateway, null);
  rows.push(loadRow('360 by id (warm)', 'gateway', `${fixed}, ${s.connections} conns, saturation`, sat360));
  const half360 = await load('360 warm 50%', gateway.url, body360, gateway, Math.max(1, Math.round(sat360.requestsPerSecond / 2)));
  rows.push(loadRow('360 by id (warm)', 'gateway', `${fixed}, 50% of saturation`, half360));

  // 2. Jittered latency.
  setLatency(servers, s.delayMs, s.jitterMs);
  const jit = await light('360 warm jitter light', send360(gateway.url), s.lightCount);
  rows.push(lightRow('360 by id (warm)', 'gateway', `delay ${s.delayMs}+U(0,${s.jitterMs}) ms, 1 in flight`, jit));

  // 3. One source slow (Zendesk).
  setLatency(servers, s.delayMs, 0, { server: sandbox.zendesk, delayMs: s.slowDelayMs });
  const slow = await light('360 one slow source light', send360(gateway.url), Math.ceil(s.lightCount / 2));
  rows.push(lightRow('360 by id (warm), Zendesk slow', 'gateway', `Zendesk ${s.slowDelayMs} ms, others ${s.delayMs} ms`, slow));
  setLatency(servers, s.delayMs, 0);

  // 4. customerLookup by email.
  // 50 emails in rotation, each asked once before measuring: the crosswalk holds their key entries (warm).
  const lookupVars = (i: number) => ({ q: customers[i % 50]!.email });
  const lookup = await light('lookup by email light', gqlSender(gateway.url, LOOKUP_BY_EMAIL, lookupVars, errors), Math.ceil(s.lightCount / 2), 50);
  rows.push(lightRow('customerLookup(email) (warm)', 'gateway', `${fixed}, 1 in flight`, lookup));
  const lookupSat = await load('lookup by email saturation', gateway.url, (i) => JSON.stringify({ query: LOOKUP_BY_EMAIL, variables: lookupVars(i) }), gateway, null);
  rows.push(loadRow('customerLookup(email) (warm)', 'gateway', `${fixed}, ${s.connections} conns, saturation`, lookupSat));

  // 5. Lists of 1 / 10 / 50 / 200 (two aliases of ≤ 100 ids).
  const lists = async (target: GatewayProcess, label: string): Promise<void> => {
    for (const n of [1, 10, 50, 200]) {
      const vars = listVariables(customers.slice(0, n).map((c) => c.id));
      const tolerate = target !== gateway;
      const before = errors.count;
      const f = await light(`list ${n} ${label} light`, gqlSender(target.url, CUSTOMER_LIST, () => vars, errors), s.listCount, 2, tolerate);
      const failed = (figures[`list ${n} ${label} light`] as { answersWithErrors: number }).answersWithErrors - before;
      rows.push(lightRow(`list of ${n} + orders + tickets`, label, `${fixed}, 1 in flight${failed > 0 ? `, ${failed}/${s.listCount + 2} answers with errors` : ''}`, f));
    }
  };
  await lists(gateway, 'gateway');

  // 6. One customer with 1 000 orders (first page of 100, metrics over all of them).
  const heavy = await postGraphql(gateway.url, CUSTOMER_BY_SOURCE, { source: 'shopify', id: inputs.shopifyCustomerId });
  const heavyId = (heavy.body.data as { customerBySource: { id: string } | null } | undefined)?.customerBySource?.id;
  if (!heavyId) throw new Error(`heavy-orders customer shopify/${inputs.shopifyCustomerId} did not resolve`);
  const heavyF = await light('1000 orders light', gqlSender(gateway.url, CUSTOMER_ORDERS, () => ({ id: heavyId }), errors), Math.max(5, Math.ceil(s.listCount / 2)), 2);
  rows.push(lightRow('customer with 1,000 orders', 'gateway', `${fixed}, 1 in flight`, heavyF));
  rows.push({ query: 'all of the above', target: 'gateway', conditions: 'peak RSS of the gateway process', peakRssMiB: gateway.peakRssMiB() });
  figures['gateway peak RSS MiB'] = { peakRssMiB: gateway.peakRssMiB(), rssMiB: gateway.rssMiB() };

  // 7. Floor program: same upstream calls with Promise.all, no GraphQL.
  const floor = await startFloorProcess(sandbox, inputs.pin);
  try {
    const floorBody = (i: number): string => JSON.stringify({ refs: warm[i % warm.length]!.refs });
    const floorSend = (body: (i: number) => string) => async (i: number): Promise<void> => {
      const { status } = await postRaw(floor.url, body(i), { 'content-type': 'application/json' });
      if (status !== 200) throw new Error(`floor program answered ${status}`);
    };
    const fl = await light('floor light', floorSend(floorBody), s.lightCount, 20);
    rows.push(lightRow('360 upstream calls only', 'floor program', `${fixed}, 1 in flight`, fl));
    // The raw floor: the exact upstream requests of warm 360 queries, replayed with plain node:http.
    const replays = await recordUpstreamRequests(gateway.url, servers, warm.slice(0, 20).map((c) => c.id));
    const raw = await light('raw floor light', floorSend((i) => JSON.stringify({ replay: replays[i % replays.length] })), s.lightCount, 20);
    rows.push(lightRow('360 upstream requests replayed', 'raw floor (node:http)', `${fixed}, 1 in flight`, raw));
    const flSat = await load('floor saturation', floor.url, floorBody, floor, null);
    rows.push(loadRow('360 upstream calls only', 'floor program', `${fixed}, ${s.connections} conns, saturation`, flSat));
    const flHalf = await load('floor 50%', floor.url, floorBody, floor, Math.max(1, Math.round(flSat.requestsPerSecond / 2)));
    rows.push(loadRow('360 upstream calls only', 'floor program', `${fixed}, 50% of saturation`, flHalf));
    figures['floor peak RSS MiB'] = { peakRssMiB: floor.peakRssMiB() };
  } finally {
    await floor.stop();
  }
  // The default gateway is idle from here on; stop it so the ablations get core 1 alone.
  await gateway.stop();

  // 8. Cold crosswalk: a fresh gateway process, and people the bench never resolved, each asked once (the
  // gateway id is derived from the Salesforce anchor ref). `identity.cacheMax: 1` is not usable as a
  // "crosswalk off" switch: see BENCHMARKS.md (resolutions evicting each other fail).
  const cold = await startGatewayProcess(sandbox, { name: 'cold crosswalk' }, inputs.pin);
  // No warm-up load for it: its load body draws from the pool of never-resolved customers.
  warmed.add(cold);
  try {
    const pool = inputs.coldIds;
    let next = 0;
    const takeCold = (): string => {
      if (next >= pool.length) throw new Error(`cold pool of ${pool.length} customers used up; lower coldCount or loadDurationS`);
      return pool[next++]!;
    };
    const c = await light('360 cold light', gqlSender(cold.url, CUSTOMER_360, () => ({ id: takeCold() }), errors), s.coldCount, 3);
    rows.push(lightRow('360 by id (cold crosswalk)', 'gateway, fresh', `${fixed}, 1 in flight, each customer once`, c));
    const remaining = pool.length - next;
    const cSat = await load('360 cold saturation', cold.url, () => JSON.stringify({ query: CUSTOMER_360, variables: { id: pool[Math.min(next++, pool.length - 1)]! } }), cold, null);
    const coldShare = Math.min(1, remaining / Math.max(1, cSat.completed));
    figures['360 cold saturation'] = { ...cSat, coldShare };
    rows.push(loadRow('360 by id (cold crosswalk)', 'gateway, fresh', `${fixed}, ${s.connections} conns, saturation, ${(100 * coldShare).toFixed(0)}% cold`, cSat));
    figures['cold gateway peak RSS MiB'] = { peakRssMiB: cold.peakRssMiB() };
  } finally {
    await cold.stop();
  }

  // 9. Ablation: batching off.
  const unbatched = await startGatewayProcess(sandbox, { name: 'batching off', batching: false }, inputs.pin);
  try {
    // Warm its crosswalk for the list customers first, so only batching differs from the default gateway.
    for (const c of customers.slice(0, 200)) await postGraphql(unbatched.url, CUSTOMER_360, { id: c.id });
    const b360 = await light('360 warm batching off light', send360(unbatched.url), s.lightCount, 5);
    rows.push(lightRow('360 by id (warm)', 'batching off', `${fixed}, 1 in flight`, b360));
    const bSat = await load('360 warm batching off saturation', unbatched.url, body360, unbatched, null);
    rows.push(loadRow('360 by id (warm)', 'batching off', `${fixed}, ${s.connections} conns, saturation`, bSat));
    await lists(unbatched, 'batching off');
    figures['batching off peak RSS MiB'] = { peakRssMiB: unbatched.peakRssMiB() };
  } finally {
    await unbatched.stop();
  }
  // 10. Ablation: V8's default young generation (no --max-semi-space-size), saturation only.
  const v8Defaults = await startGatewayProcess(sandbox, { name: 'V8 defaults', nodeArgs: [] }, inputs.pin);
  try {
    const vSat = await load('360 warm V8 defaults saturation', v8Defaults.url, body360, v8Defaults, null);
    rows.push(loadRow('360 by id (warm)', 'V8 default young generation', `${fixed}, ${s.connections} conns, saturation`, vSat));
    figures['V8 defaults peak RSS MiB'] = { peakRssMiB: v8Defaults.peakRssMiB() };
  } finally {
    await v8Defaults.stop();
  }
  // 11. Diagnostic: the same warm 360 with source reads cached for 60 s (no upstream calls once warm), to
  // separate the gateway's own CPU (GraphQL, identity, unification) from the upstream HTTP calls'.
  const cached = await startGatewayProcess(sandbox, { name: 'source cache 60 s', sourceCacheTtlMs: 60_000 }, inputs.pin);
  try {
    for (const c of warm) await postGraphql(cached.url, CUSTOMER_360, { id: c.id });
    const k = await light('360 warm source-cached light', send360(cached.url), s.lightCount, 5);
    rows.push(lightRow('360 by id (warm)', 'source cache 60 s', `${fixed} (not reached: cached), 1 in flight`, k));
    const kSat = await load('360 warm source-cached saturation', cached.url, body360, cached, null);
    rows.push(loadRow('360 by id (warm)', 'source cache 60 s', `${s.connections} conns, saturation`, kSat));
  } finally {
    await cached.stop();
  }
  for (const server of servers) server.clearFaults();
  return { rows, figures };
}

/**
 * The upstream requests each of `ids`' warm 360 queries made, as the sandbox logged them (method, absolute URL,
 * headers, body), for the raw floor to send again. One query at a time, so each log holds only its calls.
 */
async function recordUpstreamRequests(url: string, servers: readonly FakeServer[], ids: readonly string[]): Promise<Array<Array<{ method: string; url: string; headers: Record<string, string>; body: string }>>> {
  const sets = [];
  for (const id of ids) {
    for (const s of servers) s.clearRequests();
    const { status, body } = await postGraphql(url, CUSTOMER_360, { id });
    if (status !== 200 || body.errors) throw new Error(`recording upstream requests: ${status} ${JSON.stringify(body.errors ?? body).slice(0, 200)}`);
    sets.push(
      servers.flatMap((s) =>
        s.requests().map((e) => {
          const query = new URLSearchParams(e.query).toString();
          const { host: _h, connection: _c, 'content-length': _l, ...headers } = e.headers;
          return { method: e.method, url: `${s.origin}${e.path}${query ? `?${query}` : ''}`, headers, body: e.body };
        }),
      ),
    );
  }
  for (const s of servers) s.clearRequests();
  return sets;
}
