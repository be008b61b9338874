import { readFile } from 'node:fs/promises';
import type { IdentityRecord } from '../../domain/index.js';
import type { FileSourceSettings } from './fileSourceSchema.js';
import { parseCsv } from './parseCsv.js';

/** What loading an export gave: the records, and the rows that could not be used (with their numbers). */
export interface LoadedFile {
  readonly records: IdentityRecord[];
  readonly badRows: ReadonlyArray<{ readonly row: number; readonly message: string }>;
}

/**
 * Reads and maps a file export. Rejects (the whole source is unusable) for a missing or unreadable file, an
 * empty file, or a CSV header lacking a mapped column; a row that cannot be used (wrong field count, bad
 * JSON, no id, a duplicate id) is reported in `badRows` with its 1-based line number and left out.
 */
export async function loadFileRecords(settings: FileSourceSettings): Promise<LoadedFile> {
  let text: string;
  try {
    text = await readFile(settings.path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `file ${settings.path} does not exist` : `cannot read file ${settings.path}: ${code ?? String(error)}`);
  }
  const format = settings.format ?? (/\.(jsonl|ndjson)$/i.test(settings.path) ? 'jsonl' : 'csv');
  const rows: Array<{ line: number; get: (column: string) => string | null } | { line: number; error: string }> = [];
  const mapped = mappedColumns(settings);
  if (format === 'csv') {
    let parsed;
    try {
      parsed = parseCsv(text);
    } catch (error) {
      throw new Error(`file ${settings.path}: ${(error as Error).message}`);
    }
    const header = parsed[0];
    if (!header) throw new Error(`file ${settings.path} is empty: expected a header row`);
    const index = new Map(header.fields.map((name, i) => [name.trim(), i]));
    const missing = mapped.filter((c) => !index.has(c));
    if (missing.length > 0) throw new Error(`file ${settings.path}: header lacks mapped column(s) ${missing.join(', ')} (has ${header.fields.join(', ')})`);
    for (const row of parsed.slice(1)) {
      if (row.fields.length !== header.fields.length) rows.push({ line: row.line, error: `${row.fields.length} fields, header has ${header.fields.length}` });
      else rows.push({ line: row.line, get: (c) => row.fields[index.get(c)!]?.trim() || null });
    }
  } else {
    text.split(/\r?\n/).forEach((lineText, i) => {
      if (lineText.trim() === '') return;
      try {
        const value: unknown = JSON.parse(lineText);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
        const object = value as Record<string, unknown>;
        // Own keys only: a mapped column named `constructor` must not read Object.prototype.
        const read = (c: string): unknown => (Object.hasOwn(object, c) ? object[c] : undefined);
        rows.push({ line: i + 1, get: (c) => (read(c) === null || read(c) === undefined ? null : String(read(c)).trim() || null) });
      } catch (error) {
        rows.push({ line: i + 1, error: `not valid JSON: ${(error as Error).message}` });
      }
    });
  }
  const records: IdentityRecord[] = [];
  const badRows: Array<{ row: number; message: string }> = [];
  const seen = new Set<string>();
  const c = settings.columns;
  for (const row of rows) {
    if ('error' in row) {
      badRows.push({ row: row.line, message: row.error });
      continue;
    }
    const id = row.get(c.id);
    if (!id) {
      badRows.push({ row: row.line, message: `no value in id column ${c.id}` });
      continue;
    }
    if (seen.has(id)) {
      badRows.push({ row: row.line, message: `duplicate id ${id}` });
      continue;
    }
    seen.add(id);
    const pick = (column: string | undefined) => (column ? row.get(column) : null);
    const given = pick(c.givenName);
    const family = pick(c.familyName);
    const full = pick(c.fullName) ?? ([given, family].filter(Boolean).join(' ') || null);
    const line1 = Array.isArray(c.line1) ? c.line1.map((col) => row.get(col)).filter((v): v is string => v !== null).join(' ') || null : pick(c.line1);
    const address = { line1, city: pick(c.city), region: pick(c.region), postcode: pick(c.postcode), country: pick(c.country) };
    const identifiers: Record<string, string> = {};
    for (const [type, column] of Object.entries(c.identifiers)) {
      const value = row.get(column);
      if (value) identifiers[type] = value;
    }
    records.push({
      ref: { source: settings.name, id },
      names: given || family || full ? [{ given, family, full }] : [],
      emails: c.emails.map((col) => row.get(col)).filter((v): v is string => v !== null),
      phones: c.phones.map((col) => row.get(col)).filter((v): v is string => v !== null),
      addresses: Object.values(address).some((v) => v !== null) ? [address] : [],
      birthDate: pick(c.birthDate),
      identifiers,
      createdAt: null,
      updatedAt: pick(c.updatedAt),
    });
  }
  return { records, badRows };
}

function mappedColumns(settings: FileSourceSettings): string[] {
  const c = settings.columns;
  const singles = [c.id, c.givenName, c.familyName, c.fullName, ...(Array.isArray(c.line1) ? c.line1 : [c.line1]), c.city, c.region, c.postcode, c.country, c.birthDate, c.updatedAt].filter((v): v is string => v !== undefined);
  return [...new Set([...singles, ...c.emails, ...c.phones, ...Object.values(c.identifiers)])];
}
