import { createRequire } from 'node:module';
import type { FakeServer } from '../src/sandbox/fakeTypes.js';
import { percentiles, type LatencySummary } from './percentiles.js';
import type { PinnedProcess } from './spawnPinned.js';

/** The part of autocannon's API the bench uses (the package ships no types). */
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
  on(event: 'done', listener: (result: AutocannonResult) => void): void;
}
interface AutocannonResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly duration: number;
}
type Autocannon = (options: Record<string, unknown>) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Figures of one autocannon run. */
export interface LoadFigures {
  readonly connections: number;
  /** Asked rate (requests/s) or null for saturation (as fast as the server answers). */
  readonly targetRate: number | null;
  readonly durationS: number;
  readonly requestsPerSecond: number;
  readonly completed: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly latency: LatencySummary;
  /** CPU seconds the target process used per wall second during the run (1.0 = one core busy). */
  readonly targetCpuCores: number;
  /** requests/s ÷ targetCpuCores: throughput per core actually used. */
  readonly requestsPerCpuSecond: number;
  readonly upstreamCallsPerRequest: number;
}

/**
 * Runs autocannon against `url` (POST, body from `body(i)` per request, rotating) for `durationS`, with
 * `connections` connections and, when `rate` is set, that overall rate. Latency percentiles are computed from
 * every response time. Reads the target's CPU from /proc before and after.
 */
export async function measureLoad(options: { url: string; headers: Record<string, string>; body: (i: number) => string; connections: number; durationS: number; rate: number | null; target: PinnedProcess; servers: readonly FakeServer[] }): Promise<LoadFigures> {
  const { cpuBefore, countBefore } = loadStart(options);
  let counter = 0;
  const times: number[] = [];
  const wallBefore = performance.now();
  const result = await new Promise<AutocannonResult>((resolve) => {
    const instance = autocannon({
      url: options.url,
      method: 'POST',
      headers: options.headers,
      connections: options.connections,
      duration: options.durationS,
      pipelining: 1,
      timeout: 30,
      ...(options.rate === null ? {} : { overallRate: options.rate }),
      requests: [
        {
          setupRequest: (req: Record<string, unknown>) => ({ ...req, body: options.body(counter++) }),
        },
      ],
    });
    instance.on('response', (_c, _s, _b, responseTime) => times.push(responseTime));
    instance.on('done', resolve);
  });
  return loadFigures(options, { wallS: (performance.now() - wallBefore) / 1000, cpuBefore, countBefore, durationS: result.duration, completed: result.requests.total, non2xx: result.non2xx, errors: result.errors + result.timeouts, times });
}

/** The start of a load run: the target's CPU seconds and the sandbox's request count before it. */
export function loadStart(options: { target: PinnedProcess; servers: readonly FakeServer[] }): { cpuBefore: number; countBefore: number } {
  return { cpuBefore: options.target.cpuSeconds(), countBefore: options.servers.reduce((n, s) => n + s.requestCount(), 0) };
}

/**
 * {@link LoadFigures} of a finished run (autocannon or paced): CPU of the target per wall second, and upstream
 * calls **counted** (`requestCount`), not read from the logs, which a long run overflows. Clears the logs.
 */
export function loadFigures(
  options: { connections: number; rate: number | null; target: PinnedProcess; servers: readonly FakeServer[] },
  run: { wallS: number; cpuBefore: number; countBefore: number; durationS: number; completed: number; non2xx: number; errors: number; times: number[] },
): LoadFigures {
  const cores = (options.target.cpuSeconds() - run.cpuBefore) / run.wallS;
  const upstream = options.servers.reduce((n, s) => n + s.requestCount(), 0) - run.countBefore;
  for (const s of options.servers) s.clearRequests();
  const rps = run.completed / run.durationS;
  return {
    connections: options.connections,
    targetRate: options.rate,
    durationS: run.durationS,
    requestsPerSecond: rps,
    completed: run.completed,
    non2xx: run.non2xx,
    errors: run.errors,
    latency: percentiles(run.times),
    targetCpuCores: cores,
    requestsPerCpuSecond: cores > 0 ? rps / cores : Number.NaN,
    upstreamCallsPerRequest: run.completed > 0 ? upstream / run.completed : Number.NaN,
  };
}
