import type { FakeServer } from '../src/sandbox/fakeTypes.js';
import { loadFigures, loadStart, type LoadFigures } from './measureLoad.js';
import { postRaw } from './postGraphql.js';
import type { PinnedProcess } from './spawnPinned.js';

/**
 * Open-loop load at a fixed rate: request i is due at `start + i / rate` (evenly spaced, not bursts), sent on
 * the bench's keep-alive pool (`postRaw`, 64 sockets), and its latency runs from when it was **due**, so a
 * server that falls behind is charged the wait (no coordinated omission). Used for "50 % of saturation":
 * autocannon's `overallRate` releases each second's requests in a burst, which measured queueing instead of
 * the load. Answers that are not HTTP 200 count as `non2xx`; connection failures as `errors`.
 */
export async function measurePaced(options: { url: string; headers: Record<string, string>; body: (i: number) => string; connections: number; durationS: number; rate: number; target: PinnedProcess; servers: readonly FakeServer[] }): Promise<LoadFigures> {
  const total = Math.max(1, Math.round(options.rate * options.durationS));
  const times: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const send = async (i: number, dueAt: number): Promise<void> => {
    try {
      const { status } = await postRaw(options.url, options.body(i), options.headers);
      if (status !== 200) non2xx += 1;
      times.push(performance.now() - dueAt);
    } catch {
      errors += 1;
    }
  };
  const { cpuBefore, countBefore } = loadStart(options);
  const start = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < total; i += 1) {
    const dueAt = start + (i * 1000) / options.rate;
    const wait = dueAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(i, dueAt));
  }
  await Promise.all(pending);
  const wallS = (performance.now() - start) / 1000;
  return loadFigures(options, { wallS, cpuBefore, countBefore, durationS: wallS, completed: times.length, non2xx, errors, times });
}
