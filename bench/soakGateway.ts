import type { Sandbox } from '../src/sandbox/index.js';
import type { BenchSettings } from './benchModes.js';
import { measureLoad } from './measureLoad.js';
import { benchHeaders } from './postGraphql.js';
import { CUSTOMER_360 } from './queries.js';
import { sampleRss, type RssTrend } from './sampleRss.js';
import type { BenchCustomer } from './selectCustomers.js';
import type { GatewayProcess } from './startGatewayProcess.js';

/** What `--soak <minutes>` measured: the gateway's RSS under continuous load, and its rate minute by minute. */
export interface SoakFigures {
  readonly minutes: number;
  readonly rss: RssTrend;
  /** Requests per second of each one-minute slice (a falling rate with rising RSS points at a leak). */
  readonly rpsPerMinute: number[];
  readonly errors: number;
}

/**
 * Loads the gateway with warm 360 queries at saturation (`connections`, `delayMs` on every source) for
 * `minutes`, in one-minute autocannon runs back to back, sampling its RSS every 5 s. Throws on any error answer.
 */
export async function soakGateway(inputs: { sandbox: Sandbox; gateway: GatewayProcess; customers: readonly BenchCustomer[]; settings: BenchSettings; minutes: number; log: (line: string) => void }): Promise<SoakFigures> {
  const { sandbox, gateway, settings: s, log } = inputs;
  const servers = [sandbox.salesforce, sandbox.shopify, sandbox.zendesk];
  const warm = inputs.customers.slice(0, 100);
  for (const server of servers) {
    server.clearFaults();
    server.addFault({ delayMs: s.delayMs });
  }
  const sampler = sampleRss(gateway, 5_000);
  const rpsPerMinute: number[] = [];
  let errors = 0;
  try {
    const slices = Math.max(1, Math.round(inputs.minutes));
    for (let m = 0; m < slices; m += 1) {
      const durationS = inputs.minutes < 1 ? Math.max(5, Math.round(inputs.minutes * 60)) : 60;
      const f = await measureLoad({ url: gateway.url, headers: benchHeaders(), body: (i) => JSON.stringify({ query: CUSTOMER_360, variables: { id: warm[i % warm.length]!.id } }), connections: s.connections, durationS, rate: null, target: gateway, servers });
      errors += f.non2xx + f.errors;
      rpsPerMinute.push(f.requestsPerSecond);
      log(`soak minute ${m + 1}/${slices}: ${f.requestsPerSecond.toFixed(0)} req/s, RSS ${gateway.rssMiB().toFixed(0)} MiB (peak ${gateway.peakRssMiB().toFixed(0)})`);
    }
  } finally {
    for (const server of servers) server.clearFaults();
  }
  const rss = sampler.stop();
  if (errors > 0) throw new Error(`soak: ${errors} non-2xx or failed answers`);
  return { minutes: inputs.minutes, rss, rpsPerMinute, errors };
}

/** One line for the console. */
export function formatSoak(f: SoakFigures): string {
  return `${f.minutes} min at saturation (${f.rpsPerMinute.map((r) => r.toFixed(0)).join(', ')} req/s per minute): RSS ${f.rss.startMiB.toFixed(0)} → ${f.rss.endMiB.toFixed(0)} MiB (first/last 10 % of ${f.rss.samples} samples), slope ${f.rss.slopeMiBPerMin.toFixed(2)} MiB/min, peak ${f.rss.peakMiB.toFixed(0)} MiB`;
}
