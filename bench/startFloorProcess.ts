import { fileURLToPath } from 'node:url';
import type { Sandbox } from '../src/sandbox/index.js';
import { GATEWAY_NODE_ARGS } from './benchModes.js';
import { freePort, spawnPinned, type PinnedProcess } from './spawnPinned.js';

/** The floor program running as its own pinned process. */
export interface FloorProcess extends PinnedProcess {
  /** POST `{"refs":[...]}` here. */
  readonly url: string;
}

const ENTRY = fileURLToPath(new URL('./floorServer.js', import.meta.url));

/** Starts bench/floorServer.js against the sandbox, pinned to `core`, same socket limits and Node arguments as the gateway. */
export async function startFloorProcess(sandbox: Sandbox, options: { core: number; cores: number; nodeArgs?: readonly string[]; launcher?: readonly string[]; readyTimeoutMs?: number; timeoutMs?: number }): Promise<FloorProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const proc = await spawnPinned([...GATEWAY_NODE_ARGS, ...(options.nodeArgs ?? []), ENTRY], {
    core: options.core,
    cores: options.cores,
    env: { ...process.env, FLOOR_PORT: String(port), FLOOR_SOURCES: JSON.stringify(sandbox.sourceConfigs({ timeoutMs: options.timeoutMs ?? 5_000, maxSockets: 256 })) },
    ...(options.launcher ? { launcher: options.launcher } : {}),
    ...(options.readyTimeoutMs ? { readyTimeoutMs: options.readyTimeoutMs } : {}),
    ready: async () => (await fetch(url)).status === 200,
  });
  return Object.assign(proc, { url });
}
