import { inspect } from 'node:util';
import type { GenerateDatasetOptions } from './types.js';

/** Default number of people. */
export const DEFAULT_SIZE = 1000;
/** Largest accepted size: keeps generation within seconds and inside the fictional phone number space. */
export const MAX_SIZE = 100_000;
/** Default PRNG seed. */
export const DEFAULT_SEED = 42;
/** Largest seed: Faker's Mersenne Twister reduces a numeric seed to 32 bits, so larger ones would alias. */
export const MAX_SEED = 0xffff_ffff;
/** Default reference "now". */
export const DEFAULT_NOW = '2026-11-01T00:00:00.000Z';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Options with defaults applied; `now` normalised to UTC with milliseconds. */
export interface ResolvedOptions {
  readonly size: number;
  readonly seed: number;
  readonly now: string;
  readonly nowMs: number;
}

/**
 * Applies defaults and validates: `size` an integer 1..100000, `seed` an integer 0..2^32-1, `now` an ISO 8601
 * timestamp with a zone that names a real instant. A bad value throws a TypeError naming the option and
 * showing the value.
 */
export function resolveOptions(options: GenerateDatasetOptions | undefined): ResolvedOptions {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError(`generateDataset: options must be an object, got ${inspect(options)}`);
  }
  const { size = DEFAULT_SIZE, seed = DEFAULT_SEED, now = DEFAULT_NOW } = options ?? {};
  if (!Number.isInteger(size) || size < 1 || size > MAX_SIZE) {
    throw new TypeError(`generateDataset: options.size must be an integer from 1 to ${MAX_SIZE}, got ${inspect(size)}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new TypeError(`generateDataset: options.seed must be an integer from 0 to ${MAX_SEED}, got ${inspect(seed)}`);
  }
  const nowMs = typeof now === 'string' && ISO_TIMESTAMP.test(now) ? Date.parse(now) : Number.NaN;
  if (Number.isNaN(nowMs) || !isSupportedDate(now)) {
    throw new TypeError(
      `generateDataset: options.now must be an ISO 8601 timestamp from year 1900 such as ${DEFAULT_NOW}, got ${inspect(now)}`,
    );
  }
  return { size, seed, now: new Date(nowMs).toISOString(), nowMs };
}

/**
 * Date.parse rolls `2026-02-30` over to March, so check the day exists. Years before 1900 are refused so that
 * birth dates (up to 85 years back) keep a four-digit year.
 */
function isSupportedDate(iso: string): boolean {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}
