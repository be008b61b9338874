import type { CountryCode } from 'libphonenumber-js';
import type { BlockingKey } from '../adapters/types.js';
import { formatRef, type IdentityRecord } from '../domain/index.js';
import type { IdentitySourceAccess, ResolutionFailure } from './IdentitySourceAccess.js';
import { keyOf } from './keyOf.js';
import { recordKeys } from './recordKeys.js';

/** Bounds of {@link expandCandidates}. */
export interface ExpandOptions {
  readonly defaultRegion: CountryCode;
  /** Search rounds after the first (closure depth). Default 2. */
  readonly maxHops: number;
  /** A key matching more records than this in one source is generic: not linked, not expanded. Default 20. */
  readonly maxRecordsPerKey: number;
}

/** What live blocking found. */
export interface Expansion {
  readonly records: readonly IdentityRecord[];
  readonly genericKeys: ReadonlySet<string>;
  readonly failures: readonly ResolutionFailure[];
}

/**
 * Live blocking with bounded closure (DESIGN.md §5): searches every searchable source for the seed keys in
 * parallel, then for the keys of newly found records, for at most `1 + maxHops` rounds. Records found through a
 * shared key (a household email) are expanded too, so that every candidate person comes back whole; a key
 * matching more than `maxRecordsPerKey` records is generic and dropped. Upstream calls are at most `(1 + maxHops) × sources` batched search calls (DataLoader merges
 * the keys of one round per source). A failing source is recorded and the others go on.
 */
export async function expandCandidates(
  seedKeys: readonly BlockingKey[],
  seedRecords: readonly IdentityRecord[],
  access: IdentitySourceAccess,
  options: ExpandOptions,
): Promise<Expansion> {
  const records = new Map<string, IdentityRecord>();
  for (const record of seedRecords) records.set(formatRef(record.ref), record);
  const searched = new Set<string>();
  const genericKeys = new Set<string>();
  const failures: ResolutionFailure[] = [];
  let frontier: BlockingKey[] = dedupe(seedKeys);

  for (let round = 0; round <= options.maxHops && frontier.length > 0; round += 1) {
    for (const key of frontier) searched.add(keyOf(key));
    const calls = frontier.flatMap((key) =>
      access.searchableSources.map(async (source) => {
        try {
          return { key, source, found: await access.search(source, key) };
        } catch (error) {
          failures.push({ source, error: error instanceof Error ? error : new Error(String(error)) });
          return { key, source, found: [] as IdentityRecord[] };
        }
      }),
    );
    const added: IdentityRecord[] = [];
    for (const { key, found } of await Promise.all(calls)) {
      if (found.length > options.maxRecordsPerKey) {
        genericKeys.add(keyOf(key));
        continue;
      }
      for (const record of found) {
        const text = formatRef(record.ref);
        if (!records.has(text)) {
          records.set(text, record);
          added.push(record);
        }
      }
    }
    frontier = dedupe(added.flatMap((record) => recordKeys(record, options.defaultRegion))).filter((key) => !searched.has(keyOf(key)));
  }
  return { records: [...records.values()], genericKeys, failures: dedupeFailures(failures) };
}

function dedupe(keys: readonly BlockingKey[]): BlockingKey[] {
  const byText = new Map<string, BlockingKey>();
  for (const key of keys) byText.set(keyOf(key), key);
  return [...byText.values()];
}

function dedupeFailures(failures: readonly ResolutionFailure[]): ResolutionFailure[] {
  const bySource = new Map<string, ResolutionFailure>();
  for (const failure of failures) if (!bySource.has(failure.source)) bySource.set(failure.source, failure);
  return [...bySource.values()];
}
