import http from 'node:http';
import type { FakeServer } from '../src/sandbox/fakeTypes.js';
import type { LoadFigures } from './measureLoad.js';
import { percentiles } from './percentiles.js';
import type { PinnedProcess } from './spawnPinned.js';

/**
 * Open-loop load at a fixed rate: request i is due at `start + i / rate` (evenly spaced, not bursts), sent on
 * a keep-alive pool of `connections` sockets, and its latency runs from when it was **due**, so a server
 * that falls behind is charged the wait (no coordinated omission). Used for "50 % of saturation": autocannon's
 * `overallRate` releases each second's requests in a burst, which measured queueing instead of the load.
 * Answers that are not HTTP 200 count as `non2xx`; connection failures as `errors`.
 */
export async function measurePaced(options: { url: string; headers: Record<string, string>; body: (i: number) => string; connections: number; durationS: number; rate: number; target: PinnedProcess; servers: readonly FakeServer[] }): Promise<LoadFigures> {
  const countBefore = options.servers.reduce((n, s) => n + s.requestCount(), 0);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.max(1, Math.round(options.rate * options.durationS));
  const times: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const send = (i: number, dueAt: number): Promise<void> =>
    new Promise((resolve) => {
      const payload = options.body(i);
      const req = http.request(options.url, { method: 'POST', agent, headers: { ...options.headers, 'content-length': Buffer.byteLength(payload) } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) non2xx += 1;
          times.push(performance.now() - dueAt);
          resolve();
        });
      });
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(payload);
    });
  const cpuBefore = options.target.cpuSeconds();
  const start = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < total; i += 1) {
    const dueAt = start + (i * 1000) / options.rate;
    const wait = dueAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(i, dueAt));
  }
  await Promise.all(pending);
  const wall = (performance.now() - start) / 1000;
  const cores = (options.target.cpuSeconds() - cpuBefore) / wall;
  agent.destroy();
  // Counted, not read from the logs: a long run overflows the logs' maxLogEntries.
  const upstream = options.servers.reduce((n, s) => n + s.requestCount(), 0) - countBefore;
  for (const s of options.servers) s.clearRequests();
  const completed = times.length;
  const rps = completed / wall;
  return {
    connections: options.connections,
    targetRate: options.rate,
    durationS: wall,
    requestsPerSecond: rps,
    completed,
    non2xx,
    errors,
    latency: percentiles(times),
    targetCpuCores: cores,
    requestsPerCpuSecond: cores > 0 ? rps / cores : Number.NaN,
    upstreamCallsPerRequest: completed > 0 ? upstream / completed : Number.NaN,
  };
}
