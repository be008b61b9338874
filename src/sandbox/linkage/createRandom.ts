/**
 * A seeded pseudo-random source for the linkage benchmark. Every draw the generator makes goes through one of
 * these, so the same seed gives byte-identical files on every machine and Node version (no `Math.random`).
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p` (0..1). */
  chance(p: number): boolean;
  /** One element, uniformly. Throws a RangeError for an empty list. */
  pick<T>(items: readonly T[]): T;
  /** One element by weight (weights ≥ 0, not all 0). */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * Creates a {@link Random} from a 32-bit integer seed (mulberry32: small, fast, well distributed for test
 * data; not for cryptography). Lifetime: one generation run.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      if (!(total > 0)) throw new RangeError('weighted pick needs a positive total weight');
      let x = next() * total;
      for (const [item, w] of items) {
        x -= w;
        if (x < 0) return item;
      }
      return items.at(-1)![0];
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
  };
}

/**
 * A Zipf-Mandelbrot sampler over ranks 0..n-1: P(rank k) ∝ 1 / (k + 1 + offset)^exponent. With exponent 1,
 * offset 2 and about 500 surnames, the top name holds about 5 % of people and the top ten about a third,
 * while half the names are held by a few people each: a heavy head like real surnames, on a small vocabulary.
 */
export function createZipfSampler(n: number, exponent: number, offset = 2): (random: Random) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 0; k < n; k++) cumulative.push((total += 1 / (k + 1 + offset) ** exponent));
  return (random) => {
    const x = random.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
