/**
 * `node dist/bench/traceRequest.js [n]`: sends the warm 360 query `n` times (default 5) one at a time to a
 * pinned gateway against the sandbox (delay 20 ms on every route) and prints, per request, the timeline of
 * its upstream calls from the sandbox request logs: when each arrived after the request started, the delay
 * injected, the sandbox's own handling time and when it finished; then what is left for the gateway before
 * the first call and after the last. It shows where light-load overhead comes from.
 */
import { generateDataset } from '../src/sandbox/dataset/index.js';
import { startSandbox } from '../src/sandbox/index.js';
import { UNTHROTTLED_SHOPIFY } from './benchModes.js';
import { machineInfo } from './machineInfo.js';
import { postGraphql } from './postGraphql.js';
import { CUSTOMER_360 } from './queries.js';
import { selectCustomers } from './selectCustomers.js';
import { pinProcess } from './spawnPinned.js';
import { startGatewayProcess } from './startGatewayProcess.js';

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 5);
  const machine = machineInfo();
  pinProcess(process.pid, 0, machine.nproc);
  const dataset = generateDataset({ size: 1_000, seed: 42 });
  const sandbox = await startSandbox({ dataset, shopifyBucket: UNTHROTTLED_SHOPIFY });
  const gateway = await startGatewayProcess(sandbox, { name: 'gateway' }, { core: 1, cores: machine.nproc, logLevel: 'warn' });
  const servers = [sandbox.salesforce, sandbox.shopify, sandbox.zendesk];
  try {
    const customers = await selectCustomers(gateway.url, dataset, 20);
    for (const s of servers) s.addFault({ delayMs: 20 });
    for (let i = 0; i < 20; i += 1) await postGraphql(gateway.url, CUSTOMER_360, { id: customers[i % customers.length]!.id });
    for (let i = 0; i < n; i += 1) {
      for (const s of servers) s.clearRequests();
      const start = performance.timeOrigin + performance.now();
      const answer = await postGraphql(gateway.url, CUSTOMER_360, { id: customers[i % customers.length]!.id });
      const end = performance.timeOrigin + performance.now();
      const log = servers.flatMap((s) => s.requests().map((e) => ({ server: s.name, ...e }))).sort((a, b) => a.receivedAt - b.receivedAt);
      console.log(`request ${i}: ${(end - start).toFixed(2)} ms, ${log.length} calls${answer.body.errors ? ' (errors)' : ''}`);
      for (const e of log) {
        const done = e.finishedAt ?? end;
        const handling = done - e.receivedAt - e.injectedDelayMs;
        console.log(`  +${(e.receivedAt - start).toFixed(2).padStart(6)}  ${e.server.padEnd(10)} ${(e.route ?? e.path).padEnd(28)} delay ${e.injectedDelayMs.toFixed(2)}  handling ${handling.toFixed(2)}  done +${(done - start).toFixed(2)}`);
      }
      const first = log[0]?.receivedAt ?? end;
      const last = Math.max(...log.map((e) => e.finishedAt ?? end));
      console.log(`  before first call ${(first - start).toFixed(2)} ms, after last call ${(end - last).toFixed(2)} ms`);
    }
  } finally {
    await gateway.stop();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
