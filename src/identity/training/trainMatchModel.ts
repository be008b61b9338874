import type { CountryCode } from 'libphonenumber-js';
import type { IdentityRecord } from '../../domain/index.js';
import { blockingKeys } from '../blockingKeys.js';
import { pairKey } from '../candidatePairs.js';
import type { Matcher } from '../createMatcher.js';
import { keyOf } from '../keyOf.js';
import { DEFAULT_LEVELS, LEVEL_CATALOGUE, type ComparisonName } from '../comparisons/levelCatalogue.js';
import { createMatcher } from '../createMatcher.js';
import type { IdentityTuning } from '../identityConfigSchema.js';
import { toProfile, type RecordProfile } from '../RecordProfile.js';
import { estimateLevels, toComparisonVector, type ComparisonVector } from './estimateLevels.js';
import { MODEL_FORMAT, type ModelFile } from './matchModelFile.js';

/** Options of {@link trainMatchModel}. */
export interface TrainMatchModelOptions {
  readonly records: readonly IdentityRecord[];
  readonly tuning: IdentityTuning;
  readonly defaultRegion: CountryCode;
  /** Random record pairs drawn to estimate u. Default 50 000. */
  readonly randomPairs?: number;
  /** Candidate pairs used for EM at most (a seeded sample past it). Default 200 000. */
  readonly maxCandidatePairs?: number;
  /** Records a value must be held by to be listed in the term-frequency tables. Default 5. */
  readonly tfMinCount?: number;
  /** Seed of the pair sampling. Default 1. */
  readonly seed?: number;
  /** Clock, for tests. */
  readonly now?: () => Date;
}

/** Comparisons estimated from data; `nameOrder` has one level and keeps its built-in weight. */
const TRAINED: readonly ComparisonName[] = (Object.keys(LEVEL_CATALOGUE) as ComparisonName[]).filter((c) => LEVEL_CATALOGUE[c].length > 1);

/**
 * Trains a match model from records of the configured sources (`c360 identity train`): candidate pairs are
 * the pairs that share a blocking key, as live resolution compares them, one training session per blocking
 * pass; u comes from random pairs, m and the match share from EM over the sessions (see estimateLevels); term frequencies of given names,
 * family names and cities from all records, listing only values held by at least `tfMinCount` records (so
 * the file names no rare, identifying value). Deterministic for its inputs and seed.
 */
export function trainMatchModel(options: TrainMatchModelOptions): ModelFile {
  const matcher = createMatcher(options.tuning);
  const profiles = options.records.map((record) => toProfile(record, { defaultRegion: options.defaultRegion, stripPlusTags: options.tuning.normalize.stripPlusTags }));
  const random = mulberry32(options.seed ?? 1);
  const none = { shared: new Set<string>(), generic: new Set<string>() };
  const vectorOf = (a: RecordProfile, b: RecordProfile): ComparisonVector => toComparisonVector(matcher.compare(a, b, none).evidence);

  const maxCandidates = options.maxCandidatePairs ?? 200_000;
  const sessions = blockedSessions(profiles, matcher).map(({ pairs, blockedOn }) => ({
    blockedOn,
    pairs: (pairs.length > maxCandidates ? shuffle(pairs, random).slice(0, maxCandidates) : pairs).map(([a, b]) => vectorOf(a, b)),
  }));
  const candidateCount = new Set(sessions.flatMap((s) => s.pairs)).size;
  const randomVectors: ComparisonVector[] = [];
  const wanted = profiles.length < 2 ? 0 : (options.randomPairs ?? 50_000);
  for (let i = 0; i < wanted; i += 1) {
    const a = Math.floor(random() * profiles.length);
    let b = Math.floor(random() * (profiles.length - 1));
    if (b >= a) b += 1;
    randomVectors.push(vectorOf(profiles[a]!, profiles[b]!));
  }
  const estimate = estimateLevels(sessions, randomVectors, DEFAULT_LEVELS);
  const levels: Record<string, Record<string, { m: number; u: number }>> = {};
  for (const c of TRAINED) levels[c] = { ...(estimate.levels[c] as Record<string, { m: number; u: number }>) };

  const tfMinCount = options.tfMinCount ?? 5;
  const count = (values: Array<string | null | undefined>) => {
    const counts = new Map<string, number>();
    for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    const table: Record<string, number> = {};
    for (const [value, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) if (n >= tfMinCount) table[value] = round6(n / profiles.length);
    return table;
  };
  const total = Math.max(profiles.length, 1);
  return {
    format: MODEL_FORMAT,
    version: 1,
    trainedAt: (options.now ?? (() => new Date()))().toISOString(),
    trainedOn: { records: profiles.length, candidatePairs: candidateCount, randomPairs: randomVectors.length, iterations: estimate.iterations, matchShare: round6(estimate.matchShare) },
    levels: roundLevels(levels),
    termFrequencies: {
      givenName: count(profiles.map((p) => p.givenNames[0])),
      familyName: count(profiles.map((p) => p.familyNames[0])),
      city: count(profiles.map((p) => p.cities[0])),
    },
    tfFloor: Math.min(1, round6(tfMinCount / total)),
    tfMinCount,
  };
}

function roundLevels(levels: Record<string, Record<string, { m: number; u: number }>>): ModelFile['levels'] {
  const out: Record<string, Record<string, { m: number; u: number }>> = {};
  for (const [c, table] of Object.entries(levels)) {
    out[c] = {};
    for (const [level, { m, u }] of Object.entries(table)) out[c]![level] = { m: Math.max(1e-6, round6(m)), u: Math.max(1e-6, round6(u)) };
  }
  return out as ModelFile['levels'];
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Blocking passes and the comparisons their keys agree on by construction. */
const PASSES: ReadonlyArray<{ kinds: readonly string[]; blockedOn: readonly ComparisonName[] }> = [
  { kinds: ['name', 'namePhonetic', 'namePrefix'], blockedOn: ['givenName', 'familyName', 'nameOrder'] },
  { kinds: ['birthDate'], blockedOn: ['birthDate'] },
  { kinds: ['postcodeStreet'], blockedOn: ['address', 'postcode', 'city', 'region'] },
  { kinds: ['email'], blockedOn: ['email'] },
  { kinds: ['phone'], blockedOn: ['phone'] },
  { kinds: ['identifier'], blockedOn: ['identifier'] },
];

/** The pairs of each blocking pass: records sharing a key of the pass's kinds (keys held by over 50 records pair nothing). */
function blockedSessions(profiles: readonly RecordProfile[], matcher: Matcher): Array<{ pairs: Array<[RecordProfile, RecordProfile]>; blockedOn: ReadonlySet<ComparisonName> }> {
  const buckets = new Map<string, RecordProfile[]>();
  for (const profile of profiles) {
    for (const key of blockingKeys(profile, matcher)) {
      const text = keyOf(key);
      const bucket = buckets.get(text);
      if (bucket) bucket.push(profile);
      else buckets.set(text, [profile]);
    }
  }
  return PASSES.map(({ kinds, blockedOn }) => {
    const pairs = new Map<string, [RecordProfile, RecordProfile]>();
    for (const [text, bucket] of buckets) {
      if (bucket.length < 2 || bucket.length > 50 || !kinds.includes(text.slice(0, text.indexOf(':')))) continue;
      for (let i = 0; i < bucket.length; i += 1) {
        for (let j = i + 1; j < bucket.length; j += 1) {
          const key = pairKey(bucket[i]!.refText, bucket[j]!.refText);
          if (!pairs.has(key)) pairs.set(key, [bucket[i]!, bucket[j]!]);
        }
      }
    }
    return { pairs: [...pairs.values()], blockedOn: new Set(blockedOn) };
  });
}

/** A small seeded PRNG (mulberry32), so training is reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(list: T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
