import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { DEV_API_KEY, hashApiKey } from '../src/auth/index.js';

/**
 * Does a lookup of a very common surname stall other requests (issue 11)? A `kind: file` source of 6,000
 * synthetic people, 3,000 of them named Smith, behind `c360 serve` in its own process. Phase 1: 10 s of
 * warm `customerBySource` requests for one rarely named person (autocannon, 10 connections), alone.
 * Phase 2: the same load while another client resolves cold Smith records back to back (each blocking on
 * `smith`, its phonetic code and prefix, keys held by 3,000 records); before it, the same load beside one cold
 * Smith lookup every 500 ms (the realistic case), and after it the warm load alone again (drift). Prints p50/p99 of the warm requests in every phase and the
 * cold Smith resolutions' latency. Run: `npm run bench:surname` (after `npm run build`).
 */
/** The part of autocannon's API used here (the package ships no types); its promise form. */
type Autocannon = (options: Record<string, unknown>) => Promise<{ latency: { p50: number; p99: number }; requests: { total: number } }>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const PEOPLE = 6_000;
const SMITHS = 3_000;
const GIVEN = ['james', 'mary', 'john', 'patricia', 'robert', 'jennifer', 'michael', 'linda', 'william', 'elizabeth', 'david', 'barbara', 'richard', 'susan', 'joseph', 'jessica'];

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function writePeople(dir: string): string {
  const next = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const word = (n: number) => Array.from({ length: n }, () => pick([...letters])).join('');
  const rows = ['id,given,family,street,postcode,birth'];
  for (let i = 0; i < PEOPLE; i += 1) {
    const family = i < SMITHS ? 'smith' : `${word(1)}${word(7)}`;
    const birth = `19${String(40 + Math.floor(next() * 60))}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    rows.push(`P${i},${pick(GIVEN)},${family},${1 + Math.floor(next() * 300)} ${word(6)} street,${2000 + Math.floor(next() * 900)},${birth}`);
  }
  const path = join(dir, 'people.csv');
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

async function post(url: string, query: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_API_KEY}` }, body: JSON.stringify({ query }) });
  await res.text();
  return performance.now() - started;
}

async function load(url: string, body: string): Promise<{ p50: number; p99: number; requests: number }> {
  const result = await autocannon({ url, method: 'POST', connections: 10, duration: 10, headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_API_KEY}` }, body });
  return { p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'c360-surname-'));
  const csv = writePeople(dir);
  const config = join(dir, 'c360.yaml');
  writeFileSync(
    config,
    `server: { port: 0 }\nlogging: { level: warn }\nauth:\n  apiKeys:\n    - { name: bench, role: admin, sha256: ${hashApiKey(DEV_API_KEY)} }\nsources:\n  - name: people\n    kind: file\n    path: ${csv}\n    columns: { id: id, givenName: given, familyName: family, line1: street, postcode: postcode, birthDate: birth }\n`,
  );
  const child = spawn(process.execPath, ['--max-semi-space-size=64', 'dist/src/cli.js', 'serve', '--config', config], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+\/graphql)/.exec(out);
      if (!match) return;
      // Then only drain: the gateway logs an audit line per request, and re-reading all of them in this
      // process (which also drives the load) made every later phase slower (quadratic in requests served).
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve(match[1]!);
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`gateway exited ${code}`)));
  });
  try {
    const warm = JSON.stringify({ query: `{ customerBySource(source: "people", id: "P${PEOPLE - 1}") { id displayName } }` });
    await post(url, JSON.parse(warm).query);
    const alone = await load(url, warm);
    // Phase 2, the realistic case: one cold Smith lookup every 500 ms among the warm traffic.
    const pacedTimes: number[] = [];
    let pacedStop = false;
    const paced = (async () => {
      for (let i = SMITHS - 1; !pacedStop && i >= 0; i -= 1) {
        pacedTimes.push(await post(url, `{ customerBySource(source: "people", id: "P${i}") { id identity { links { id } } } }`));
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();
    const occasional = await load(url, warm);
    pacedStop = true;
    await paced;
    // Phase 3, the worst case: cold Smith lookups back to back, one after another.
    const coldTimes: number[] = [];
    let stop = false;
    const smiths = (async () => {
      for (let i = 0; !stop && i < SMITHS; i += 1) coldTimes.push(await post(url, `{ customerBySource(source: "people", id: "P${i}") { id identity { links { id } } } }`));
    })();
    const beside = await load(url, warm);
    stop = true;
    await smiths;
    // Phase 4: alone again, to tell what the Smith lookups cost from drift of the gateway or the machine.
    const after = await load(url, warm);
    coldTimes.sort((a, b) => a - b);
    const q = (p: number) => coldTimes[Math.min(coldTimes.length - 1, Math.floor(p * coldTimes.length))]!.toFixed(1);
    console.log(`| warm lookups, 10 connections, 10 s | p50 ms | p99 ms | requests |`);
    console.log(`|---|---|---|---|`);
    console.log(`| alone | ${alone.p50} | ${alone.p99} | ${alone.requests} |`);
    console.log(`| beside one cold Smith lookup every 500 ms | ${occasional.p50} | ${occasional.p99} | ${occasional.requests} |`);
    console.log(`| beside cold lookups of Smith records back to back | ${beside.p50} | ${beside.p99} | ${beside.requests} |`);
    console.log(`| alone again | ${after.p50} | ${after.p99} | ${after.requests} |`);
    console.log(`cold Smith resolutions back to back: ${coldTimes.length}, p50 ${q(0.5)} ms, p99 ${q(0.99)} ms; paced: ${pacedTimes.length}, max ${Math.max(...pacedTimes).toFixed(1)} ms`);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
