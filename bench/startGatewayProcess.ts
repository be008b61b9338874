import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { SANDBOX_CREDENTIALS, type Sandbox } from '../src/sandbox/index.js';
import { authSection } from './authSection.js';
import { GATEWAY_NODE_ARGS } from './benchModes.js';
import { benchHeaders } from './postGraphql.js';
import { freePort, spawnPinned, type PinnedProcess } from './spawnPinned.js';

/** A gateway variant under test. */
export interface GatewayVariant {
  /** Label in the tables (`gateway`, `batching off`, `crosswalk off`). */
  readonly name: string;
  /** `performance.batching` (default true). */
  readonly batching?: boolean;
  /** `identity.cacheMax` (default the config default, 10 000); 1 = every rotating lookup misses. */
  readonly cacheMax?: number;
  /**
   * `sources[].policies.cache.ttlMs` (default 0: every read goes to the source). Set, a repeated read within
   * it makes no upstream call: the bench uses it to measure the gateway's own CPU without the HTTP client.
   */
  readonly sourceCacheTtlMs?: number;
  /** Node arguments of the process (default {@link GATEWAY_NODE_ARGS}; `[]` = V8's defaults). */
  readonly nodeArgs?: readonly string[];
  /** A command node runs under (bench/countInstructions.ts: valgrind's callgrind), and how long start may take. */
  readonly launcher?: readonly string[];
  readonly readyTimeoutMs?: number;
  /** Source timeout and request deadline ×10 (60 s / 100 s): for a gateway under valgrind, ~50× slower. */
  readonly slow?: boolean;
  /** Another build's CLI (`dist/src/cli.js` of another commit) instead of this one's. */
  readonly cli?: string;
  /** Extra environment variables of the process. */
  readonly env?: Readonly<Record<string, string>>;
}

/** A built gateway running as its own pinned process. */
export interface GatewayProcess extends PinnedProcess {
  readonly url: string;
  readonly variant: GatewayVariant;
  /** The YAML the gateway was started with (recorded in the results). */
  readonly configYaml: string;
}

/** The built CLI (`npm run build` output), as a user runs it. */
const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));

/**
 * Starts `node dist/src/cli.js serve --config <tmp.yaml>` against the sandbox, pinned to `core`, and waits for
 * `/readyz`. Logging is at `logLevel` (the bench default `warn`: no per-request lines, see BENCHMARKS.md).
 */
export async function startGatewayProcess(sandbox: Sandbox, variant: GatewayVariant, options: { core: number; cores: number; logLevel: string; nodeArgs?: readonly string[]; stdoutFd?: number }): Promise<GatewayProcess> {
  const port = await freePort();
  const config = {
    server: { host: '127.0.0.1', port, deadlineMs: variant.slow ? 100_000 : 10_000 },
    logging: { level: options.logLevel },
    ...authSection(),
    ...(variant.batching === false ? { performance: { batching: false } } : {}),
    ...(variant.cacheMax === undefined ? {} : { identity: { cacheMax: variant.cacheMax } }),
    sources: sandbox.sourceConfigs({ timeoutMs: variant.slow ? 60_000 : 5_000, maxSockets: 256 }).map(({ credentials: _c, ...source }) => ({
      ...source,
      // Bulkhead above the bench's concurrency so that saturation measures CPU, not the queue.
      policies: { bulkhead: { maxConcurrent: 512, maxQueue: 1024 }, ...(variant.sourceCacheTtlMs === undefined ? {} : { cache: { ttlMs: variant.sourceCacheTtlMs } }) },
    })),
  };
  const configYaml = stringify(config);
  const dir = mkdtempSync(join(tmpdir(), 'c360-bench-'));
  const path = join(dir, 'c360.yaml');
  writeFileSync(path, configYaml, 'utf8');
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    SALESFORCE_ACCESS_TOKEN: SANDBOX_CREDENTIALS.salesforce.accessToken,
    SHOPIFY_ACCESS_TOKEN: SANDBOX_CREDENTIALS.shopify.accessToken,
    ZENDESK_EMAIL: SANDBOX_CREDENTIALS.zendesk.email,
    ZENDESK_API_TOKEN: SANDBOX_CREDENTIALS.zendesk.apiToken,
    ...variant.env,
  };
  const proc = await spawnPinned([...(variant.nodeArgs ?? GATEWAY_NODE_ARGS), ...(options.nodeArgs ?? []), '--enable-source-maps', variant.cli ?? CLI, 'serve', '--config', path, '--port', String(port)], {
    core: options.core,
    cores: options.cores,
    env,
    ...(variant.launcher ? { launcher: variant.launcher } : {}),
    ...(variant.readyTimeoutMs ? { readyTimeoutMs: variant.readyTimeoutMs } : {}),
    ...(options.stdoutFd === undefined ? {} : { stdoutFd: options.stdoutFd }),
    ready: async () => (await fetch(`${base}/readyz`, { headers: benchHeaders() })).status === 200,
  });
  return Object.assign(proc, { url: `${base}/graphql`, variant, configYaml });
}
