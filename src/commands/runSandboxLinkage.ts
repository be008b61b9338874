import { relative } from 'node:path';
import { writeLinkageBenchmark } from '../sandbox/linkage/index.js';

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  'truth.csv': 'ground truth: source, record_id, person_id, household_id, errors applied',
  'people.csv': 'the clean population (namesake_of, twin_of)',
  'manifest.json': 'options and counts',
  'c360.linkage.yaml': 'c360 config: one kind: file source per CSV',
};

/** Options of {@link runSandboxLinkage}. */
export interface RunSandboxLinkageOptions {
  /** Output directory (created if missing). */
  readonly out: string;
  /** People in the population; default 2 000. */
  readonly size?: number | undefined;
  /** Seed; default 1. */
  readonly seed?: number | undefined;
}

/**
 * `c360 sandbox linkage`: writes a seeded record-linkage benchmark (source CSVs, truth, clean people, manifest and
 * a c360 config with `kind: file` sources) and prints what it wrote. Rejects with the file system's error.
 */
export async function runSandboxLinkage(options: RunSandboxLinkageOptions, print: (line: string) => void): Promise<void> {
  const written = await writeLinkageBenchmark(options.out, {
    ...(options.size === undefined ? {} : { size: options.size }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  const s = written.summary;
  print(`c360 sandbox linkage: ${s.people} people (seed ${s.seed}), ${s.truePairs} true record pairs, in ${written.dir}`);
  for (const path of written.paths) {
    const name = relative(written.dir, path);
    const records = s.records[name.replace(/\.csv$/, '')];
    print(`  ${name.padEnd(18)}${records === undefined ? (DESCRIPTIONS[name] ?? '') : `${records} records`}`);
  }
  print(`People in 1/2/3 sources: ${[1, 2, 3].map((n) => s.peopleBySourceCount[n] ?? 0).join('/')}; households ${s.households} (${s.peopleInHouseholds} people), twins ${s.twins}, namesakes ${s.namesakes}`);
  print(`Config: ${written.configPath}`);
}
