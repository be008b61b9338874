import { Counter, type Registry } from 'prom-client';

/** A counter whose increments are summed in memory and handed to prom-client when it is scraped. */
export interface TalliedCounter<L extends string> {
  /** Adds `value` (default 1) to the series of `labels`; a series first seen with 0 is still exported, at 0. */
  inc(labels: Readonly<Record<L, string>>, value?: number): void;
}

/**
 * A prom-client `Counter` fed at scrape time (its `collect`) from sums kept in a `Map` per label set. prom-client
 * checks and hashes the labels on every `inc`; the resilience layer reports several counters per upstream call,
 * which made those checks ~1 % of a query's CPU at saturation (BENCHMARKS.md, issue 17). The exported values are
 * the same: every increment is in the next scrape. Label sets are the counter's own (sources, codes, outcomes),
 * so the map stays as small as the series.
 */
export function createTalliedCounter<L extends string>(options: { name: string; help: string; labelNames: readonly L[]; registry: Registry }): TalliedCounter<L> {
  const pending = new Map<string, { readonly labels: Readonly<Record<L, string>>; value: number }>();
  const names = options.labelNames;
  new Counter<L>({
    name: options.name,
    help: options.help,
    labelNames: names,
    registers: [options.registry],
    collect() {
      for (const entry of pending.values()) {
        this.inc(entry.labels as Partial<Record<L, string>>, entry.value);
        entry.value = 0;
      }
    },
  });
  const keyOf = (labels: Readonly<Record<L, string>>): string => (names.length === 1 ? labels[names[0]!] : names.map((name) => labels[name]).join('\u0000'));
  return {
    inc(labels, value = 1) {
      if (!(value >= 0)) throw new TypeError(`${options.name}: an increment must be a number >= 0, got ${String(value)}`);
      const key = keyOf(labels);
      const entry = pending.get(key);
      if (entry) entry.value += value;
      else pending.set(key, { labels: { ...labels }, value });
    },
  };
}
