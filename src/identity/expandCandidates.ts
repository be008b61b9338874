import type { BlockingKey, BlockingKeyKind } from '../adapters/types.js';
import { formatRef, type IdentityRecord } from '../domain/index.js';
import { blockingKeys, finerPrefixKey } from './blockingKeys.js';
import { buildClusters, type BuildClustersOptions } from './buildClusters.js';
import type { IdentitySourceAccess, ResolutionFailure } from './IdentitySourceAccess.js';
import { keyOf } from './keyOf.js';
import { linkPartners, refFromText } from './OverrideState.js';
import { toProfile, type RecordProfile } from './RecordProfile.js';

/** Bounds of {@link expandCandidates}, plus what clustering needs to tell linked records from the rest. */
export interface ExpandOptions extends Omit<BuildClustersOptions, 'genericKeys' | 'now'> {
  /** Search rounds after the first (closure depth). Default 2. */
  readonly maxHops: number;
  /** A key matching more records than this in one source is generic (too common to link on). Default 20. */
  readonly maxRecordsPerKey: number;
  /** Keys searched per round, weakest dropped first. Default 40. */
  readonly maxKeysPerRound: number;
  /** Keys searched per resolution, all rounds together. Default 80. */
  readonly maxKeysPerResolution: number;
  /** Source searches (one key asked of one source) per resolution. Default 160. */
  readonly maxSearchesPerResolution: number;
  /** Records one resolution keeps for comparison; past it, found records are left out. Default 400. */
  readonly maxRecordsPerResolution: number;
}

/** What live blocking found. */
export interface Expansion {
  readonly records: readonly IdentityRecord[];
  readonly genericKeys: ReadonlySet<string>;
  readonly failures: readonly ResolutionFailure[];
  /** Keys left unsearched because of a budget or `maxHops`. */
  readonly droppedKeys: number;
  /** Records left out because of `maxRecordsPerResolution`. */
  readonly droppedRecords: number;
  /** `source/id` of the records whose own keys were all searched. */
  readonly expanded: ReadonlySet<string>;
  /** True when nothing failed and no budget cut anything: the closure is the whole answer. */
  readonly complete: boolean;
}

/** Order of the passes when a budget cuts: the most selective kinds are searched first. */
const KIND_RANK: Readonly<Record<BlockingKeyKind, number>> = {
  identifier: 0,
  email: 1,
  phone: 2,
  name: 3,
  birthDate: 4,
  postcodeStreet: 5,
  namePhonetic: 6,
  namePrefix: 7,
  // Console lookups (an order or ticket number): never part of a record's own keys, asked only as seeds.
  orderNumber: 8,
  ticketNumber: 9,
};

/**
 * Live multi-pass blocking with bounded closure (DESIGN.md §5). Round 0 searches the seed keys in parallel,
 * each in every source that declares its kind (the request's DataLoaders batch a round's keys into one call
 * per source and kind). Each later round clusters what was found and searches only the keys of records
 * **newly linked** to the seeds, so the closure follows the person, not everyone sharing a surname. Every
 * record found is kept for scoring (none is dropped before comparison). Records named by a `linkRecords`
 * override are fetched by id.
 *
 * Bounded: at most `1 + maxHops` rounds, `maxKeysPerRound` keys a round and `maxKeysPerResolution` in all
 * (weakest kinds cut first, see KIND_RANK), `maxSearchesPerResolution` source searches, and
 * `maxRecordsPerResolution` records; a key matching more than `maxRecordsPerKey` records in one source is
 * generic, whatever its kind, and its records are not used. A failing source is recorded and the others go
 * on; a source that failed is not asked again in later rounds.
 */
export async function expandCandidates(
  seedKeys: readonly BlockingKey[],
  seedRecords: readonly IdentityRecord[],
  access: IdentitySourceAccess,
  options: ExpandOptions,
): Promise<Expansion> {
  const records = new Map<string, IdentityRecord>();
  for (const record of seedRecords) records.set(formatRef(record.ref), record);
  const seedRefs = new Set(records.keys());
  const seedKeyTexts = new Set(seedKeys.map(keyOf));
  const searched = new Set<string>();
  const expanded = new Set<string>();
  const genericKeys = new Set<string>();
  const failures: ResolutionFailure[] = [];
  const failedSources = new Set<string>();
  let droppedKeys = 0;
  let droppedRecords = 0;
  let searches = 0;
  // A seed record's own keys start the search; it counts as expanded.
  // A generic name-prefix key is asked again with longer prefixes in the next round (finerPrefixKey).
  const finerKeys = new Map<string, BlockingKey>();
  let refinements: BlockingKey[] = [];
  const keysOf = (profile: RecordProfile): readonly BlockingKey[] => {
    const prefix = finerPrefixKey(profile);
    if (prefix) finerKeys.set(keyOf(prefix.coarse), prefix.finer);
    return blockingKeys(profile, options.matcher);
  };
  let frontier = dedupe([...seedKeys, ...seedRecords.flatMap((record) => keysOf(toProfile(record, options)))]);
  for (const ref of seedRefs) expanded.add(ref);
  const overrides = options.overrides;
  let fetchIds: string[] = overrides ? [...seedRefs].flatMap((ref) => linkPartners(overrides, ref)).filter((ref) => !records.has(ref) && !overrides.suppressed.has(ref)) : [];
  const guard = async <T>(source: string, work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      failures.push({ source, error: error instanceof Error ? error : new Error(String(error)) });
      failedSources.add(source);
      return fallback;
    }
  };

  for (let round = 0; round <= options.maxHops && (frontier.length > 0 || fetchIds.length > 0); round += 1) {
    frontier = [...frontier].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]);
    const allowed = Math.min(options.maxKeysPerRound, options.maxKeysPerResolution - searched.size);
    if (frontier.length > allowed) {
      droppedKeys += frontier.length - Math.max(allowed, 0);
      frontier = frontier.slice(0, Math.max(allowed, 0));
    }
    const asks: Array<{ key: BlockingKey; source: string }> = [];
    for (const key of frontier) {
      searched.add(keyOf(key));
      for (const source of access.sourcesFor(key.kind)) {
        if (failedSources.has(source)) continue;
        if (searches >= options.maxSearchesPerResolution) {
          droppedKeys += 1;
          continue;
        }
        searches += 1;
        asks.push({ key, source });
      }
    }
    const found = asks.map(async ({ key, source }) => ({ key, found: await guard(source, () => access.search(source, key), [] as IdentityRecord[]) }));
    const fetches = fetchIds.map(async (text) => {
      const ref = refFromText(text);
      const record = await guard(ref.source, () => access.getById(ref.source, ref.id), null);
      return { key: null, found: record ? [record] : [] };
    });
    for (const { key, found: list } of await Promise.all([...found, ...fetches])) {
      if (key !== null && list.length > options.maxRecordsPerKey) {
        genericKeys.add(keyOf(key));
        const finer = finerKeys.get(keyOf(key));
        if (finer) refinements.push(finer);
        continue;
      }
      for (const record of list) {
        const text = formatRef(record.ref);
        if (records.has(text)) continue;
        if (records.size >= options.maxRecordsPerResolution) {
          droppedRecords += 1;
          continue;
        }
        records.set(text, record);
      }
    }
    if (round === 0) {
      // For a key lookup, every record holding a seed key starts a person.
      for (const [text, record] of records) {
        const keys = blockingKeys(toProfile(record, options), options.matcher).map(keyOf);
        if (keys.some((k) => seedKeyTexts.has(k))) seedRefs.add(text);
      }
    }
    const set = await buildClusters([...records.values()], { ...options, genericKeys, now: 0 });
    const linked = new Set<string>();
    for (const ref of seedRefs) for (const link of set.clusterOf.get(ref)?.links ?? []) linked.add(formatRef(link.ref));
    const toExpand = [...linked].filter((ref) => !expanded.has(ref) && records.has(ref)).sort();
    for (const ref of toExpand) expanded.add(ref);
    frontier = dedupe([...refinements, ...toExpand.flatMap((ref) => keysOf(set.profiles.get(ref) ?? toProfile(records.get(ref)!, options)))]).filter(
      (key) => !searched.has(keyOf(key)) && !genericKeys.has(keyOf(key)),
    );
    refinements = [];
    fetchIds = overrides ? [...new Set(toExpand.flatMap((ref) => linkPartners(overrides, ref)))].filter((ref) => !records.has(ref) && !overrides.suppressed.has(ref)) : [];
    if (round === options.maxHops) droppedKeys += frontier.length;
  }
  const failed = dedupeFailures(failures);
  return { records: [...records.values()], genericKeys, failures: failed, droppedKeys, droppedRecords, expanded, complete: failed.length === 0 && droppedKeys === 0 && droppedRecords === 0 };
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
