import { pino } from 'pino';
import { createSourceAdapter } from '../../src/adapters/createSourceAdapter.js';
import type { SourceAdapter } from '../../src/adapters/types.js';
import type { SourceRef } from '../../src/domain/index.js';
import { createIdentityResolver, defaultIdentityTuning, type IdentityTuning, type MatchModel } from '../../src/identity/index.js';
import { createLoaders } from '../../src/loaders/index.js';
import { scorePairs, type PairFigures } from '../../src/evaluation/scorePairs.js';

/** Pairwise link quality against a ground truth (the figures `c360 identity evaluate` prints). */
export type AccuracyFigures = Pick<PairFigures, 'records' | 'truePairs' | 'predictedPairs' | 'truePositives' | 'precision' | 'recall' | 'f1'>;

/** One labelled record: its ref and the ground-truth person it belongs to. */
export interface LabelledRef {
  readonly ref: SourceRef;
  readonly personId: string;
}

/**
 * Resolves every labelled record through the identity resolver (real adapters over loopback HTTP, a fresh
 * set of DataLoaders per resolution as per request), then counts pairs: a predicted pair is two records in
 * one customer, a true pair two records of one person.
 */
export async function measureAccuracy(adapters: readonly SourceAdapter[], labelled: readonly LabelledRef[], tuning: IdentityTuning = defaultIdentityTuning(), model?: MatchModel): Promise<AccuracyFigures> {
  const resolver = createIdentityResolver({ sourcePriority: adapters.map((a) => a.name), tuning, ...(model ? { model } : {}) });
  const predicted = new Map<string, string>();
  const queue = [...labelled];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const loaders = createLoaders(adapters, {});
      const resolved = await resolver.resolveRef(next.ref, loaders.identityAccess);
      if (resolved.failures.length > 0) throw resolved.failures[0]!.error;
      predicted.set(`${next.ref.source}/${next.ref.id}`, resolved.value?.customerId ?? `missing:${next.ref.source}/${next.ref.id}`);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  resolver.close();
  const truth = new Map(labelled.map(({ ref, personId }) => [`${ref.source}/${ref.id}`, personId]));
  const { records, truePairs, predictedPairs, truePositives, precision, recall, f1 } = scorePairs(truth, new Map([...predicted].map(([ref, customerId]) => [ref, { customerId, candidates: [] }])));
  return { records, truePairs, predictedPairs, truePositives, precision, recall, f1 };
}

/** Adapters for sandbox source configs, silent (callers give a generous `timeoutMs`: accuracy is not latency). */
export function sandboxAdapters(configs: Parameters<typeof createSourceAdapter>[0][]): SourceAdapter[] {
  const logger = pino({ level: 'silent' });
  return configs.map((config) => createSourceAdapter(config, logger));
}
