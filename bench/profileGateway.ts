/**
 * `node dist/bench/profileGateway.js [seconds] [query]`: runs the built gateway under `--cpu-prof` against the
 * sandbox (delay 20 ms on every route), loads it with autocannon (64 connections, warm 360 query by default,
 * `same` (the naive peer's question, SAME_AS_NAIVE) or `lookup`; a third argument `cached` caches source reads 60 s, a fourth sets the connections), stops it, and prints the top functions by self time from the written .cpuprofile.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset } from '../src/sandbox/dataset/index.js';
import { startSandbox } from '../src/sandbox/index.js';
import { UNTHROTTLED_SHOPIFY } from './benchModes.js';
import { machineInfo } from './machineInfo.js';
import { measureLoad } from './measureLoad.js';
import { benchHeaders } from './postGraphql.js';
import { CUSTOMER_360, LOOKUP_BY_EMAIL, SAME_AS_NAIVE } from './queries.js';
import { selectCustomers } from './selectCustomers.js';
import { pinProcess } from './spawnPinned.js';
import { startFloorProcess } from './startFloorProcess.js';
import { startGatewayProcess } from './startGatewayProcess.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self time per function (ms) and per package/folder, top `n`, from a V8 .cpuprofile. */
export function summarizeProfile(profile: Profile, n: number): { functions: Array<[string, number]>; areas: Array<[string, number]>; totalMs: number } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    total += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const short = url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, '');
    const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    const area = url === '' ? functionName : url.includes('node_modules/') ? (url.split('node_modules/')[1] ?? '').split('/').slice(0, url.includes('node_modules/@') ? 2 : 1).join('/') : url.startsWith('node:') ? 'node internals' : short.split('/').slice(0, 2).join('/');
    areas.set(area, (areas.get(area) ?? 0) + ms);
  });
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { functions: top(self), areas: top(areas), totalMs: total };
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 10);
  const which = process.argv[3] ?? '360';
  // `cached` as the third argument: source reads cached 60 s, so the profile shows the gateway's own work.
  const cached = process.argv[4] === 'cached';
  // Connections as the fourth argument (default 64); 1 profiles light load.
  const connections = Number(process.argv[5] ?? 64);
  const machine = machineInfo();
  pinProcess(process.pid, 0, machine.nproc);
  const dataset = generateDataset({ size: 1_000, seed: 42 });
  const sandbox = await startSandbox({ dataset, shopifyBucket: UNTHROTTLED_SHOPIFY });
  const dir = mkdtempSync(join(tmpdir(), 'c360-prof-'));
  const nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...(process.env.C360_PROFILE_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const gateway = await startGatewayProcess(sandbox, { name: 'gateway', ...(cached ? { sourceCacheTtlMs: 60_000 } : {}) }, { core: 1, cores: machine.nproc, logLevel: 'warn', nodeArgs: which === 'floor' ? [] : nodeArgs });
  // `floor` as the query: profile the floor program (bench/floorServer.ts) making the same calls, for contrast.
  const floor = which === 'floor' ? await startFloorProcess(sandbox, { core: 1, cores: machine.nproc, nodeArgs }) : null;
  const servers = [sandbox.salesforce, sandbox.shopify, sandbox.zendesk];
  try {
    const customers = await selectCustomers(gateway.url, dataset, 100);
    for (const s of servers) s.addFault({ delayMs: 20 });
    const body = (i: number): string => (which === 'lookup' ? JSON.stringify({ query: LOOKUP_BY_EMAIL, variables: { q: customers[i % customers.length]!.email } }) : JSON.stringify({ query: which === 'same' ? SAME_AS_NAIVE : CUSTOMER_360, variables: { id: customers[i % customers.length]!.id } }));
    const f = floor
      ? await measureLoad({ url: floor.url, headers: { 'content-type': 'application/json' }, body: (i) => JSON.stringify({ refs: customers[i % customers.length]!.refs }), connections, durationS: seconds, rate: null, target: floor, servers })
      : await measureLoad({ url: gateway.url, headers: benchHeaders(), body, connections, durationS: seconds, rate: null, target: gateway, servers });
    console.log(`${which}: ${f.requestsPerSecond.toFixed(0)} req/s, ${f.targetCpuCores.toFixed(2)} cores, ${f.requestsPerCpuSecond.toFixed(0)} req/CPU-s, ${f.upstreamCallsPerRequest.toFixed(1)} calls/req, non2xx ${f.non2xx}`);
  } finally {
    await floor?.stop();
    await gateway.stop();
    await sandbox.close();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const summary = summarizeProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile, 40);
  console.log(`profile: ${join(dir, file)} (${summary.totalMs.toFixed(0)} ms sampled)`);
  console.log('\nself time by area:');
  for (const [k, v] of summary.areas.slice(0, 15)) console.log(`${((100 * v) / summary.totalMs).toFixed(1).padStart(5)}%  ${k}`);
  console.log('\nself time by function:');
  for (const [k, v] of summary.functions) console.log(`${((100 * v) / summary.totalMs).toFixed(1).padStart(5)}%  ${k}`);
}

main().catch((error: unknown) => {
  console.error(`profile failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
