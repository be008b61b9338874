import type { LevelWeight } from '../identity/index.js';
import type { PairFigures } from './scorePairs.js';

/** One run of the threshold sweep. */
export interface SweepRun extends PairFigures {
  readonly linkThreshold: number;
  readonly reviewThreshold: number;
  /** Wall time of resolving every labelled record at this threshold, ms. */
  readonly elapsedMs: number;
  /** CPU time of that run (user + system), ms. */
  readonly cpuMs: number;
}

/** Everything `c360 identity evaluate` measured (written as `evaluation.json`). */
export interface Evaluation {
  /** ISO 8601. */
  readonly generatedAt: string;
  /** Where the labels came from, in words (`truth file pairs.csv (pairs)`, `cluster column crm:person_id`). */
  readonly labels: string;
  /** Sources whose records were scored. */
  readonly labelledSources: readonly string[];
  /** Rows of labelled sources without a usable label (not scored). */
  readonly unlabelled: number;
  /** Labelled records the source did not return (counted as customers of their own). */
  readonly notFound: number;
  /** Resolutions made while a source failed, and the first failure. */
  readonly incomplete: number;
  readonly firstFailure: string | null;
  readonly linkThreshold: number;
  readonly reviewThreshold: number;
  /** Figures at the configured thresholds. */
  readonly figures: PairFigures;
  /** Wall time of the run at the configured thresholds, ms. */
  readonly elapsedMs: number;
  /** CPU time of that run (user + system), ms. */
  readonly cpuMs: number;
  /** Figures at each swept link threshold, ascending. */
  readonly sweep: readonly SweepRun[];
  /** The weight of every comparison level of the configured matcher. */
  readonly levelWeights: readonly LevelWeight[];
}
