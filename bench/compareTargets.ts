import type { Sandbox } from '../src/sandbox/index.js';
import type { FakeServer } from '../src/sandbox/fakeTypes.js';
import type { BenchSettings } from './benchModes.js';
import type { TableRow } from './formatTable.js';
import { measureLight, type LightFigures } from './measureLight.js';
import { measureLoad, type LoadFigures } from './measureLoad.js';
import { benchHeaders, postGraphql, postRaw } from './postGraphql.js';
import { CUSTOMER_360, NAIVE_QUERY, SAME_AS_NAIVE } from './queries.js';
import { sampleRss, type RssTrend } from './sampleRss.js';
import { minorGcBetween, scrapeMinorGc, type MinorGcFigures } from './scrapeGc.js';
import type { BenchCustomer } from './selectCustomers.js';
import type { PinnedProcess } from './spawnPinned.js';
import { startFloorProcess } from './startFloorProcess.js';
import { startNaivePeer } from './startNaivePeer.js';
import type { GatewayProcess } from './startGatewayProcess.js';
import { median } from './median.js';

/** One compared target: how to send it the i-th request of a warm 360 (as a body for autocannon, and one at a time). */
interface Target {
  readonly name: string;
  readonly url: string;
  readonly process: PinnedProcess;
  readonly headers: Record<string, string>;
  readonly body: (i: number) => string;
}

/** Medians over the interleaved rounds of one target. */
export interface ComparedTarget {
  readonly name: string;
  readonly lightP50: number;
  readonly lightP99: number;
  /** Requests per CPU-second of the target at saturation with 0 ms sources (median of rounds). */
  readonly perCore: number;
  readonly rps: number;
  readonly callsPerQuery: number;
  /** Upstream calls per query at saturation (concurrent requests' reads share calls: createCoalescer). */
  readonly callsPerQueryLoaded: number;
  readonly rounds: { readonly light: LightFigures[]; readonly load: LoadFigures[] };
  readonly rss: RssTrend;
  /** The gateway's young-generation GCs during its light rounds, from its /metrics (gateway targets only). */
  readonly lightMinorGc: MinorGcFigures | null;
}

/** The side-by-side of issue 17: the gateway, the naive peer and the floor program, with their ratios. */
export interface Comparison {
  readonly targets: ComparedTarget[];
  readonly ratios: {
    readonly gatewayOverNaivePerCore: number;
    /** The gateway answering the naive peer's own question, over the naive peer. */
    readonly sameQuestionOverNaivePerCore: number;
    readonly gatewayOverFloorPerCore: number;
    readonly p50MinusFloorMs: number;
    readonly p99MinusFloorMs: number;
    /** The same ratios for the naive peer's question (issue 17's workload). */
    readonly sameQuestionOverFloorPerCore: number;
    readonly sameQuestionP50MinusFloorMs: number;
    readonly sameQuestionP99MinusFloorMs: number;
  };
  /**
   * Issue 17's "Done when", measured twice: on the issue's own workload (one customer with contact points, 10
   * orders and 10 tickets: the naive peer's question, `SAME_AS_NAIVE`) and on the bench's full 360.
   */
  readonly doneWhen: ReadonlyArray<{ readonly criterion: string; readonly issueWorkload: DoneWhenFigure; readonly full360: DoneWhenFigure }>;
}

/** One "Done when" criterion measured on one query. */
export interface DoneWhenFigure {
  readonly measured: string;
  readonly met: boolean;
}

function setDelay(servers: readonly FakeServer[], delayMs: number): void {
  for (const s of servers) {
    s.clearFaults();
    if (delayMs > 0) s.addFault({ delayMs });
  }
}

/**
 * Measures the warm 360 on the gateway, the naive peer (Apollo Server + axios, bench/naivePeer.ts) and the floor
 * program (the gateway's calls through its adapters, no GraphQL) in `settings.compareRounds` interleaved rounds
 * (the order rotates each round), each target in its own process pinned to the same core: light load (one
 * request in flight, `delayMs` on every source) and saturation (`connections`, 0 ms sources) per round. The RSS
 * of each process is sampled every second throughout. Every target gets an unmeasured warm-up load first.
 */
export async function compareTargets(inputs: {
  sandbox: Sandbox;
  gateway: GatewayProcess;
  customers: readonly BenchCustomer[];
  settings: BenchSettings;
  pin: { core: number; cores: number };
  log: (line: string) => void;
}): Promise<{ comparison: Comparison; rows: TableRow[] }> {
  const { sandbox, gateway, settings: s, log } = inputs;
  const servers = [sandbox.salesforce, sandbox.shopify, sandbox.zendesk];
  const warm = inputs.customers.slice(0, 100);
  const json = { 'content-type': 'application/json' };
  const naive = await startNaivePeer(sandbox, inputs.pin);
  const floor = await startFloorProcess(sandbox, inputs.pin);
  const sfId = (c: BenchCustomer): string => {
    const ref = c.refs.find((r) => r.source === 'salesforce');
    if (!ref) throw new Error(`bench customer ${c.id} has no salesforce record`);
    return ref.id;
  };
  const targets: Target[] = [
    { name: 'gateway', url: gateway.url, process: gateway, headers: benchHeaders(), body: (i) => JSON.stringify({ query: CUSTOMER_360, variables: { id: warm[i % warm.length]!.id } }) },
    { name: 'naive peer', url: naive.url, process: naive, headers: json, body: (i) => JSON.stringify({ query: NAIVE_QUERY, variables: { id: sfId(warm[i % warm.length]!) } }) },
    { name: 'floor program', url: floor.url, process: floor, headers: json, body: (i) => JSON.stringify({ refs: warm[i % warm.length]!.refs }) },
    // The naive peer's own question (contact points, 10 orders, 10 tickets) asked of the gateway: equal work.
    { name: 'gateway, naive question', url: gateway.url, process: gateway, headers: benchHeaders(), body: (i) => JSON.stringify({ query: SAME_AS_NAIVE, variables: { id: warm[i % warm.length]!.id } }) },
  ];
  const samplers = new Map(targets.map((t) => [t.name, sampleRss(t.process, 1_000)]));
  try {
    // The naive peer must answer what it is asked, or its timings mean nothing.
    const probe = await postGraphql(naive.url, NAIVE_QUERY, { id: sfId(warm[0]!) });
    const probed = (probe.body.data as { customer: { orders: unknown[]; tickets: unknown[] } | null } | undefined)?.customer;
    if (probe.status !== 200 || probe.body.errors || !probed) throw new Error(`naive peer: ${probe.status} ${JSON.stringify(probe.body).slice(0, 300)}`);
    const send = (t: Target) => async (i: number): Promise<void> => {
      const { status, text } = await postRaw(t.url, t.body(i), t.headers);
      if (status !== 200 || (t.name !== 'floor program' && text.includes('"errors"'))) throw new Error(`${t.name} answered ${status}: ${text.slice(0, 300)}`);
    };
    const load = async (t: Target, durationS: number): Promise<LoadFigures> => {
      const f = await measureLoad({ url: t.url, headers: t.headers, body: t.body, connections: s.connections, durationS, rate: null, target: t.process, servers });
      if (f.non2xx > 0 || f.errors > 0) throw new Error(`${t.name}: ${f.non2xx} non-2xx answers and ${f.errors} errors under load`);
      return f;
    };
    setDelay(servers, 0);
    for (const t of targets) await load(t, s.warmupS);
    const light = new Map<string, LightFigures[]>(targets.map((t) => [t.name, []]));
    const sat = new Map<string, LoadFigures[]>(targets.map((t) => [t.name, []]));
    const lightGc = new Map<string, MinorGcFigures[]>(targets.map((t) => [t.name, []]));
    for (let round = 0; round < s.compareRounds; round += 1) {
      const order = targets.map((_, k) => targets[(k + round) % targets.length]!);
      setDelay(servers, s.delayMs);
      for (const t of order) {
        const gcBefore = t.process === gateway ? await scrapeMinorGc(t.url) : null;
        const f = await measureLight(send(t), servers, s.compareLightCount, 5);
        if (gcBefore) lightGc.get(t.name)!.push(minorGcBetween(gcBefore, await scrapeMinorGc(t.url)));
        light.get(t.name)!.push(f);
        log(`compare round ${round + 1} ${t.name}: light p50 ${f.latency.p50.toFixed(2)} p99 ${f.latency.p99.toFixed(2)} ms, ${f.upstreamCallsPerRequest.toFixed(1)} calls`);
      }
      setDelay(servers, 0);
      for (const t of order) {
        const f = await load(t, s.compareLoadS);
        sat.get(t.name)!.push(f);
        log(`compare round ${round + 1} ${t.name}: ${f.requestsPerSecond.toFixed(0)} req/s on ${f.targetCpuCores.toFixed(2)} cores = ${f.requestsPerCpuSecond.toFixed(0)} per core, ${f.upstreamCallsPerRequest.toFixed(1)} calls`);
      }
    }
    setDelay(servers, 0);
    const compared: ComparedTarget[] = targets.map((t) => {
      const l = light.get(t.name)!;
      const z = sat.get(t.name)!;
      return {
        name: t.name,
        lightP50: median(l.map((f) => f.latency.p50)),
        lightP99: median(l.map((f) => f.latency.p99)),
        perCore: median(z.map((f) => f.requestsPerCpuSecond)),
        rps: median(z.map((f) => f.requestsPerSecond)),
        callsPerQuery: median(l.map((f) => f.upstreamCallsPerRequest)),
        callsPerQueryLoaded: median(z.map((f) => f.upstreamCallsPerRequest)),
        rounds: { light: l, load: z },
        rss: samplers.get(t.name)!.stop(),
        lightMinorGc: sumGc(lightGc.get(t.name)!),
      };
    });
    const [g, n, f, same] = compared as [ComparedTarget, ComparedTarget, ComparedTarget, ComparedTarget];
    // Ratios and differences are taken within each round (the targets ran minutes apart at most) and their
    // median reported: the machine's speed drifts between rounds, and a ratio of medians from different rounds
    // would carry that drift.
    const perCoreRatio = (a: ComparedTarget, b: ComparedTarget): number => median(a.rounds.load.map((x, k) => x.requestsPerCpuSecond / b.rounds.load[k]!.requestsPerCpuSecond));
    const lightDelta = (a: ComparedTarget, b: ComparedTarget, p: 'p50' | 'p99'): number => median(a.rounds.light.map((x, k) => x.latency[p] - b.rounds.light[k]!.latency[p]));
    const ratios = {
      gatewayOverNaivePerCore: perCoreRatio(g, n),
      sameQuestionOverNaivePerCore: perCoreRatio(same, n),
      gatewayOverFloorPerCore: perCoreRatio(g, f),
      p50MinusFloorMs: lightDelta(g, f, 'p50'),
      p99MinusFloorMs: lightDelta(g, f, 'p99'),
      sameQuestionOverFloorPerCore: perCoreRatio(same, f),
      sameQuestionP50MinusFloorMs: lightDelta(same, f, 'p50'),
      sameQuestionP99MinusFloorMs: lightDelta(same, f, 'p99'),
    };
    for (let round = 0; round < s.compareRounds; round += 1) {
      const per = (t: ComparedTarget): number => t.rounds.load[round]!.requestsPerCpuSecond;
      log(`compare round ${round + 1} ratios per core: gateway/naive ${(per(g) / per(n)).toFixed(2)}x, naive question/naive ${(per(same) / per(n)).toFixed(2)}x, gateway/floor ${(per(g) / per(f)).toFixed(2)}x, naive question/floor ${(per(same) / per(f)).toFixed(2)}x`);
    }
    const criteria = (t: ComparedTarget): DoneWhenFigure[] => {
      const overNaive = perCoreRatio(t, n);
      const overFloor = perCoreRatio(t, f);
      const p50 = lightDelta(t, f, 'p50');
      const p99 = lightDelta(t, f, 'p99');
      return [
        { measured: `${overNaive.toFixed(2)}x`, met: overNaive >= 2 },
        { measured: `${overFloor.toFixed(2)}x`, met: overFloor >= 0.8 },
        { measured: fmtDelta(p50), met: p50 <= 1 },
        { measured: fmtDelta(p99), met: p99 <= 5 },
        { measured: t.callsPerQuery.toFixed(1), met: t.callsPerQuery <= 3 },
      ];
    };
    const onIssueWorkload = criteria(same);
    const onFull360 = criteria(g);
    const doneWhen = [
      'throughput per core >= 2x naive peer',
      'throughput per core >= 0.8x floor program',
      'light p50 <= floor p50 + 1 ms',
      'light p99 <= floor p99 + 5 ms',
      'upstream calls per query at light load <= sources (3)',
    ].map((criterion, k) => ({ criterion, issueWorkload: onIssueWorkload[k]!, full360: onFull360[k]! }));
    const rows: TableRow[] = compared.map((c) => ({
      query: '360 by id (warm), side by side',
      target: c.name,
      conditions: `${s.compareRounds} interleaved rounds (medians): light ${s.delayMs} ms sources; saturation 0 ms sources, ${s.connections} conns`,
      p50: c.lightP50,
      p99: c.lightP99,
      rps: c.rps,
      rpsPerCore: c.perCore,
      callsPerQuery: c.callsPerQuery,
      peakRssMiB: c.rss.peakMiB,
    }));
    return { comparison: { targets: compared, ratios, doneWhen }, rows };
  } finally {
    for (const sampler of samplers.values()) sampler.stop();
    await naive.stop();
    await floor.stop();
  }
}

/** The comparison as the Markdown the bench prints (and BENCHMARKS.md quotes). */
export function formatComparison(c: Comparison): string {
  const lines = [
    '| target | light p50 / p99 ms | saturation req/s per core, 0 ms sources | req/s | upstream calls/query, light / saturation | peak RSS MiB | RSS trend MiB/min |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...c.targets.map((t) => `| ${t.name} | ${t.lightP50.toFixed(2)} / ${t.lightP99.toFixed(2)} | ${t.perCore.toFixed(0)} | ${t.rps.toFixed(0)} | ${t.callsPerQuery.toFixed(1)} / ${t.callsPerQueryLoaded.toFixed(1)} | ${t.rss.peakMiB.toFixed(0)} | ${t.rss.slopeMiBPerMin.toFixed(1)} |`),
    '',
    `Ratios (medians of the per-round ratios and differences; gateway = the full 360): gateway/naive per core ${c.ratios.gatewayOverNaivePerCore.toFixed(2)}x (the naive question: ${c.ratios.sameQuestionOverNaivePerCore.toFixed(2)}x), gateway/floor per core ${c.ratios.gatewayOverFloorPerCore.toFixed(2)}x (the naive question: ${c.ratios.sameQuestionOverFloorPerCore.toFixed(2)}x), p50 ${fmtDelta(c.ratios.p50MinusFloorMs)} and p99 ${fmtDelta(c.ratios.p99MinusFloorMs)} vs the floor program (the naive question: ${fmtDelta(c.ratios.sameQuestionP50MinusFloorMs)} and ${fmtDelta(c.ratios.sameQuestionP99MinusFloorMs)}).`,
    '',
    ...c.targets.filter((t) => t.lightMinorGc).map((t) => `Young-generation GCs in the ${t.name} process during its light rounds (its /metrics): ${t.lightMinorGc!.count}, mean pause ${t.lightMinorGc!.meanMs.toFixed(1)} ms; ${t.lightMinorGc!.idle} of them ran while it waited for sources (idle-time collection), each of the other ${t.lightMinorGc!.count - t.lightMinorGc!.idle} lands on a light request (p99).`),
    '',
    "Issue 17's workload is one customer with contact points, 10 orders and 10 tickets: the naive peer's question. The full 360 adds the timeline, metrics, segments, consent and data quality.",
    '',
    '| issue 17 "Done when" | issue\'s workload (naive question) | met? | full 360 | met? |',
    '|---|---:|---|---:|---|',
    ...c.doneWhen.map((d) => `| ${d.criterion} | ${d.issueWorkload.measured} | ${d.issueWorkload.met ? 'yes' : 'no'} | ${d.full360.measured} | ${d.full360.met ? 'yes' : 'no'} |`),
  ];
  return lines.join('\n');
}

const fmtDelta = (ms: number): string => `${ms >= 0 ? '+' : ''}${ms.toFixed(2)} ms`;

/** The rounds' minor GCs together (null for a target with no /metrics). */
function sumGc(rounds: readonly MinorGcFigures[]): MinorGcFigures | null {
  if (rounds.length === 0) return null;
  const count = rounds.reduce((n, r) => n + r.count, 0);
  return { count, meanMs: count === 0 ? 0 : rounds.reduce((ms, r) => ms + r.count * r.meanMs, 0) / count, idle: rounds.reduce((n, r) => n + r.idle, 0) };
}
