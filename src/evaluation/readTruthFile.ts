import { readFileSync } from 'node:fs';
import { parseCsv } from '../adapters/file/index.js';
import { ConfigError } from '../config.js';
import { formatRef } from '../domain/index.js';

/**
 * A ground-truth file, by its header's column count:
 * - `clusters` (3 columns, `source,id,cluster`): every listed record with its person; records not listed are
 *   not scored.
 * - `pairs` (4 columns, `source,id,source,id`): every pair of records that are one person. Persons are the
 *   transitive closure of the pairs; every other record of the named sources is a person of its own.
 * A header that names its columns `source`, `id` (or `record_id`) and `cluster` (or `person_id`) is a
 * clusters file whatever its width; other columns are ignored (the truth.csv of `c360 sandbox linkage`).
 */
export type TruthFile =
  | { readonly kind: 'clusters'; readonly labels: ReadonlyMap<string, string>; readonly sources: ReadonlySet<string> }
  | { readonly kind: 'pairs'; readonly pairs: ReadonlyArray<readonly [string, string]>; readonly sources: ReadonlySet<string> };

/**
 * Reads a CSV truth file (header row first; see {@link TruthFile}). Refs are `source/id` strings. Throws
 * {@link ConfigError} naming the file (and line) for a missing file, a header of another width, a row of the
 * wrong width or with an empty value, a source not in `knownSources`, or no rows.
 */
export function readTruthFile(path: string, knownSources: readonly string[]): TruthFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(code === 'ENOENT' ? `--truth: file ${path} does not exist` : `--truth: cannot read ${path}: ${code ?? String(error)}`);
  }
  let rows;
  try {
    rows = parseCsv(text);
  } catch (error) {
    throw new ConfigError(`--truth: ${path}: ${(error as Error).message}`);
  }
  const [header, ...body] = rows;
  const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const named = { source: names.indexOf('source'), id: Math.max(names.indexOf('id'), names.indexOf('record_id')), cluster: Math.max(names.indexOf('cluster'), names.indexOf('person_id')) };
  if (names.length > 3 && named.source >= 0 && named.id >= 0 && named.cluster >= 0) {
    if (body.length === 0) throw new ConfigError(`--truth: ${path} has a header but no rows`);
    const known = new Set(knownSources);
    const labels = new Map<string, string>();
    const sources = new Set<string>();
    for (const row of body) {
      if (row.fields.length !== names.length) throw new ConfigError(`--truth: ${path} line ${row.line}: ${row.fields.length} fields, the header has ${names.length}`);
      const [source, id, cluster] = [row.fields[named.source]!.trim(), row.fields[named.id]!.trim(), row.fields[named.cluster]!.trim()];
      if (!source || !id || !cluster) throw new ConfigError(`--truth: ${path} line ${row.line}: empty source, id or cluster`);
      if (!known.has(source)) throw new ConfigError(`--truth: ${path} line ${row.line}: unknown source ${JSON.stringify(source)} (the config has ${[...known].join(', ')})`);
      sources.add(source);
      labels.set(formatRef({ source, id }), cluster);
    }
    return { kind: 'clusters', labels, sources };
  }
  const width = header?.fields.length;
  if (width !== 3 && width !== 4) {
    throw new ConfigError(`--truth: ${path} must start with a header of 3 columns (source,id,cluster) or 4 (source,id,source,id), got ${header ? header.fields.join(',') : 'an empty file'}`);
  }
  if (body.length === 0) throw new ConfigError(`--truth: ${path} has a header but no rows`);
  const known = new Set(knownSources);
  const sources = new Set<string>();
  const refAt = (fields: readonly string[], at: number, line: number): string => {
    const source = fields[at]!.trim();
    const id = fields[at + 1]!.trim();
    if (!source || !id) throw new ConfigError(`--truth: ${path} line ${line}: empty source or id`);
    if (!known.has(source)) throw new ConfigError(`--truth: ${path} line ${line}: unknown source ${JSON.stringify(source)} (the config has ${[...known].join(', ')})`);
    sources.add(source);
    return formatRef({ source, id });
  };
  const checkWidth = (fields: readonly string[], line: number) => {
    if (fields.length !== width) throw new ConfigError(`--truth: ${path} line ${line}: ${fields.length} fields, the header has ${width}`);
  };
  if (width === 3) {
    const labels = new Map<string, string>();
    for (const row of body) {
      checkWidth(row.fields, row.line);
      const cluster = row.fields[2]!.trim();
      if (!cluster) throw new ConfigError(`--truth: ${path} line ${row.line}: empty cluster`);
      labels.set(refAt(row.fields, 0, row.line), cluster);
    }
    return { kind: 'clusters', labels, sources };
  }
  const pairs = body.map((row) => {
    checkWidth(row.fields, row.line);
    return [refAt(row.fields, 0, row.line), refAt(row.fields, 2, row.line)] as const;
  });
  return { kind: 'pairs', pairs, sources };
}

/**
 * Persons from true pairs (union-find over `pairs`): every ref in `records` or in a pair gets a person id
 * (the smallest ref of its group), so a record in no pair is a person of its own.
 */
export function personsFromPairs(pairs: ReadonlyArray<readonly [string, string]>, records: Iterable<string>): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (ref: string): string => {
    let root = ref;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    if (!parent.has(root)) parent.set(root, root);
    for (let at = ref; at !== root; ) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const ref of records) find(ref);
  for (const [a, b] of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  return new Map([...parent.keys()].map((ref) => [ref, find(ref)]));
}
