/**
 * Quick (`npm run bench`, < 3 min) and full (`--full`) settings; every result file records the ones used.
 * Latencies in ms: `delayMs` is injected on every sandbox route, `jitterMs` adds uniform 0..jitter in the
 * jittered run, `slowDelayMs` is Zendesk's delay in the one-slow-source run. Counts are requests. `warmupS`: an
 * unmeasured saturation run before each process's first measured one (V8 needs thousands of requests to reach
 * steady state: a 4 s run right after start measured ~55 % of the steady per-core rate; see BENCHMARKS.md).
 * `compare*`: the side-by-side of the gateway, the naive peer and the floor program (bench/compareTargets.ts):
 * interleaved rounds, light requests per target and round, saturation seconds per target and round. Full mode
 * takes five shorter rounds in about the time three took: on this machine one round's ratio to the naive peer
 * ranged 1.23–2.08 within one run (BENCHMARKS.md, tenth session), and a median of five is steadier.
 */
export const MODES = {
  quick: { delayMs: 20, jitterMs: 10, slowDelayMs: 100, lightCount: 100, coldCount: 50, listCount: 5, loadDurationS: 4, warmupS: 4, connections: 64, compareRounds: 3, compareLightCount: 60, compareLoadS: 4 },
  full: { delayMs: 20, jitterMs: 10, slowDelayMs: 100, lightCount: 1_000, coldCount: 400, listCount: 50, loadDurationS: 20, warmupS: 10, connections: 64, compareRounds: 5, compareLightCount: 200, compareLoadS: 10 },
} as const;

/** The settings of one run. */
export type BenchSettings = (typeof MODES)[keyof typeof MODES] & { readonly mode: string; readonly logLevel: string; readonly datasetSize: number; readonly seed: number; readonly heavyOrders: number; readonly gatewayCore: number; readonly benchCore: number };

/**
 * Shopify's cost bucket in the bench: large enough never to throttle, so that saturation measures the gateway,
 * not the sandbox's simulated rate limit (the resilience tests cover throttling).
 */
export const UNTHROTTLED_SHOPIFY = { bucketSize: 100_000_000, restoreRate: 100_000_000 } as const;

/**
 * Node arguments the bench runs its gateways and floor program with: the recommended production setting
 * (README "Running in production", and `npm start`). A young generation of 64 MiB semi-spaces: at saturation
 * the 360 queries in flight keep their objects alive across the 20 ms upstream waits, so V8's default 16 MiB
 * semi-spaces promote them and garbage collection took ~21 % of the CPU (13 % with this). The "V8 defaults"
 * ablation measures without it.
 */
export const GATEWAY_NODE_ARGS = ['--max-semi-space-size=64'] as const;
