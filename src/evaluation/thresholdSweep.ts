import { ConfigError } from '../config.js';
import type { IdentityTuning } from '../identity/index.js';

/** Default sweep: the configured link threshold −6 to +6 in steps of 2 (7 runs), none below 1. */
export function defaultThresholds(linkThreshold: number): number[] {
  return [-6, -4, -2, 0, 2, 4, 6].map((d) => linkThreshold + d).filter((t) => t >= 1);
}

/**
 * Parses `--thresholds a,b,c` (numbers, any order, duplicates dropped) into ascending order. Throws
 * {@link ConfigError} for an empty list or a value that is not a finite number.
 */
export function parseThresholds(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  const values = parts.map(Number);
  const bad = parts.find((p, i) => p === '' || !Number.isFinite(values[i]));
  if (bad !== undefined) throw new ConfigError(`--thresholds must be comma-separated numbers, got ${JSON.stringify(text)}`);
  return [...new Set(values)].sort((a, b) => a - b);
}

/**
 * The tuning of one sweep run: the link threshold at `threshold`, the review threshold kept as configured
 * unless that would not be below the new link threshold (then one below it).
 */
export function tuningAtThreshold(tuning: IdentityTuning, threshold: number): IdentityTuning {
  const reviewThreshold = Math.min(tuning.matching.reviewThreshold, threshold - 1);
  return { ...tuning, matching: { ...tuning.matching, linkThreshold: threshold, reviewThreshold } };
}
