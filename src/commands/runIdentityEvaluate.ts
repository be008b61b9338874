import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { createSourceAdapter } from '../adapters/createSourceAdapter.js';
import { ConfigError, loadConfig } from '../config.js';
import {
  collectLabels,
  defaultThresholds,
  evaluateIdentity,
  formatEvaluation,
  parseThresholds,
  renderLevelWeightsChart,
  renderReport,
  renderThresholdChart,
  type Evaluation,
  type LabelSource,
} from '../evaluation/index.js';

/** Options of {@link runIdentityEvaluate} (the CLI flags). */
export interface RunIdentityEvaluateOptions {
  readonly configPath: string;
  /** `--truth`: a `source,id,cluster` or `source,id,source,id` CSV. Exactly one of this and `clusterColumns`. */
  readonly truthPath?: string | undefined;
  /** `--cluster-column SOURCE:COLUMN[,SOURCE:COLUMN...]`: the person read from a file source's own column. */
  readonly clusterColumns?: string | undefined;
  /** `--cluster-pattern`: regex whose first group of the cluster column's value is the person. */
  readonly clusterPattern?: string | undefined;
  /** `--out`: directory of the report. Default `./c360-evaluation`. */
  readonly outDir?: string | undefined;
  /** `--thresholds a,b,c`: link thresholds to sweep. Default the configured one −6..+6 in steps of 2. */
  readonly thresholds?: string | undefined;
  /** `--concurrency`: resolutions in flight. Default 8. */
  readonly concurrency?: number | undefined;
}

/**
 * `c360 identity evaluate`: resolves every labelled record of a config's sources as the gateway would, and
 * prints and writes (`evaluation.json`, `report.html`, `thresholds.svg`, `level-weights.svg` in `outDir`)
 * pairwise precision, recall, F1, pairs left as candidates, over-merges, under-linked persons and a link
 * threshold sweep. Throws {@link ConfigError} (the CLI exits 2) for a bad config, flags or labels.
 */
export async function runIdentityEvaluate(options: RunIdentityEvaluateOptions, print: (line: string) => void): Promise<Evaluation> {
  if ((options.truthPath === undefined) === (options.clusterColumns === undefined)) {
    throw new ConfigError('identity evaluate needs exactly one of --truth <file> and --cluster-column SOURCE:COLUMN');
  }
  if (options.clusterPattern !== undefined && options.clusterColumns === undefined) throw new ConfigError('--cluster-pattern applies to --cluster-column only');
  const config = loadConfig(options.configPath);
  const from: LabelSource = options.truthPath !== undefined ? { truthPath: options.truthPath } : { clusterColumns: options.clusterColumns!, clusterPattern: options.clusterPattern };
  const thresholds = options.thresholds === undefined ? defaultThresholds(config.identity.matching.linkThreshold) : parseThresholds(options.thresholds);
  const labels = await collectLabels(config, from);
  print(`Resolving ${labels.labels.size} labelled records of ${labels.sources.join(', ')} at ${1 + thresholds.filter((t) => t !== config.identity.matching.linkThreshold).length} link threshold(s)...`);
  const logger = pino({ level: 'silent' });
  const adapters = config.sources.map((source) => createSourceAdapter(source, logger));
  try {
    // File sources load and index their file on first use: done here so that it is not timed as resolution.
    const loading = performance.now();
    const fileSources = new Set(config.sources.filter((s) => s.file).map((s) => s.name));
    await Promise.all(
      adapters
        .filter((a) => fileSources.has(a.name))
        .map((a) =>
          a.getByIds([], {}).catch((error: unknown) => {
            throw new ConfigError(`source ${a.name} cannot be loaded: ${(error as Error).message}`);
          }),
        ),
    );
    if (fileSources.size > 0) print(`  file sources loaded in ${((performance.now() - loading) / 1000).toFixed(1)} s`);
    const evaluation = await evaluateIdentity({
      config,
      adapters,
      labels,
      thresholds,
      concurrency: options.concurrency ?? 8,
      onRun: (t, ms, cpu) => print(`  link threshold ${t}: ${(ms / 1000).toFixed(1)} s (CPU ${(cpu / 1000).toFixed(1)} s)`),
    });
    const outDir = resolve(options.outDir ?? 'c360-evaluation');
    await mkdir(outDir, { recursive: true });
    const points = evaluation.sweep.map((r) => ({ threshold: r.linkThreshold, precision: r.precision, recall: r.recall, f1: r.f1 }));
    await writeFile(join(outDir, 'evaluation.json'), `${JSON.stringify(evaluation, null, 2)}\n`);
    await writeFile(join(outDir, 'report.html'), renderReport(evaluation));
    await writeFile(join(outDir, 'thresholds.svg'), `${renderThresholdChart(points, evaluation.linkThreshold)}\n`);
    await writeFile(join(outDir, 'level-weights.svg'), `${renderLevelWeightsChart(evaluation.levelWeights)}\n`);
    print('');
    for (const line of formatEvaluation(evaluation)) print(line);
    print('');
    print(`Report: ${join(outDir, 'report.html')} (figures in evaluation.json)`);
    return evaluation;
  } finally {
    await Promise.all(adapters.map((a) => a.close?.()));
  }
}
