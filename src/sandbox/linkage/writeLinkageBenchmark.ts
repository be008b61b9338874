import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateLinkageBenchmark, type LinkageBenchmarkOptions, type LinkageSummary } from './generateLinkageBenchmark.js';
import { linkageConfigYaml } from './linkageConfigYaml.js';
import { DEFAULT_LINKAGE_SOURCES } from './linkageSources.js';

/** Name of the c360 config written next to the data. */
export const LINKAGE_CONFIG_FILE = 'c360.linkage.yaml';

/** What {@link writeLinkageBenchmark} wrote. */
export interface WrittenLinkageBenchmark {
  /** Absolute path of the output directory. */
  readonly dir: string;
  /** Absolute paths of every file written, the config last. */
  readonly paths: readonly string[];
  /** Absolute path of the c360 config (`c360.linkage.yaml`). */
  readonly configPath: string;
  readonly summary: LinkageSummary;
}

/**
 * Generates a benchmark ({@link generateLinkageBenchmark}) and writes it to `dir` (created if missing; files of
 * the same names are overwritten), with a c360 config `c360.linkage.yaml` whose file sources point at the CSVs.
 * Rejects with a RangeError for bad options, or the file system's error.
 */
export async function writeLinkageBenchmark(dir: string, options: LinkageBenchmarkOptions = {}): Promise<WrittenLinkageBenchmark> {
  const benchmark = generateLinkageBenchmark(options);
  const absolute = resolve(dir);
  await mkdir(absolute, { recursive: true });
  const paths: string[] = [];
  for (const file of benchmark.files) {
    const path = join(absolute, file.name);
    await writeFile(path, file.text, 'utf8');
    paths.push(path);
  }
  const { summary } = benchmark;
  const comment = [
    `Record-linkage benchmark from \`c360 sandbox linkage\` (seed ${summary.seed}, ${summary.people} people, ${summary.truePairs} true pairs).`,
    'Ground truth: truth.csv (source, record_id, person_id) in the same directory. Synthetic data only.',
    'To serve it, add auth (README "Security"); every other key has a default.',
  ].join('\n');
  const configPath = join(absolute, LINKAGE_CONFIG_FILE);
  await writeFile(configPath, linkageConfigYaml(absolute, options.sources ?? DEFAULT_LINKAGE_SOURCES, comment), 'utf8');
  paths.push(configPath);
  return { dir: absolute, paths, configPath, summary };
}
