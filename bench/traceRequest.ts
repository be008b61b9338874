/**
 * `node dist/bench/traceRequest.js [n] [360|same|floor]`: sends the warm 360 query (or `same`, the naive peer's
 * question; or `floor`, the floor program's request for the same customer) `n` times (default 5) one at a time
 * to a pinned target against the sandbox (delay 20 ms on every route) and prints, per request, the timeline of
 * its upstream calls from the sandbox request logs: when each arrived after the request started, the delay
 * injected, the sandbox's own handling time and when it finished; then what is left for the target before
 * the first call and after the last, and at the end the medians and 90th percentiles of those. It shows where
 * light-load overhead comes from.
 */
import { generateDataset } from '../src/sandbox/dataset/index.js';
import { startSandbox } from '../src/sandbox/index.js';
import { UNTHROTTLED_SHOPIFY } from './benchModes.js';
import { machineInfo } from './machineInfo.js';
import { postGraphql } from './postGraphql.js';
import { percentiles } from './percentiles.js';
import { postRaw } from './postGraphql.js';
import { CUSTOMER_360, SAME_AS_NAIVE } from './queries.js';
import { selectCustomers } from './selectCustomers.js';
import { pinProcess } from './spawnPinned.js';
import { startFloorProcess } from './startFloorProcess.js';
import { startGatewayProcess } from './startGatewayProcess.js';

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 5);
  const which = process.argv[3] ?? '360';
  if (!['360', 'same', 'floor'].includes(which)) throw new Error(`target: 360, same or floor, got ${which}`);
  const machine = machineInfo();
  pinProcess(process.pid, 0, machine.nproc);
  const dataset = generateDataset({ size: 1_000, seed: 42 });
  const sandbox = await startSandbox({ dataset, shopifyBucket: UNTHROTTLED_SHOPIFY });
  const gateway = await startGatewayProcess(sandbox, { name: 'gateway' }, { core: 1, cores: machine.nproc, logLevel: 'warn' });
  const floor = which === 'floor' ? await startFloorProcess(sandbox, { core: 1, cores: machine.nproc }) : null;
  const servers = [sandbox.salesforce, sandbox.shopify, sandbox.zendesk];
  const before: number[] = [];
  const after: number[] = [];
  const totals: number[] = [];
  try {
    const customers = await selectCustomers(gateway.url, dataset, 20);
    const ask = async (i: number): Promise<{ errors: boolean }> => {
      const customer = customers[i % customers.length]!;
      if (floor) return { errors: (await postRaw(floor.url, JSON.stringify({ refs: customer.refs }), { 'content-type': 'application/json' })).status !== 200 };
      const answer = await postGraphql(gateway.url, which === 'same' ? SAME_AS_NAIVE : CUSTOMER_360, { id: customer.id });
      return { errors: answer.body.errors !== undefined };
    };
    for (const s of servers) s.addFault({ delayMs: 20 });
    for (let i = 0; i < 20; i += 1) await ask(i);
    for (let i = 0; i < n; i += 1) {
      for (const s of servers) s.clearRequests();
      const start = performance.timeOrigin + performance.now();
      const answer = await ask(i);
      const end = performance.timeOrigin + performance.now();
      const log = servers.flatMap((s) => s.requests().map((e) => ({ server: s.name, ...e }))).sort((a, b) => a.receivedAt - b.receivedAt);
      console.log(`request ${i}: ${(end - start).toFixed(2)} ms, ${log.length} calls${answer.errors ? ' (errors)' : ''}`);
      for (const e of log) {
        const done = e.finishedAt ?? end;
        const handling = done - e.receivedAt - e.injectedDelayMs;
        console.log(`  +${(e.receivedAt - start).toFixed(2).padStart(6)}  ${e.server.padEnd(10)} ${(e.route ?? e.path).padEnd(28)} delay ${e.injectedDelayMs.toFixed(2)}  handling ${handling.toFixed(2)}  done +${(done - start).toFixed(2)}`);
      }
      const first = log[0]?.receivedAt ?? end;
      const last = Math.max(...log.map((e) => e.finishedAt ?? end));
      console.log(`  before first call ${(first - start).toFixed(2)} ms, after last call ${(end - last).toFixed(2)} ms`);
      before.push(first - start);
      after.push(end - last);
      totals.push(end - start);
    }
    const summary = (label: string, xs: number[]): string => {
      const p = percentiles(xs);
      return `${label} p50 ${p.p50.toFixed(2)} p95 ${p.p95.toFixed(2)} ms`;
    };
    console.log(`${which}, ${n} requests: ${summary('total', totals)}; ${summary('before first call', before)}; ${summary('after last call', after)}`);
  } finally {
    await floor?.stop();
    await gateway.stop();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
