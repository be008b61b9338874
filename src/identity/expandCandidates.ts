import type { BlockingKey } from '../adapters/types.js';
import { formatRef, type IdentityRecord } from '../domain/index.js';
import { blockingKeys } from './blockingKeys.js';
import { buildClusters, type BuildClustersOptions } from './buildClusters.js';
import type { IdentitySourceAccess, ResolutionFailure } from './IdentitySourceAccess.js';
import { keyOf } from './keyOf.js';
import { linkPartners, refFromText } from './OverrideState.js';
import { toProfile } from './RecordProfile.js';

/** Bounds of {@link expandCandidates}, plus what clustering needs to tell linked records from the rest. */
export interface ExpandOptions extends Omit<BuildClustersOptions, 'genericKeys' | 'now'> {
  /** Search rounds after the first (closure depth). Default 2. */
  readonly maxHops: number;
  /** An email/phone/identifier key matching more records than this in one source is generic. Default 20. */
  readonly maxRecordsPerKey: number;
  /** Keys searched per round; the rest are dropped. Default 12. */
  readonly maxKeysPerRound: number;
}

/** What live blocking found. */
export interface Expansion {
  readonly records: readonly IdentityRecord[];
  readonly genericKeys: ReadonlySet<string>;
  readonly failures: readonly ResolutionFailure[];
  /** Keys left unsearched because of `maxKeysPerRound` or `maxHops`. */
  readonly droppedKeys: number;
}

/**
 * Live blocking with bounded closure (DESIGN.md §5). Round 0 searches every searchable source for the seed
 * keys in parallel (one batched `search` per source: the request's DataLoader merges a round's keys).
 * Each later round clusters what was found and searches only the keys of records **newly linked** to the
 * seeds (a seed record, or a record holding a seed key), so the closure follows the person, not everyone
 * sharing a surname. Records found by a name key are kept only when they score at least the review
 * threshold against a seed-cluster record (surname + birth date / postcode / given name, filtered on the
 * gateway). Records named by a `linkRecords` override are fetched by id. At most `1 + maxHops` rounds of
 * at most `maxKeysPerRound` keys; a key matching more than `maxRecordsPerKey` records in one source is
 * generic and dropped. A failing source is recorded and the others go on.
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
  let droppedKeys = 0;
  // A seed record's own keys start the search; it counts as expanded.
  let frontier = dedupe([...seedKeys, ...seedRecords.flatMap((record) => blockingKeys(toProfile(record, options), options.matcher))]);
  for (const ref of seedRefs) expanded.add(ref);
  const overrides = options.overrides;
  let fetchIds: string[] = overrides ? [...seedRefs].flatMap((ref) => linkPartners(overrides, ref)).filter((ref) => !records.has(ref) && !overrides.suppressed.has(ref)) : [];

  for (let round = 0; round <= options.maxHops && (frontier.length > 0 || fetchIds.length > 0); round += 1) {
    if (frontier.length > options.maxKeysPerRound) {
      droppedKeys += frontier.length - options.maxKeysPerRound;
      frontier = frontier.slice(0, options.maxKeysPerRound);
    }
    for (const key of frontier) searched.add(keyOf(key));
    const guard = async <T>(source: string, work: () => Promise<T>, fallback: T): Promise<T> => {
      try {
        return await work();
      } catch (error) {
        failures.push({ source, error: error instanceof Error ? error : new Error(String(error)) });
        return fallback;
      }
    };
    const searches = frontier.flatMap((key) =>
      access.searchableSources.map(async (source) => ({ key, found: await guard(source, () => access.search(source, key), [] as IdentityRecord[]) })),
    );
    const fetches = fetchIds.map(async (text) => {
      const ref = refFromText(text);
      const record = await guard(ref.source, () => access.getById(ref.source, ref.id), null);
      return { key: null, found: record ? [record] : [] };
    });
    const nameFound: IdentityRecord[] = [];
    for (const { key, found } of await Promise.all([...searches, ...fetches])) {
      if (key !== null && key.kind !== 'name' && found.length > options.maxRecordsPerKey) {
        genericKeys.add(keyOf(key));
        continue;
      }
      for (const record of found) {
        const text = formatRef(record.ref);
        if (records.has(text)) continue;
        if (key?.kind === 'name') nameFound.push(record);
        else records.set(text, record);
      }
    }
    // Surname results: keep those that look like someone already found (score ≥ review threshold).
    const anchors = [...records.values()].map((r) => toProfile(r, options));
    for (const record of nameFound) {
      if (records.has(formatRef(record.ref))) continue;
      const profile = toProfile(record, options);
      const empty = { shared: new Set<string>(), generic: genericKeys };
      if (anchors.some((other) => options.matcher.compare(profile, other, empty).score >= options.matcher.reviewThreshold)) records.set(profile.refText, record);
    }
    if (round === 0) {
      // For a key lookup, every record holding a seed key starts a person.
      for (const [text, record] of records) {
        const keys = blockingKeys(toProfile(record, options), options.matcher).map(keyOf);
        if (keys.some((k) => seedKeyTexts.has(k))) seedRefs.add(text);
      }
    }
    const set = buildClusters([...records.values()], { ...options, genericKeys, now: 0 });
    const linked = new Set<string>();
    for (const ref of seedRefs) for (const link of set.clusterOf.get(ref)?.links ?? []) linked.add(formatRef(link.ref));
    const toExpand = [...linked].filter((ref) => !expanded.has(ref) && records.has(ref));
    for (const ref of toExpand) expanded.add(ref);
    frontier = dedupe(toExpand.flatMap((ref) => blockingKeys(set.profiles.get(ref) ?? toProfile(records.get(ref)!, options), options.matcher))).filter(
      (key) => !searched.has(keyOf(key)) && !genericKeys.has(keyOf(key)),
    );
    fetchIds = overrides ? [...new Set(toExpand.flatMap((ref) => linkPartners(overrides, ref)))].filter((ref) => !records.has(ref) && !overrides.suppressed.has(ref)) : [];
    if (round === options.maxHops) droppedKeys += frontier.length;
  }
  return { records: [...records.values()], genericKeys, failures: dedupeFailures(failures), droppedKeys };
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
