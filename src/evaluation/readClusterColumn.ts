import { readFile } from 'node:fs/promises';
import { parseCsv, type FileSourceSettings } from '../adapters/file/index.js';
import { ConfigError } from '../config.js';
import { formatRef } from '../domain/index.js';

/** Labels read from a file source's own column. */
export interface ClusterColumnLabels {
  /** `source/id` → person. */
  readonly labels: Map<string, string>;
  /** Rows with an id but an empty cluster value, or one the pattern did not match (not scored). */
  readonly unlabelled: number;
}

/**
 * Compiles `--cluster-pattern`: the first capture group (or the whole match when there is none) of the
 * column's value is the person. Throws {@link ConfigError} for an invalid regular expression.
 */
export function compileClusterPattern(pattern: string | undefined): (value: string) => string | null {
  if (pattern === undefined) return (value) => value;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch (error) {
    throw new ConfigError(`--cluster-pattern: ${JSON.stringify(pattern)} is not a valid regular expression: ${(error as Error).message}`);
  }
  return (value) => {
    const match = regex.exec(value);
    return match ? (match[1] ?? match[0]) || null : null;
  };
}

/**
 * Reads the person of every row of a `kind: file` source from `column` of the same file (CSV header names
 * and values are trimmed, as the file loader does; JSON Lines fields by name). A person is the value after
 * `toPerson`; persons with the same value are one person across sources. Throws {@link ConfigError} for an
 * unreadable file or a column the file lacks.
 */
export async function readClusterColumn(settings: FileSourceSettings, column: string, toPerson: (value: string) => string | null): Promise<ClusterColumnLabels> {
  let text: string;
  try {
    text = await readFile(settings.path, 'utf8');
  } catch (error) {
    throw new ConfigError(`--cluster-column: cannot read ${settings.path} of source ${settings.name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const rows: Array<{ id: string | null; value: string | null }> = [];
  const format = settings.format ?? (/\.(jsonl|ndjson)$/i.test(settings.path) ? 'jsonl' : 'csv');
  if (format === 'csv') {
    let parsed;
    try {
      parsed = parseCsv(text);
    } catch (error) {
      throw new ConfigError(`--cluster-column: ${settings.path}: ${(error as Error).message}`);
    }
    const names = (parsed[0]?.fields ?? []).map((name) => name.trim());
    const idAt = names.indexOf(settings.columns.id);
    const valueAt = names.indexOf(column);
    if (valueAt < 0) throw new ConfigError(`--cluster-column: ${settings.path} (source ${settings.name}) has no column ${JSON.stringify(column)} (has ${names.join(', ')})`);
    if (idAt < 0) throw new ConfigError(`--cluster-column: ${settings.path} (source ${settings.name}) has no id column ${JSON.stringify(settings.columns.id)}`);
    for (const row of parsed.slice(1)) rows.push({ id: row.fields[idAt]?.trim() || null, value: row.fields[valueAt]?.trim() || null });
  } else {
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === '') continue;
      try {
        const object = JSON.parse(line) as Record<string, unknown>;
        const get = (name: string) => (object[name] === null || object[name] === undefined ? null : String(object[name]).trim() || null);
        rows.push({ id: get(settings.columns.id), value: get(column) });
      } catch {
        // The file loader reports bad lines; such a record is not resolvable, so it is not labelled either.
      }
    }
  }
  const labels = new Map<string, string>();
  let unlabelled = 0;
  for (const { id, value } of rows) {
    if (id === null) continue;
    const person = value === null ? null : toPerson(value);
    if (person === null) unlabelled += 1;
    else labels.set(formatRef({ source: settings.name, id }), person);
  }
  return { labels, unlabelled };
}
