import { fileURLToPath } from 'node:url';
import type { Sandbox } from '../src/sandbox/index.js';
import { GATEWAY_NODE_ARGS } from './benchModes.js';
import { postRaw } from './postGraphql.js';
import { freePort, spawnPinned, type PinnedProcess } from './spawnPinned.js';

/** The naive peer (bench/naivePeer.ts) running as its own pinned process. */
export interface NaivePeerProcess extends PinnedProcess {
  /** POST GraphQL here. */
  readonly url: string;
}

const ENTRY = fileURLToPath(new URL('./naivePeer.js', import.meta.url));

/**
 * Starts the naive Apollo Server + axios peer against the sandbox, pinned to `core`, with the gateway's Node
 * arguments and `NODE_ENV=production` (as the gateway's CLI runs graphql-js), ready when it answers a query.
 */
export async function startNaivePeer(sandbox: Sandbox, options: { core: number; cores: number; launcher?: readonly string[]; readyTimeoutMs?: number }): Promise<NaivePeerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const proc = await spawnPinned([...GATEWAY_NODE_ARGS, ENTRY], {
    core: options.core,
    cores: options.cores,
    env: { ...process.env, NODE_ENV: 'production', NAIVE_PORT: String(port), NAIVE_SOURCES: JSON.stringify(sandbox.sourceConfigs()) },
    ...(options.launcher ? { launcher: options.launcher } : {}),
    ...(options.readyTimeoutMs ? { readyTimeoutMs: options.readyTimeoutMs } : {}),
    ready: async () => (await postRaw(url, '{"query":"{ __typename }"}', { 'content-type': 'application/json' })).status === 200,
  });
  return Object.assign(proc, { url });
}
