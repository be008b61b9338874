import type { SourceAdapter } from '../adapters/types.js';
import type { GatewayConfig } from '../config.js';
import { createMatcher } from '../identity/index.js';
import { loadConfiguredModel } from '../identityResolverOptions.js';
import type { Evaluation, SweepRun } from './Evaluation.js';
import type { Labels } from './collectLabels.js';
import { resolveAll } from './resolveAll.js';
import { scorePairs } from './scorePairs.js';
import { tuningAtThreshold } from './thresholdSweep.js';

/** Options of {@link evaluateIdentity}. */
export interface EvaluateIdentityOptions {
  readonly config: GatewayConfig;
  /** Adapters of every configured source, in config order (priority). */
  readonly adapters: readonly SourceAdapter[];
  readonly labels: Labels;
  /** Link thresholds of the sweep (ascending); empty for none. */
  readonly thresholds: readonly number[];
  /** Resolutions in flight at once. */
  readonly concurrency: number;
  /** Called after each run (progress). */
  readonly onRun?: (linkThreshold: number, elapsedMs: number, cpuMs: number) => void;
  readonly now?: () => Date;
}

/**
 * Resolves every labelled record at the configured thresholds and at each swept link threshold (a fresh
 * identity resolver per run), and scores each run against the labels. A swept threshold equal to the
 * configured one reuses the configured run.
 */
export async function evaluateIdentity(options: EvaluateIdentityOptions): Promise<Evaluation> {
  const { config, labels } = options;
  const refs = [...labels.labels.keys()];
  // A bad model file is a config error, as at gateway start; loaded once for every threshold run.
  const model = config.identity.model === undefined ? undefined : loadConfiguredModel(config.identity.model);
  const run = async (tuning: GatewayConfig['identity']) => {
    const result = await resolveAll({ adapters: options.adapters, config, tuning, model, refs, concurrency: options.concurrency });
    options.onRun?.(tuning.matching.linkThreshold, result.elapsedMs, result.cpuMs);
    return { result, figures: scorePairs(labels.labels, result.predicted) };
  };
  const configured = await run(config.identity);
  const { linkThreshold, reviewThreshold } = config.identity.matching;
  const sweep: SweepRun[] = [];
  for (const threshold of options.thresholds) {
    const tuning = { ...config.identity, ...tuningAtThreshold(config.identity, threshold) };
    const same = threshold === linkThreshold && tuning.matching.reviewThreshold === reviewThreshold;
    const { result, figures } = same ? configured : await run(tuning);
    sweep.push({ linkThreshold: threshold, reviewThreshold: tuning.matching.reviewThreshold, ...figures, elapsedMs: result.elapsedMs, cpuMs: result.cpuMs });
  }
  return {
    generatedAt: (options.now ?? (() => new Date()))().toISOString(),
    labels: labels.description,
    labelledSources: labels.sources,
    unlabelled: labels.unlabelled,
    notFound: configured.result.notFound,
    incomplete: configured.result.incomplete,
    firstFailure: configured.result.firstFailure,
    linkThreshold,
    reviewThreshold,
    figures: configured.figures,
    elapsedMs: configured.result.elapsedMs,
    cpuMs: configured.result.cpuMs,
    sweep,
    levelWeights: createMatcher(config.identity, model).levelWeights(),
  };
}
