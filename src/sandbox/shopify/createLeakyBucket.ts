import { performance } from 'node:perf_hooks';

/** Shopify's `extensions.cost.throttleStatus`. */
export interface ThrottleStatus {
  readonly maximumAvailable: number;
  readonly currentlyAvailable: number;
  readonly restoreRate: number;
}

/** Options of {@link createLeakyBucket}. */
export interface LeakyBucketOptions {
  /** Capacity in cost points; the bucket starts full. */
  readonly size: number;
  /** Points restored per second. */
  readonly restoreRate: number;
  /** Clock in ms; default `performance.now`. Injected by tests. */
  readonly now?: () => number;
}

/** A cost-point leaky bucket, as Shopify keeps per app and shop. */
export interface LeakyBucket {
  /** Takes `cost` points if that many are available now; false (nothing taken) otherwise. */
  tryTake(cost: number): boolean;
  /** Returns unused points (requested minus actual cost), never beyond capacity. */
  refund(points: number): void;
  /** Live status; `currentlyAvailable` is rounded down to whole points, as Shopify reports it. */
  status(): ThrottleStatus;
}

/** Creates a full bucket. Throws a TypeError for a non-positive size or restore rate. */
export function createLeakyBucket(options: LeakyBucketOptions): LeakyBucket {
  for (const key of ['size', 'restoreRate'] as const) {
    const value = options[key];
    if (!Number.isFinite(value) || value <= 0) throw new TypeError(`createLeakyBucket: ${key} must be a positive number, got ${String(value)}`);
  }
  const now = options.now ?? (() => performance.now());
  let available = options.size;
  let last = now();
  const refill = (): void => {
    const at = now();
    available = Math.min(options.size, available + ((at - last) / 1000) * options.restoreRate);
    last = at;
  };
  return {
    tryTake(cost) {
      refill();
      if (cost > available) return false;
      available -= cost;
      return true;
    },
    refund(points) {
      refill();
      available = Math.min(options.size, available + Math.max(0, points));
    },
    status() {
      refill();
      return { maximumAvailable: options.size, currentlyAvailable: Math.floor(available), restoreRate: options.restoreRate };
    },
  };
}
