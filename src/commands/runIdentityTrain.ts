import { writeFileSync } from 'node:fs';
import { pino } from 'pino';
import { createSourceAdapter } from '../adapters/createSourceAdapter.js';
import type { IdentityRecord } from '../domain/index.js';
import { formatRef } from '../domain/index.js';
import { createMatcher, expandCandidates, trainMatchModel } from '../identity/index.js';
import { loadConfig, ConfigError } from '../config.js';
import { createLoaders } from '../loaders/index.js';

/** Options of {@link runIdentityTrain}. */
export interface RunIdentityTrainOptions {
  readonly configPath: string;
  /** Where the model file goes. Default `c360-model.json` in the working directory. */
  readonly out?: string | undefined;
  /** Records taken from each source that can list them (file sources). Default 50 000. */
  readonly sample?: number | undefined;
  /** Sampled records whose keys are searched in every source, to bring in records of sources that cannot list them. Default 200. */
  readonly seeds?: number | undefined;
}

/**
 * `c360 identity train`: estimates match weights from the configured sources and writes a model file
 * (see trainMatchModel). Records come from sources that can list them (`kind: file`); for a sample of
 * them, every source is searched with their blocking keys, so CRM, shop and help-desk records join the
 * training set. Throws ConfigError for a bad config or when no source can list records.
 */
export async function runIdentityTrain(options: RunIdentityTrainOptions, print: (line: string) => void): Promise<void> {
  const config = loadConfig(options.configPath);
  const logger = pino({ level: 'silent' });
  const adapters = config.sources.map((source) => createSourceAdapter(source, logger));
  try {
    const records = new Map<string, IdentityRecord>();
    const listed: IdentityRecord[] = [];
    for (const adapter of adapters) {
      if (!adapter.sample) continue;
      const sample = await adapter.sample(options.sample ?? 50_000, {});
      listed.push(...sample);
      print(`  ${adapter.name}: ${sample.length} records`);
    }
    if (listed.length === 0) throw new ConfigError(`${options.configPath}: no source can list records for training (add a kind: file export of one source)`);
    for (const record of listed) records.set(formatRef(record.ref), record);
    const matcher = createMatcher(config.identity);
    const seeds = listed.slice(0, options.seeds ?? 200);
    const others = adapters.filter((a) => !a.sample && a.capabilities.search);
    if (others.length > 0) {
      for (const seed of seeds) {
        const loaders = createLoaders(others, {});
        const found = await expandCandidates([], [seed], loaders.identityAccess, {
          defaultRegion: config.identity.defaultRegion,
          stripPlusTags: config.identity.normalize.stripPlusTags,
          matcher,
          sourcePriority: config.sources.map((s) => s.name),
          maxHops: 0,
          maxRecordsPerKey: config.identity.maxRecordsPerKey,
          maxKeysPerRound: config.identity.maxKeysPerRound,
          maxKeysPerResolution: config.identity.maxKeysPerResolution,
          maxSearchesPerResolution: config.identity.maxSearchesPerResolution,
          maxRecordsPerResolution: config.identity.maxRecordsPerResolution,
        });
        for (const record of found.records) records.set(formatRef(record.ref), record);
        for (const failure of found.failures) print(`  warning: ${failure.source} failed while searching: ${failure.error.message}`);
      }
      print(`  searched ${others.map((a) => a.name).join(', ')} for ${seeds.length} records: ${records.size - listed.length} more records`);
    }
    const model = trainMatchModel({ records: [...records.values()], tuning: config.identity, defaultRegion: config.identity.defaultRegion });
    const out = options.out ?? 'c360-model.json';
    writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
    const { trainedOn } = model;
    print(`trained on ${trainedOn.records} records: ${trainedOn.candidatePairs} candidate pairs (EM, ${trainedOn.iterations} iterations, match share ${trainedOn.matchShare}), ${trainedOn.randomPairs} random pairs (u)`);
    for (const [comparison, levels] of Object.entries(model.levels)) {
      const parts = Object.entries(levels ?? {}).map(([level, p]) => `${level} ${Math.log2(p!.m / p!.u).toFixed(1)}`);
      print(`  ${comparison.padEnd(11)} ${parts.join('  ')}`);
    }
    print(`wrote ${out}; use it with identity.model: ${out} (relative to the config file)`);
  } finally {
    await Promise.all(adapters.map((a) => a.close?.()));
  }
}
