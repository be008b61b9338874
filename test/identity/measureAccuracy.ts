import { pino } from 'pino';
import { createSourceAdapter } from '../../src/adapters/createSourceAdapter.js';
import type { SourceAdapter } from '../../src/adapters/types.js';
import type { SourceRef } from '../../src/domain/index.js';
import { createIdentityResolver, defaultIdentityTuning, type IdentityTuning, type MatchModel } from '../../src/identity/index.js';
import { createLoaders } from '../../src/loaders/index.js';

/** Pairwise link quality against a ground truth. */
export interface AccuracyFigures {
  readonly records: number;
  readonly truePairs: number;
  readonly predictedPairs: number;
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

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
  const countPairs = (groups: Map<string, number>) => [...groups.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
  const byPerson = new Map<string, number>();
  const byCustomer = new Map<string, number>();
  const byBoth = new Map<string, number>();
  for (const { ref, personId } of labelled) {
    const customer = predicted.get(`${ref.source}/${ref.id}`)!;
    byPerson.set(personId, (byPerson.get(personId) ?? 0) + 1);
    byCustomer.set(customer, (byCustomer.get(customer) ?? 0) + 1);
    byBoth.set(`${personId}|${customer}`, (byBoth.get(`${personId}|${customer}`) ?? 0) + 1);
  }
  const truePairs = countPairs(byPerson);
  const predictedPairs = countPairs(byCustomer);
  const truePositives = countPairs(byBoth);
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const r = (n: number) => Math.round(n * 10_000) / 10_000;
  return { records: labelled.length, truePairs, predictedPairs, truePositives, precision: r(precision), recall: r(recall), f1: r(f1) };
}

/**
 * Adapters for sandbox source configs, silent. Accuracy is not latency: each call may take 20 s, so a slow,
 * loaded machine (CI's) never turns into timeouts and missing links.
 */
export function sandboxAdapters(configs: Parameters<typeof createSourceAdapter>[0][]): SourceAdapter[] {
  const logger = pino({ level: 'silent' });
  return configs.map((config) => createSourceAdapter({ ...config, timeoutMs: Math.max(config.timeoutMs, 20_000) }, logger));
}
