/**
 * `node dist/bench/traceLightGc.js [n] [same|360] [--cli <other build's dist/src/cli.js>] [--rounds <k>]`: the
 * gateway's young-generation collections at light load. Each build runs as its own process pinned to core 1
 * with V8's `--trace-gc-nvp` (its stdout to a temporary file), answers 100 warm-up queries and then `n` (default
 * 1 500) one at a time (the naive peer's question `same`, default, or the full `360`; sources delayed 20 ms);
 * per build and round it prints the latency p50/p99 and, over the scavenges of the measured part, how many,
 * their median pause and the median bytes each promoted and kept, the other collections (kinds, longest pause) and
 * the five slowest requests. With `--cli`, the two builds alternate for
 * `--rounds` rounds (default 2). `--after-load <s>` first loads each gateway at saturation for that many seconds
 * (autocannon, 64 connections, 0 ms sources), as the bench's light rounds follow its saturation rounds: V8 then
 * keeps the young generation it grew under load. `--customers <n>` (default 20): how many customers the queries
 * cycle through (the bench uses 240). Light-load p99 is a scavenge landing on a request
 * (BENCHMARKS.md, issue 17).
 */
import { closeSync, mkdtempSync, openSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset } from '../src/sandbox/dataset/index.js';
import { startSandbox } from '../src/sandbox/index.js';
import { UNTHROTTLED_SHOPIFY } from './benchModes.js';
import { machineInfo } from './machineInfo.js';
import { measureLoad } from './measureLoad.js';
import { parseGcTrace } from './parseGcTrace.js';
import { percentiles } from './percentiles.js';
import { benchHeaders, postGraphql } from './postGraphql.js';
import { CUSTOMER_360, SAME_AS_NAIVE } from './queries.js';
import { selectCustomers } from './selectCustomers.js';
import { pinProcess } from './spawnPinned.js';
import { startGatewayProcess } from './startGatewayProcess.js';
import { median } from './median.js';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { cli: { type: 'string' }, rounds: { type: 'string', default: '2' }, 'after-load': { type: 'string', default: '0' }, customers: { type: 'string', default: '20' } } });
  const customerCount = Number(values.customers);
  if (!Number.isInteger(customerCount) || customerCount < 1) throw new Error(`--customers: a positive integer, got ${values.customers}`);
  const afterLoadS = Number(values['after-load']);
  if (!Number.isFinite(afterLoadS) || afterLoadS < 0) throw new Error(`--after-load: seconds, got ${values['after-load']}`);
  const n = Number(positionals[0] ?? 1_500);
  const which = positionals[1] ?? 'same';
  if (!Number.isInteger(n) || n < 1) throw new Error(`n: a positive integer, got ${positionals[0]}`);
  if (which !== 'same' && which !== '360') throw new Error(`query: same or 360, got ${which}`);
  const machine = machineInfo();
  pinProcess(process.pid, 0, machine.nproc);
  const dataset = generateDataset({ size: 1_000, seed: 42 });
  const sandbox = await startSandbox({ dataset, shopifyBucket: UNTHROTTLED_SHOPIFY });
  const builds = [{ name: 'this build', cli: undefined as string | undefined }, ...(values.cli ? [{ name: values.cli, cli: values.cli }] : [])];
  const rounds = values.cli ? Number(values.rounds) : 1;
  const dir = mkdtempSync(join(tmpdir(), 'c360-gc-'));
  const loaded = afterLoadS > 0 ? `, after ${afterLoadS} s at saturation` : '';
  console.log(`light-load GC (${which}, ${n} queries one at a time, 20 ms sources${loaded}): ${machine.cpuModel} × ${machine.nproc}, Node ${process.version}`);
  try {
    for (let round = 0; round < rounds; round += 1) {
      for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
        const tracePath = join(dir, `round${round}-${builds.indexOf(build)}.log`);
        const fd = openSync(tracePath, 'w');
        const gateway = await startGatewayProcess(sandbox, { name: build.name, ...(build.cli ? { cli: build.cli } : {}) }, { core: 1, cores: machine.nproc, logLevel: 'warn', nodeArgs: ['--trace-gc-nvp'], stdoutFd: fd });
        try {
          const customers = await selectCustomers(gateway.url, dataset, customerCount);
          const query = which === 'same' ? SAME_AS_NAIVE : CUSTOMER_360;
          const ask = async (i: number): Promise<void> => {
            const answer = await postGraphql(gateway.url, query, { id: customers[i % customers.length]!.id });
            if (answer.body.errors !== undefined) throw new Error(`${build.name}: errors in an answer: ${JSON.stringify(answer.body.errors).slice(0, 300)}`);
          };
          const servers = [sandbox.salesforce, sandbox.shopify, sandbox.zendesk];
          if (afterLoadS > 0) {
            const body = (i: number): string => JSON.stringify({ query, variables: { id: customers[i % customers.length]!.id } });
            await measureLoad({ url: gateway.url, headers: benchHeaders(), body, connections: 64, durationS: afterLoadS, rate: null, target: gateway, servers });
          }
          for (const s of servers) s.addFault({ delayMs: 20 });
          for (let i = 0; i < 100; i += 1) await ask(i);
          const warmBytes = statSync(tracePath).size;
          const latencies: number[] = [];
          for (let i = 0; i < n; i += 1) {
            const started = performance.now();
            await ask(i);
            latencies.push(performance.now() - started);
          }
          const collections = parseGcTrace(readFileSync(tracePath).subarray(warmBytes).toString('utf8'));
          const scavenges = collections.filter((e) => e.kind === 's');
          const others = collections.filter((e) => e.kind !== 's');
          const l = percentiles(latencies);
          const kib = (bytes: number): string => (bytes / 1024).toFixed(0);
          console.log(
            `round ${round + 1} ${build.name}: p50 ${l.p50.toFixed(2)} p99 ${l.p99.toFixed(2)} ms; ${scavenges.length} scavenges, median pause ${median(scavenges.map((e) => e.pauseMs)).toFixed(1)} ms, ` +
              `promoted ${kib(median(scavenges.map((e) => e.promotedBytes)))} KiB, survived ${kib(median(scavenges.map((e) => e.survivedBytes)))} KiB each; ` +
              `${others.length} other collections (${[...new Set(others.map((e) => e.kind))].join(', ') || 'none'}), longest pause ${Math.max(0, ...others.map((e) => e.pauseMs)).toFixed(1)} ms; ` +
              `slowest requests ${[...latencies].sort((a, b) => b - a).slice(0, 5).map((ms) => ms.toFixed(1)).join(', ')} ms`,
          );
        } finally {
          for (const s of [sandbox.salesforce, sandbox.shopify, sandbox.zendesk]) s.clearFaults();
          await gateway.stop();
          closeSync(fd);
        }
      }
    }
  } finally {
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
