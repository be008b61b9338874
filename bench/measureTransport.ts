/**
 * `npm run bench:transport`: what one upstream call costs the gateway's process with each transport (issue 17,
 * item 2), against a loopback server in its own process (bench/transportServer.ts) pinned to the other core:
 *
 * - `node:http` — a bare `http.request` on a keep-alive agent, body read as text (the reference; no client can
 *   do less).
 * - `axios + node http agent` — createHttpClient with `transport: 'node'` (what the adapters used before).
 * - `axios + undici pool` — createHttpClient with `transport: 'undici'` (undici's pool as axios's adapter).
 * - `undici.request` — undici's own API on the same kind of pool, without axios (adapters would lose axios's
 *   interface; for scale).
 *
 * Both createHttpClient variants include everything the adapters pay per call (URL building, deadline signal,
 * header normalisation, error mapping). Per variant and round: sequential calls (one in flight: latency p50/p99
 * and CPU per call) and concurrent calls (`--concurrency`, default 32, in flight: CPU per call, calls/s). CPU
 * is this process's user+system time (`process.cpuUsage`) per call, which stays meaningful on a loaded machine
 * where wall-clock rates do not. Rounds interleave the variants; medians are reported.
 * Flags: `--calls <n>` (per variant, round and pattern; default 3000), `--rounds <n>` (3), `--body <bytes>`
 * (4096), `--concurrency <n>` (32).
 */
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Agent } from 'undici';
import { createHttpClient } from '../src/adapters/http.js';
import { percentiles } from './percentiles.js';
import { freePort, pinProcess, spawnPinned } from './spawnPinned.js';
import { machineInfo } from './machineInfo.js';
import { median } from './median.js';

type Call = () => Promise<void>;

interface Variant {
  readonly name: string;
  readonly call: Call;
  close(): Promise<void> | void;
}

function variants(origin: string): Variant[] {
  const path = 'services/data/v63.0/query';
  const params = { q: "SELECT Id FROM Contact WHERE Id = '0035e00003H1hCOAAZ'" };
  const headers = { authorization: 'Bearer sandbox-token' };
  const search = `?${new URLSearchParams(params).toString()}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const raw: Variant = {
    name: 'node:http',
    call: () =>
      new Promise<void>((resolve, reject) => {
        const req = http.request(`${origin}/${path}${search}`, { agent, headers }, (res) => {
          res.setEncoding('utf8');
          let text = '';
          res.on('data', (c: string) => (text += c));
          res.on('end', () => (text.length > 0 ? resolve() : reject(new Error('empty body'))));
        });
        req.on('error', reject);
        req.end();
      }),
    close: () => agent.destroy(),
  };
  const client = (transport: 'node' | 'undici', name: string): Variant => {
    const c = createHttpClient({ source: 'bench', baseUrl: origin, headers, maxSockets: 256, transport });
    return {
      name,
      call: async () => {
        const res = await c.request({ method: 'GET', path, params });
        if (res.status !== 200 || res.body.length === 0) throw new Error(`${name}: HTTP ${res.status}`);
      },
      close: () => c.close(),
    };
  };
  const pool = new Agent({ connections: 256, keepAliveTimeout: 4_000 });
  const direct: Variant = {
    name: 'undici.request',
    call: async () => {
      const res = await pool.request({ origin, path: `/${path}${search}`, method: 'GET', headers });
      const text = await res.body.text();
      if (res.statusCode !== 200 || text.length === 0) throw new Error(`undici.request: HTTP ${res.statusCode}`);
    },
    close: () => pool.close(),
  };
  return [raw, client('node', 'axios + node http agent'), client('undici', 'axios + undici pool'), direct];
}

const cpuMicros = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

async function sequential(call: Call, n: number): Promise<{ cpuUsPerCall: number; p50: number; p99: number }> {
  const times: number[] = [];
  const cpu0 = cpuMicros();
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    await call();
    times.push(performance.now() - t);
  }
  const p = percentiles(times);
  return { cpuUsPerCall: (cpuMicros() - cpu0) / n, p50: p.p50, p99: p.p99 };
}

async function concurrent(call: Call, n: number, inFlight: number): Promise<{ cpuUsPerCall: number; callsPerS: number }> {
  let next = 0;
  const cpu0 = cpuMicros();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < n) {
        next += 1;
        await call();
      }
    }),
  );
  return { cpuUsPerCall: (cpuMicros() - cpu0) / n, callsPerS: n / ((performance.now() - t0) / 1000) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { calls: { type: 'string', default: '3000' }, rounds: { type: 'string', default: '3' }, body: { type: 'string', default: '4096' }, concurrency: { type: 'string', default: '32' } } });
  const calls = Number(values.calls);
  const rounds = Number(values.rounds);
  const inFlight = Number(values.concurrency);
  const machine = machineInfo();
  const pinned = pinProcess(process.pid, 1, machine.nproc);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await spawnPinned([fileURLToPath(new URL('./transportServer.js', import.meta.url))], {
    core: 0,
    cores: machine.nproc,
    env: { ...process.env, TRANSPORT_PORT: String(port), TRANSPORT_BODY_BYTES: values.body },
    ready: async () => (await fetch(`${origin}/ready`)).status === 200,
  });
  console.log(`transport bench: ${machine.cpuModel} × ${machine.nproc}, Node ${machine.node}, load average ${machine.loadAverage?.join(' ') ?? '?'}; client ${pinned ? 'on core 1' : 'unpinned'}, server on core 0; ${values.body}-byte JSON answers; ${calls} calls per variant, pattern and round; ${rounds} rounds`);
  const vs = variants(origin);
  const results = new Map(vs.map((v) => [v.name, { seq: [] as Array<Awaited<ReturnType<typeof sequential>>>, con: [] as Array<Awaited<ReturnType<typeof concurrent>>> }]));
  try {
    // Warm-up: JIT and sockets, unmeasured.
    for (const v of vs) {
      await sequential(v.call, Math.min(500, calls));
      await concurrent(v.call, Math.min(2000, calls), inFlight);
    }
    for (let r = 0; r < rounds; r += 1) {
      for (let k = 0; k < vs.length; k += 1) {
        const v = vs[(k + r) % vs.length]!;
        const seq = await sequential(v.call, calls);
        const con = await concurrent(v.call, calls, inFlight);
        results.get(v.name)!.seq.push(seq);
        results.get(v.name)!.con.push(con);
        console.log(`round ${r + 1} ${v.name}: 1 in flight ${seq.cpuUsPerCall.toFixed(0)} µs CPU/call, p50 ${seq.p50.toFixed(3)} ms; ${inFlight} in flight ${con.cpuUsPerCall.toFixed(0)} µs CPU/call, ${con.callsPerS.toFixed(0)} calls/s`);
      }
    }
  } finally {
    for (const v of vs) await v.close();
    await server.stop();
  }
  const base = median(results.get('node:http')!.con.map((c) => c.cpuUsPerCall));
  console.log(`\n| transport | CPU µs/call, 1 in flight | CPU µs/call, ${inFlight} in flight | × node:http (${inFlight} in flight) | latency p50 / p99 ms, 1 in flight | calls/s, ${inFlight} in flight |`);
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const v of vs) {
    const r = results.get(v.name)!;
    const con = median(r.con.map((c) => c.cpuUsPerCall));
    console.log(`| ${v.name} | ${median(r.seq.map((s) => s.cpuUsPerCall)).toFixed(0)} | ${con.toFixed(0)} | ${(con / base).toFixed(2)} | ${median(r.seq.map((s) => s.p50)).toFixed(3)} / ${median(r.seq.map((s) => s.p99)).toFixed(3)} | ${median(r.con.map((c) => c.callsPerS)).toFixed(0)} |`);
  }
}

main().catch((error: unknown) => {
  console.error(`transport bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
