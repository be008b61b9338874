import { loadFileRecords } from '../adapters/file/index.js';
import { ConfigError, type GatewayConfig } from '../config.js';
import { formatRef } from '../domain/index.js';
import { compileClusterPattern, readClusterColumn } from './readClusterColumn.js';
import { personsFromPairs, readTruthFile } from './readTruthFile.js';

/** Where labels come from: a truth file, or `SOURCE:COLUMN` cluster columns (with an optional pattern). */
export type LabelSource = { readonly truthPath: string } | { readonly clusterColumns: string; readonly clusterPattern?: string | undefined };

/** The labelled records: `source/id` → person, in file order. */
export interface Labels {
  readonly labels: Map<string, string>;
  readonly description: string;
  readonly sources: readonly string[];
  readonly unlabelled: number;
}

/**
 * Reads the ground truth for a config. A pairs truth file labels every record of each named file source (a
 * record in no pair is a person of its own) plus every record a pair names; a clusters truth file and cluster
 * columns label the records they list. Throws {@link ConfigError} for an unknown source, a cluster column on a
 * source that is not `kind: file`, a bad pattern, a bad truth file, or no labelled record at all.
 */
export async function collectLabels(config: GatewayConfig, from: LabelSource): Promise<Labels> {
  const names = config.sources.map((s) => s.name);
  const result = 'truthPath' in from ? await fromTruthFile(config, from.truthPath) : await fromClusterColumns(config, from.clusterColumns, from.clusterPattern);
  if (result.labels.size === 0) {
    throw new ConfigError(`no labelled records: ${result.description} labels none of the records of ${result.sources.join(', ') || names.join(', ')}${result.unlabelled > 0 ? ` (${result.unlabelled} rows had no label${'clusterColumns' in from && from.clusterPattern ? ' matching --cluster-pattern' : ''})` : ''}`);
  }
  return result;
}

async function fromTruthFile(config: GatewayConfig, path: string): Promise<Labels> {
  const truth = readTruthFile(path, config.sources.map((s) => s.name));
  const sources = [...truth.sources];
  if (truth.kind === 'clusters') return { labels: new Map(truth.labels), description: `truth file ${path} (clusters)`, sources, unlabelled: 0 };
  const records: string[] = [];
  for (const name of sources) {
    const settings = config.sources.find((s) => s.name === name)?.file;
    if (!settings) continue;
    const loaded = await loadFileRecords(settings).catch((error: unknown) => {
      throw new ConfigError(`source ${name}: ${(error as Error).message}`);
    });
    for (const record of loaded.records) records.push(formatRef(record.ref));
  }
  return { labels: personsFromPairs(truth.pairs, records), description: `truth file ${path} (pairs)`, sources, unlabelled: 0 };
}

async function fromClusterColumns(config: GatewayConfig, spec: string, pattern: string | undefined): Promise<Labels> {
  const toPerson = compileClusterPattern(pattern);
  const labels = new Map<string, string>();
  const sources: string[] = [];
  let unlabelled = 0;
  for (const item of spec.split(',').map((s) => s.trim())) {
    const colon = item.indexOf(':');
    if (colon <= 0 || colon === item.length - 1) throw new ConfigError(`--cluster-column must be SOURCE:COLUMN[,SOURCE:COLUMN...], got ${JSON.stringify(spec)}`);
    const name = item.slice(0, colon);
    const source = config.sources.find((s) => s.name === name);
    if (!source) throw new ConfigError(`--cluster-column: unknown source ${JSON.stringify(name)} (the config has ${config.sources.map((s) => s.name).join(', ')})`);
    if (!source.file) throw new ConfigError(`--cluster-column: source ${name} is kind ${source.kind}; cluster columns are read from kind: file sources (use --truth for others)`);
    const read = await readClusterColumn(source.file, item.slice(colon + 1), toPerson);
    for (const [ref, person] of read.labels) labels.set(ref, person);
    unlabelled += read.unlabelled;
    sources.push(name);
  }
  const description = `cluster column ${spec}${pattern === undefined ? '' : ` with pattern ${pattern}`}`;
  return { labels, description, sources, unlabelled };
}
