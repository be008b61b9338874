/**
 * `node dist/bench/abLight.js [n] [NAME=value ...] [--cli <other build's dist/src/cli.js>] [--query 360|same]`:
 * light-load latency of this build with its defaults (A) against the same build with the given environment
 * variables (B, e.g. `C360_EARLY_CALLS=false`) or against another build (`--cli`, with those variables if any),
 * and the floor program, one request at a time against one sandbox (20 ms on every route). The three targets
 * take turns request by request, so the machine's drift falls on all three alike; each is pinned to the same
 * core. Prints p50/p95 of each and the median of the per-turn differences A − B and A − floor (default n = 400
 * turns, the naive peer's question). Single 60-request rounds (`npm run bench`) move by ±0.7 ms on a noisy
 * machine; this resolves about a tenth of that.
 */
import { generateDataset } from '../src/sandbox/dataset/index.js';
import { startSandbox } from '../src/sandbox/index.js';
import { UNTHROTTLED_SHOPIFY } from './benchModes.js';
import { machineInfo } from './machineInfo.js';
import { median } from './median.js';
import { percentiles } from './percentiles.js';
import { benchHeaders, postRaw } from './postGraphql.js';
import { CUSTOMER_360, SAME_AS_NAIVE } from './queries.js';
import { selectCustomers } from './selectCustomers.js';
import { pinProcess } from './spawnPinned.js';
import { startFloorProcess } from './startFloorProcess.js';
import { startGatewayProcess } from './startGatewayProcess.js';


async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 400);
  const cliAt = args.indexOf('--cli');
  const cli = cliAt >= 0 ? args[cliAt + 1] : undefined;
  if (cliAt >= 0 && !cli) throw new Error('--cli needs the path of another build’s dist/src/cli.js');
  const env = Object.fromEntries(args.filter((a) => a.includes('=')).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  const query = args.includes('360') ? CUSTOMER_360 : SAME_AS_NAIVE;
  if (Object.keys(env).length === 0 && !cli) throw new Error('name at least one NAME=value for target B, e.g. C360_EARLY_CALLS=false, or another build with --cli <path>');
  const machine = machineInfo();
  pinProcess(process.pid, 0, machine.nproc);
  const dataset = generateDataset({ size: 1_000, seed: 42 });
  const sandbox = await startSandbox({ dataset, shopifyBucket: UNTHROTTLED_SHOPIFY });
  const options = { core: 1, cores: machine.nproc, logLevel: 'warn' };
  const a = await startGatewayProcess(sandbox, { name: 'A' }, options);
  const b = await startGatewayProcess(sandbox, { name: 'B', env, ...(cli ? { cli } : {}) }, options);
  const floor = await startFloorProcess(sandbox, { core: 1, cores: machine.nproc });
  try {
    const customers = await selectCustomers(a.url, dataset, 40);
    await selectCustomers(b.url, dataset, 40);
    for (const s of [sandbox.salesforce, sandbox.shopify, sandbox.zendesk]) s.addFault({ delayMs: 20 });
    const headers = benchHeaders();
    const timed = async (send: () => Promise<unknown>): Promise<number> => {
      const start = performance.now();
      await send();
      return performance.now() - start;
    };
    const turn = async (i: number, record: boolean, out: { a: number[]; b: number[]; floor: number[] }): Promise<void> => {
      const customer = customers[i % customers.length]!;
      // As the bench's light rounds send: the raw answer, not parsed (parsing would count the client's time).
      const ask = async (url: string): Promise<void> => {
        const { status, text } = await postRaw(url, JSON.stringify({ query, variables: { id: customer.id } }), headers);
        if (status !== 200 || text.includes('"errors"')) throw new Error(`${url} answered ${status}: ${text.slice(0, 300)}`);
      };
      const targets = [
        ['a', () => ask(a.url)],
        ['b', () => ask(b.url)],
        ['floor', () => postRaw(floor.url, JSON.stringify({ refs: customer.refs }), { 'content-type': 'application/json' })],
      ] as const;
      // A different order each turn, so that no target always follows another.
      for (let k = 0; k < 3; k += 1) {
        const [name, send] = targets[(i + k) % 3]!;
        const ms = await timed(send);
        if (record) out[name].push(ms);
      }
    };
    const out = { a: [] as number[], b: [] as number[], floor: [] as number[] };
    for (let i = 0; i < 60; i += 1) await turn(i, false, out);
    for (let i = 0; i < n; i += 1) await turn(i, true, out);
    const diff = (x: number[], y: number[]): number => median(x.map((v, i) => v - y[i]!));
    console.log(`abLight: ${n} turns, ${query === CUSTOMER_360 ? 'full 360' : "the naive peer's question"}, 20 ms sources; B = ${cli ? `${cli} ` : ''}${JSON.stringify(env)}`);
    for (const [name, values] of Object.entries(out)) {
      const summary = percentiles(values);
      console.log(`  ${name.padEnd(5)} p50 ${summary.p50.toFixed(2)} ms, p95 ${summary.p95.toFixed(2)} ms`);
    }
    console.log(`  median per-turn difference: A − B ${diff(out.a, out.b).toFixed(2)} ms, A − floor ${diff(out.a, out.floor).toFixed(2)} ms, B − floor ${diff(out.b, out.floor).toFixed(2)} ms`);
  } finally {
    await Promise.all([a.stop(), b.stop(), floor.stop()]);
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
