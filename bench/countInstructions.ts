/**
 * `npm run bench:instructions` (`node dist/bench/countInstructions.js [flags]`): CPU per warm 360 query as
 * **instructions** counted by valgrind's callgrind, which repeats within ~1 % on a loaded machine where
 * wall-clock rates and even CPU seconds do not. The built gateway runs under `valgrind --tool=callgrind`
 * (every thread: JIT, GC and the main loop) against the sandbox with 0 ms delay; after an unmeasured warm-up
 * the counters are zeroed (`callgrind_control -z`), `--requests` warm 360 queries are sent (4 in flight), and
 * the counters are dumped (`callgrind_control -d`): total instructions ÷ requests.
 *
 * Flags: `--mode live|cached|both` (cached: source reads cached 60 s, so only the gateway's own work is
 * counted; default both), `--requests <n>` (default 300), `--warmup <n>` (default 600), `--cli <path>` (another
 * build's `dist/src/cli.js`, to count a commit before a change), `--transport undici|node`
 * (C360_HTTP_TRANSPORT of the gateway), `--target gateway|naive|floor` (the naive peer or the floor program
 * instead, live only, asked about the same customers: instruction ratios estimate the per-core ratios),
 * `--windows <n>` (counted windows one after another in the same process, default 1). Needs `valgrind` (and `callgrind_control`) on the PATH; slow (~2-4 min
 * per mode: the gateway starts ~50× slower under valgrind).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset } from '../src/sandbox/dataset/index.js';
import { startSandbox } from '../src/sandbox/index.js';
import { UNTHROTTLED_SHOPIFY } from './benchModes.js';
import { machineInfo } from './machineInfo.js';
import { postGraphql, postRaw, type GraphqlAnswer } from './postGraphql.js';
import { CUSTOMER_360, NAIVE_QUERY } from './queries.js';
import { selectCustomers, type BenchCustomer } from './selectCustomers.js';
import { startFloorProcess } from './startFloorProcess.js';
import { startNaivePeer } from './startNaivePeer.js';
import { startGatewayProcess } from './startGatewayProcess.js';

/** Sends `n` requests (`one(i)`), `inFlight` at a time; throws on any error answer. */
async function send(n: number, inFlight: number, one: (i: number) => Promise<GraphqlAnswer>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < n) {
        const i = next;
        next += 1;
        const { status, body } = await one(i);
        if (status !== 200 || body.errors) throw new Error(`answered ${status}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
      }
    }),
  );
}

/** The `totals:` (or `summary:`) instruction count of the newest callgrind dump in `dir`. */
function lastDumpTotal(dir: string, pid: number): number {
  const files = readdirSync(dir).filter((f) => f.startsWith(`cg.out.${pid}`)).sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()));
  const dumps = files.filter((f) => /\.\d+$/.test(f.slice(`cg.out.${pid}`.length)));
  const file = dumps.at(-1) ?? files.at(-1);
  if (!file) throw new Error(`no callgrind dump for pid ${pid} in ${dir}`);
  const text = readFileSync(join(dir, file), 'utf8');
  const line = /^(?:totals|summary):\s*(\d+)/m.exec(text);
  if (!line) throw new Error(`no totals in ${file}`);
  return Number(line[1]);
}

/** A process under callgrind and how to send it the i-th warm 360 of `customers`. */
interface Counted {
  readonly pid: number;
  send(n: number, inFlight: number): Promise<void>;
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { mode: { type: 'string', default: 'both' }, requests: { type: 'string', default: '300' }, warmup: { type: 'string', default: '600' }, cli: { type: 'string' }, transport: { type: 'string' }, target: { type: 'string', default: 'gateway' }, windows: { type: 'string', default: '1' } } });
  const windows = Math.max(1, Number(values.windows));
  const target = values.target!;
  if (!['gateway', 'naive', 'floor'].includes(target)) throw new Error(`--target must be gateway, naive or floor, got ${target}`);
  const modes = target !== 'gateway' ? ['live'] : values.mode === 'both' ? ['live', 'cached'] : [values.mode!];
  const requests = Number(values.requests);
  const warmup = Number(values.warmup);
  if (spawnSync('callgrind_control', ['-h'], { stdio: 'ignore' }).error) throw new Error('callgrind_control not found: install valgrind');
  const machine = machineInfo();
  const dataset = generateDataset({ size: 1_000, seed: 42 });
  const sandbox = await startSandbox({ dataset, shopifyBucket: UNTHROTTLED_SHOPIFY });
  console.log(`instruction count (${target}): Node ${machine.node}, commit ${machine.gitCommit.slice(0, 12)}${machine.gitDirty ? ' (dirty)' : ''}, build ${values.cli ?? 'this one'}, transport ${values.transport ?? 'default'}; ${warmup} warm-up + ${requests} counted warm 360s per mode, 4 in flight, sources 0 ms`);
  const pin = { core: 1, cores: machine.nproc };
  try {
    // The naive peer and the floor program are asked about the same customers: a plain gateway picks them.
    let picked: BenchCustomer[] = [];
    if (target !== 'gateway') {
      const plain = await startGatewayProcess(sandbox, { name: 'picker' }, { ...pin, logLevel: 'warn' });
      try {
        picked = await selectCustomers(plain.url, dataset, 20);
      } finally {
        await plain.stop();
      }
    }
    for (const mode of modes) {
      const dir = mkdtempSync(join(tmpdir(), 'c360-callgrind-'));
      const launcher = ['valgrind', '--tool=callgrind', `--callgrind-out-file=${join(dir, 'cg.out.%p')}`, '--dump-instr=no', '--dump-line=no'];
      let counted: Counted;
      if (target === 'gateway') {
        const gateway = await startGatewayProcess(
          sandbox,
          {
            name: `callgrind ${mode}`,
            launcher,
            readyTimeoutMs: 600_000,
            slow: true,
            ...(mode === 'cached' ? { sourceCacheTtlMs: 600_000 } : {}),
            ...(values.cli ? { cli: values.cli } : {}),
            ...(values.transport ? { env: { C360_HTTP_TRANSPORT: values.transport } } : {}),
          },
          { ...pin, logLevel: 'warn' },
        );
        const ids = (await selectCustomers(gateway.url, dataset, 20)).map((c) => c.id);
        counted = { pid: gateway.pid, send: (n, k) => send(n, k, (i) => postGraphql(gateway.url, CUSTOMER_360, { id: ids[i % ids.length]! })), stop: () => gateway.stop() };
      } else if (target === 'naive') {
        const naive = await startNaivePeer(sandbox, { ...pin, launcher, readyTimeoutMs: 600_000 });
        const sfIds = picked.map((c) => c.refs.find((r) => r.source === 'salesforce')!.id);
        counted = { pid: naive.pid, send: (n, k) => send(n, k, (i) => postGraphql(naive.url, NAIVE_QUERY, { id: sfIds[i % sfIds.length]! })), stop: () => naive.stop() };
      } else {
        const floor = await startFloorProcess(sandbox, { ...pin, launcher, readyTimeoutMs: 600_000, timeoutMs: 60_000 });
        counted = {
          pid: floor.pid,
          send: (n, k) =>
            send(n, k, async (i) => {
              const { status, text } = await postRaw(floor.url, JSON.stringify({ refs: picked[i % picked.length]!.refs }), { 'content-type': 'application/json' });
              return { status, body: status === 200 ? { data: text } : { errors: [{ message: text }] } };
            }),
          stop: () => floor.stop(),
        };
      }
      try {
        await counted.send(warmup, 4);
        // Consecutive counted windows: they agree once V8 has finished optimising (its compiler threads count too).
        for (let w = 1; w <= windows; w += 1) {
          if (spawnSync('callgrind_control', ['-z', String(counted.pid)], { stdio: 'ignore' }).status !== 0) throw new Error('callgrind_control -z failed');
          await counted.send(requests, 4);
          if (spawnSync('callgrind_control', ['-d', String(counted.pid)], { stdio: 'ignore' }).status !== 0) throw new Error('callgrind_control -d failed');
          const total = lastDumpTotal(dir, counted.pid);
          console.log(`${target} ${mode} window ${w}/${windows}: ${(total / requests / 1e6).toFixed(2)} M instructions per warm 360 (${total} over ${requests})`);
        }
      } finally {
        await counted.stop();
      }
    }
  } finally {
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(`instruction count failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
