import type { PinnedProcess } from './spawnPinned.js';

/** RSS of a process over a run: peak, first and last samples, and the least-squares slope. */
export interface RssTrend {
  /** Peak resident set size (VmHWM) at the end, MiB. */
  readonly peakMiB: number;
  readonly samples: number;
  /** Mean of the first and of the last 10 % of the samples (at least one each), MiB. */
  readonly startMiB: number;
  readonly endMiB: number;
  /** Least-squares slope of RSS over time, MiB per minute (flat ≈ 0; a leak is steadily positive). */
  readonly slopeMiBPerMin: number;
  /** Every sample: [seconds since start, MiB]. */
  readonly series: ReadonlyArray<readonly [number, number]>;
}

/**
 * Samples a process's VmRSS every `everyMs` until `stop()`, which returns the trend (idempotent: later calls
 * return the same figures). Unreadable samples (process gone) are skipped.
 */
export function sampleRss(target: Pick<PinnedProcess, 'rssMiB' | 'peakRssMiB'>, everyMs: number): { stop(): RssTrend } {
  const started = performance.now();
  const series: Array<[number, number]> = [];
  const take = (): void => {
    const v = target.rssMiB();
    if (Number.isFinite(v)) series.push([(performance.now() - started) / 1000, v]);
  };
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  let result: RssTrend | null = null;
  return {
    stop() {
      if (result) return result;
      clearInterval(timer);
      take();
      result = rssTrend(series, target.peakRssMiB());
      return result;
    },
  };
}

/** {@link RssTrend} of samples [seconds, MiB]. */
export function rssTrend(series: ReadonlyArray<readonly [number, number]>, peakMiB: number): RssTrend {
  const n = series.length;
  const k = Math.max(1, Math.floor(n / 10));
  const mean = (xs: ReadonlyArray<readonly [number, number]>): number => xs.reduce((a, [, v]) => a + v, 0) / Math.max(1, xs.length);
  let slope = Number.NaN;
  if (n >= 2) {
    const mt = series.reduce((a, [t]) => a + t, 0) / n;
    const mv = mean(series);
    let num = 0;
    let den = 0;
    for (const [t, v] of series) {
      num += (t - mt) * (v - mv);
      den += (t - mt) ** 2;
    }
    slope = den > 0 ? (num / den) * 60 : Number.NaN;
  }
  return { peakMiB, samples: n, startMiB: mean(series.slice(0, k)), endMiB: mean(series.slice(n - k)), slopeMiBPerMin: slope, series };
}
