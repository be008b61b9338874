/**
 * `node dist/bench/compareBuilds.js --cli <other build's dist/src/cli.js> [flags]`: CPU per warm 360 of this
 * build and another (e.g. the commit before a change), measured side by side: both gateways run at once, each
 * in its own process pinned to core 1, and are loaded in alternating rounds (autocannon, 16 connections, 0 ms
 * sources); per round, CPU-milliseconds the process used per answered query (/proc). CPU time per query is far
 * less sensitive to other work on the machine than req/s; alternating rounds cancel most of what remains.
 * Flags: `--mode live|cached` (cached: source reads cached, only the gateway's own work; default live),
 * `--rounds <n>` (5), `--seconds <n>` per round (6), `--transport undici|node` for this build, `--query 360|same`
 * (the full 360, default, or issue 17's workload: the naive peer's question), `--connections <n>` (16; 64 is the
 * bench's saturation). `--cli naive` (with `--query same`): the naive peer (bench/naivePeer.ts) asked its own
 * question instead of another build, alternating with this build the same way: the bench's side-by-side ratio
 * with as many rounds as asked, for a machine too noisy for three.
 */
import { parseArgs } from 'node:util';
import { generateDataset } from '../src/sandbox/dataset/index.js';
import { startSandbox } from '../src/sandbox/index.js';
import { UNTHROTTLED_SHOPIFY } from './benchModes.js';
import { machineInfo } from './machineInfo.js';
import { measureLoad } from './measureLoad.js';
import { benchHeaders } from './postGraphql.js';
import { CUSTOMER_360, NAIVE_QUERY, SAME_AS_NAIVE } from './queries.js';
import { selectCustomers } from './selectCustomers.js';
import { pinProcess } from './spawnPinned.js';
import { startGatewayProcess } from './startGatewayProcess.js';
import { startNaivePeer } from './startNaivePeer.js';
import type { PinnedProcess } from './spawnPinned.js';
import { median } from './median.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { cli: { type: 'string' }, mode: { type: 'string', default: 'live' }, rounds: { type: 'string', default: '5' }, seconds: { type: 'string', default: '6' }, transport: { type: 'string' }, query: { type: 'string', default: '360' }, connections: { type: 'string', default: '16' } } });
  if (values.query !== '360' && values.query !== 'same') throw new Error(`--query must be 360 or same, got ${values.query}`);
  const query = values.query === 'same' ? SAME_AS_NAIVE : CUSTOMER_360;
  const connections = Number(values.connections);
  if (!Number.isInteger(connections) || connections < 1) throw new Error(`--connections must be a positive integer, got ${values.connections}`);
  if (!values.cli) throw new Error('--cli <path of the other build’s dist/src/cli.js, or naive> is required');
  if (values.cli === 'naive' && (values.query !== 'same' || values.mode !== 'live')) throw new Error('--cli naive compares the naive peer with this build on its own question: use --query same and --mode live');
  const machine = machineInfo();
  pinProcess(process.pid, 0, machine.nproc);
  const dataset = generateDataset({ size: 1_000, seed: 42 });
  const sandbox = await startSandbox({ dataset, shopifyBucket: UNTHROTTLED_SHOPIFY });
  const servers = [sandbox.salesforce, sandbox.shopify, sandbox.zendesk];
  const pin = { core: 1, cores: machine.nproc, logLevel: 'warn' };
  const cache = values.mode === 'cached' ? { sourceCacheTtlMs: 600_000 } : {};
  const builds: Array<{ name: string; target: PinnedProcess; url: string; headers: Record<string, string>; body: (i: number) => string; stop(): Promise<void>; cpuMs: number[] }> = [];
  try {
    const self = await startGatewayProcess(sandbox, { name: 'this build', ...cache, ...(values.transport ? { env: { C360_HTTP_TRANSPORT: values.transport } } : {}) }, pin);
    builds.push({ name: 'this build', target: self, url: self.url, headers: benchHeaders(), body: () => '', stop: () => self.stop(), cpuMs: [] });
    // Both builds resolve the same customers the same way first (an A/A run measured this build ~6-10 % cheaper
    // when only it had done the selection's lookups).
    const customers = await selectCustomers(self.url, dataset, 100);
    const ids = customers.map((c) => c.id);
    builds[0] = { ...builds[0]!, body: (i) => JSON.stringify({ query, variables: { id: ids[i % ids.length]! } }) };
    if (values.cli === 'naive') {
      // The naive peer asked its own question, by Salesforce contact id, as in the bench's side by side.
      const naive = await startNaivePeer(sandbox, { core: pin.core, cores: pin.cores });
      const sfIds = customers.map((c) => c.refs.find((r) => r.source === 'salesforce')?.id);
      if (sfIds.some((id) => id === undefined)) throw new Error('a bench customer has no Salesforce record');
      builds.push({ name: 'naive peer', target: naive, url: naive.url, headers: { 'content-type': 'application/json' }, body: (i) => JSON.stringify({ query: NAIVE_QUERY, variables: { id: sfIds[i % sfIds.length]! } }), stop: () => naive.stop(), cpuMs: [] });
    } else {
      const other = await startGatewayProcess(sandbox, { name: 'other build', cli: values.cli, ...cache }, pin);
      await selectCustomers(other.url, dataset, 100);
      builds.push({ name: values.cli, target: other, url: other.url, headers: benchHeaders(), body: builds[0]!.body, stop: () => other.stop(), cpuMs: [] });
    }
    const load = (b: (typeof builds)[number], durationS: number) => measureLoad({ url: b.url, headers: b.headers, body: b.body, connections, durationS, rate: null, target: b.target, servers });
    console.log(`compare builds (${values.mode}): ${machine.cpuModel} × ${machine.nproc}, load average ${machine.loadAverage.join(' ')}, ${values.rounds} alternating rounds of ${values.seconds} s, ${connections} connections, 0 ms sources, query ${values.query}`);
    for (const b of builds) await load(b, 8); // unmeasured warm-up (crosswalk, JIT)
    for (let r = 0; r < Number(values.rounds); r += 1) {
      for (const b of r % 2 === 0 ? builds : [...builds].reverse()) {
        const f = await load(b, Number(values.seconds));
        if (f.non2xx > 0 || f.errors > 0) throw new Error(`${b.name}: ${f.non2xx} non-2xx, ${f.errors} errors`);
        b.cpuMs.push(1000 / f.requestsPerCpuSecond);
        console.log(`round ${r + 1} ${b.name}: ${(1000 / f.requestsPerCpuSecond).toFixed(3)} CPU ms per query (${f.completed} queries, ${f.targetCpuCores.toFixed(2)} cores, ${f.upstreamCallsPerRequest.toFixed(1)} calls)`);
      }
    }
    const [a, b] = builds as [(typeof builds)[0], (typeof builds)[0]];
    console.log(`\nmedian CPU ms per query: this build ${median(a.cpuMs).toFixed(3)}, ${b.name} ${median(b.cpuMs).toFixed(3)}; ratio ${(median(a.cpuMs) / median(b.cpuMs)).toFixed(3)}`);
    // Each round's own ratio too: the machine's speed drifts between rounds more than within one.
    const perRound = a.cpuMs.map((ms, r) => ms / b.cpuMs[r]!);
    console.log(`per-round ratios ${perRound.map((x) => x.toFixed(2)).join(' ')}; median ${median(perRound).toFixed(3)}`);
    if (b.name === 'naive peer') console.log(`this build answers ${median(perRound.map((x) => 1 / x)).toFixed(2)}x the naive peer's queries per CPU-second (median of the rounds; per round ${perRound.map((x) => (1 / x).toFixed(2)).join(' ')})`);
  } finally {
    for (const b of builds) await b.stop();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(`compare builds failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
