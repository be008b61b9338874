import type { MatchEvidence, MatchLevel, MatchRule } from './Cluster.js';
import { compareCities, comparePostcodes, compareRegions, compareStreets } from './comparisons/compareAddresses.js';
import { compareEmails, compareIdentifier, comparePhones } from './comparisons/compareContacts.js';
import { compareDates } from './comparisons/compareDates.js';
import { compareFamilyNames, compareGivenNames } from './comparisons/compareNames.js';
import { LEVEL_CATALOGUE, type ComparisonName } from './comparisons/levelCatalogue.js';
import { builtInModel, withLevels, type MatchModel, type TfComparison } from './comparisons/MatchModel.js';
import type { IdentityTuning } from './identityConfigSchema.js';
import { createBlocklist } from './isBlockedValue.js';
import { createNicknameIndex, DEFAULT_NICKNAMES } from './nicknames.js';
import type { RecordProfile } from './RecordProfile.js';

/** Values of one resolution known not to be personal: shared by several people, or generic. Key texts `email:…`. */
export interface ValueStatus {
  readonly shared: ReadonlySet<string>;
  readonly generic: ReadonlySet<string>;
}

/** The comparison of two records. */
export interface PairScore {
  /** Sum of the evidence weights (log2 likelihood ratio). */
  readonly score: number;
  readonly evidence: readonly MatchEvidence[];
  /** The deterministic rule the pair satisfies (an equal personal email, phone or declared identifier), or null. */
  readonly deterministic: MatchRule | null;
}

/** One comparison level's probabilities and weight, for charts and explanations. */
export interface LevelWeight {
  /** The compared attribute (`givenName`, `email`, ...), as in `MatchEvidence.attribute`. */
  readonly comparison: string;
  /** The level, as in `MatchEvidence.level`. */
  readonly level: string;
  /** P(level | same person). */
  readonly m: number;
  /** P(level | different people). */
  readonly u: number;
  /** log2(m/u). */
  readonly weight: number;
}

/** Compares records and says whether values may link. One per gateway (holds the compiled config and model). */
export interface Matcher {
  compare(a: RecordProfile, b: RecordProfile, values: ValueStatus): PairScore;
  /**
   * True when two records that hold one value (an email, a phone) are clearly different people: their given
   * names are DIFFERENT (not a typo, nickname or initial) and their birth dates DIFFERENT or absent, or their
   * birth dates DIFFERENT and given names absent. One typo never makes two records different people.
   */
  clearlyDifferent(a: RecordProfile, b: RecordProfile): boolean;
  /** True for placeholder values that never link. */
  isBlocked(kind: 'email' | 'phone', value: string): boolean;
  /** Posterior probability (0..1) of a score: 0.95 at the link threshold, 0.5 four bits below it. */
  confidence(score: number): number;
  /** Every comparison level with its m, u and weight, in comparison order. */
  levelWeights(): readonly LevelWeight[];
  readonly linkThreshold: number;
  readonly reviewThreshold: number;
  /** Declared identifier types: they link deterministically and are searched. */
  readonly identifierTypes: ReadonlySet<string>;
  /** Declared identifier types held by one person only: an equal value is never SHARED. */
  readonly uniqueIdentifierTypes: ReadonlySet<string>;
  readonly model: MatchModel;
}

/** Evidence a household shares: the family name, the address, a home phone, a family email or one alike. */
function isHouseholdEvidence(e: MatchEvidence): boolean {
  if (e.attribute === 'email') return e.level === 'CLOSE' || e.level === 'LOCAL_PART' || e.level === 'SHARED';
  return HOUSEHOLD_ATTRIBUTES.has(e.attribute);
}
const HOUSEHOLD_ATTRIBUTES = new Set(['familyName', 'address', 'postcode', 'city', 'region', 'phone']);

/**
 * True when the local parts behind an email LOCAL_PART or CLOSE level are spelt from the records' names
 * (`jane.doe`, `jdoe`, `doe.j1`, `janedoe` / `jane.doe`): such addresses follow from the names, so they add
 * nothing to them. More than two digits (`jd7391`) make a handle personal, whatever its letters.
 */
function localPartsAreNames(a: readonly string[], b: readonly string[], x: RecordProfile, y: RecordProfile): boolean {
  const words = [...new Set([...x.givenNames, ...x.familyNames, ...y.givenNames, ...y.familyNames].flatMap((n) => n.split(/[^a-z]+/)).filter((w) => w.length > 0))];
  const local = (e: string) => e.slice(0, e.lastIndexOf('@'));
  const isName = (l: string) => l.replace(/[^0-9]/g, '').length <= 2 && spelledFrom(l.replace(/[^a-z]/g, ''), words);
  const left = a.map(local).filter(isName);
  const right = new Set(b.map(local).filter(isName));
  return left.length > 0 && right.size > 0;
}

/** Whether `letters` is a sequence of up to three of `words`, each whole or as its initial, each used once. */
function spelledFrom(letters: string, words: readonly string[], depth = 0): boolean {
  if (letters === '') return depth > 0;
  if (depth === 3) return false;
  return words.some((word, i) => {
    const rest = words.filter((_, j) => j !== i);
    return (letters.startsWith(word) && spelledFrom(letters.slice(word.length), rest, depth + 1)) || (letters.startsWith(word[0]!) && spelledFrom(letters.slice(1), rest, depth + 1));
  });
}

const GIVEN_AGREES = new Set(['EXACT', 'NICKNAME', 'CLOSE']);
const FAMILY_AGREES = new Set(['EXACT', 'CLOSE', 'PHONETIC']);

const round = (n: number): number => Math.round(n * 100) / 100;

/**
 * Compiles the matching config and model (DESIGN.md §5): a Fellegi–Sunter comparison of two record
 * profiles with ordered levels per comparison (see LEVEL_CATALOGUE: names with nickname, initial, typo,
 * phonetic and swapped-order levels; emails by local part and edit distance; dates by keying error,
 * transposition and part; street lines by tokens; postcode, city, region; identifiers with one keying
 * error), each weighing log2(m/u), EXACT names and cities adjusted by term frequency; MISSING and IMPLIED
 * weigh 0, a SHARED email or phone `sharedValueWeight`; household evidence is capped (`householdCap`).
 * Email, phone and declared identifiers also decide the deterministic rule, unless the value is blocked,
 * shared or generic.
 */
export function createMatcher(tuning: IdentityTuning, model: MatchModel = builtInModel()): Matcher {
  const levels = withLevels(model.levels, tuning.matching.levels);
  const weights = new Map<string, number>();
  for (const [comparison, table] of Object.entries(levels)) for (const [level, { m, u }] of Object.entries(table)) weights.set(`${comparison}:${level}`, round(Math.log2(m / u)));
  const weightOf = (comparison: ComparisonName, level: string): number => weights.get(`${comparison}:${level}`) ?? 0;
  const tfWeight = (comparison: TfComparison, values: readonly string[], other: readonly string[]): number => {
    const table = model.termFrequencies[comparison];
    const base = weightOf(comparison, 'EXACT');
    if (!table) return base;
    const { m, u } = (levels[comparison] as Record<string, { m: number; u: number }>)['EXACT']!;
    // The rarest agreeing value decides (two records agreeing on "mary ann" agree on "mary" too).
    let best = base;
    for (const value of values) {
      if (!other.includes(value)) continue;
      const frequency = table.get(value) ?? Math.min(u, model.tfFloor);
      best = Math.max(best === base ? -Infinity : best, round(Math.log2(m / Math.max(frequency, 1e-6))));
    }
    return best === -Infinity ? base : best;
  };

  const blocked = createBlocklist(tuning.blocklist);
  // A prototype-less table: a configured name such as `constructor` is a name, not an inherited property.
  const nicknameTable: Record<string, readonly string[]> = Object.assign(Object.create(null) as Record<string, readonly string[]>, DEFAULT_NICKNAMES);
  for (const [formal, shorts] of Object.entries(tuning.normalize.nicknames)) nicknameTable[formal.toLowerCase()] = [...(nicknameTable[formal.toLowerCase()] ?? []), ...shorts.map((s) => s.toLowerCase())];
  const nickname = tuning.normalize.useNicknames ? createNicknameIndex(nicknameTable) : (a: string, b: string) => a === b;
  const declared = tuning.identifiers.map((entry) => (typeof entry === 'string' ? { type: entry, unique: false } : entry));
  const identifierTypes = new Set(declared.map((d) => d.type));
  const uniqueIdentifierTypes = new Set(declared.filter((d) => d.unique).map((d) => d.type));

  const { householdCap, sharedValueWeight } = tuning.matching;
  const evidence = (attribute: string, comparison: ComparisonName, level: MatchLevel, weight?: number): MatchEvidence => ({
    attribute,
    level,
    weight: level === 'SHARED' ? (attribute === 'email' || attribute === 'phone' ? sharedValueWeight : 0) : level === 'MISSING' || level === 'IMPLIED' ? 0 : (weight ?? weightOf(comparison, level)),
  });

  /**
   * Name evidence in the better of the straight and the swapped reading, and what it says about the given
   * name, the personal part of a name (a household shares the family name): `agrees` when the given names
   * agree (EXACT, NICKNAME, CLOSE; in a swapped reading only when the family names agree too), `differs` when
   * they are DIFFERENT (in a swapped reading: when either part is DIFFERENT).
   */
  function nameEvidence(a: RecordProfile, b: RecordProfile): { evidence: MatchEvidence[]; givenAgrees: boolean; givenDiffers: boolean; familyAgreement: number } {
    const given = compareGivenNames(a.givenNames, b.givenNames, nickname);
    const family = compareFamilyNames(a.familyNames, b.familyNames);
    const straight = {
      evidence: [
        evidence('givenName', 'givenName', given, given === 'EXACT' ? tfWeight('givenName', a.givenNames, b.givenNames) : undefined),
        evidence('familyName', 'familyName', family, family === 'EXACT' ? tfWeight('familyName', a.familyNames, b.familyNames) : undefined),
      ],
      givenAgrees: GIVEN_AGREES.has(given),
      givenDiffers: given === 'DIFFERENT',
      familyAgreement: 0,
    };
    if (given === 'EXACT' && family === 'EXACT') return straight;
    // Given and family keyed the other way round: compare across, and keep the better reading.
    const swappedGiven = compareGivenNames(a.givenNames, b.familyNames, nickname);
    const swappedFamily = compareFamilyNames(a.familyNames, b.givenNames);
    if (swappedGiven === 'MISSING' && swappedFamily === 'MISSING') return straight;
    const swappedGivenEvidence = evidence('givenName', 'givenName', swappedGiven, swappedGiven === 'EXACT' ? tfWeight('givenName', a.givenNames, b.familyNames) : undefined);
    const swapped = {
      evidence: [
        swappedGivenEvidence,
        evidence('familyName', 'familyName', swappedFamily, swappedFamily === 'EXACT' ? tfWeight('familyName', a.familyNames, b.givenNames) : undefined),
        evidence('nameOrder', 'nameOrder', 'SWAPPED'),
      ],
      // "Clark Brandt" against "Kaylin Clark" agrees on one word, the family name Clark: not a given name.
      givenAgrees: GIVEN_AGREES.has(swappedGiven) && FAMILY_AGREES.has(swappedFamily),
      givenDiffers: swappedGiven === 'DIFFERENT' || swappedFamily === 'DIFFERENT',
      // ... so that word's weight is household evidence (see householdCap).
      familyAgreement: GIVEN_AGREES.has(swappedGiven) && !FAMILY_AGREES.has(swappedFamily) ? Math.max(0, swappedGivenEvidence.weight ?? 0) : 0,
    };
    const sum = (list: MatchEvidence[]) => list.reduce((s, e) => s + (e.weight ?? 0), 0);
    return sum(swapped.evidence) > sum(straight.evidence) ? swapped : straight;
  }

  return {
    model,
    linkThreshold: tuning.matching.linkThreshold,
    reviewThreshold: tuning.matching.reviewThreshold,
    identifierTypes,
    uniqueIdentifierTypes,
    isBlocked: blocked,
    levelWeights: () =>
      (Object.keys(LEVEL_CATALOGUE) as ComparisonName[]).flatMap((comparison) =>
        LEVEL_CATALOGUE[comparison].map((level) => {
          const { m, u } = (levels[comparison] as Record<string, { m: number; u: number }>)[level]!;
          return { comparison, level, m, u, weight: weightOf(comparison, level) };
        }),
      ),
    confidence: (score) => round(1 / (1 + 2 ** -(score - tuning.matching.linkThreshold + Math.log2(19))) * 1000) / 1000,
    clearlyDifferent(a, b) {
      const given = compareGivenNames(a.givenNames, b.givenNames, nickname);
      const date = compareDates(a.birthDigits, b.birthDigits);
      if (given === 'DIFFERENT') return date === 'DIFFERENT' || date === 'MISSING' || date === 'YEAR_ONLY';
      return date === 'DIFFERENT' && given === 'MISSING';
    },
    compare(a, b, values) {
      const list: MatchEvidence[] = [];
      let deterministic: MatchRule | null = null;
      for (const [type, value] of a.identifiers) {
        const other = b.identifiers.get(type);
        if (other === undefined) continue;
        const shared = !uniqueIdentifierTypes.has(type) && values.shared.has(`identifier:${type}:${value}`);
        if (values.generic.has(`identifier:${type}:${value}`)) continue;
        const result = compareIdentifier(value, other, shared);
        list.push(evidence(`identifier:${type}`, 'identifier', result.level));
        if (result.personal && identifierTypes.has(type)) deterministic ??= `EXACT_IDENTIFIER:${type}`;
      }
      const usable = (kind: 'email' | 'phone', list2: readonly string[]) => list2.filter((v) => !blocked(kind, v) && !values.generic.has(`${kind}:${v}`));
      const email = compareEmails(usable('email', a.emails), usable('email', b.emails), (v) => values.shared.has(`email:${v}`));
      const phone = comparePhones(usable('phone', a.phones), usable('phone', b.phones), (v) => values.shared.has(`phone:${v}`));
      // The same local part at another provider, or one a typo away, says nothing the names do not when both
      // are made of them (`john.smith@` for two John Smiths): then it weighs 0, and names alone never link.
      const nameMade = (email.level === 'LOCAL_PART' || email.level === 'CLOSE') && localPartsAreNames(usable('email', a.emails), usable('email', b.emails), a, b);
      const emailEvidence = evidence('email', 'email', email.level, nameMade ? 0 : undefined);
      list.push(emailEvidence, evidence('phone', 'phone', phone.level));
      if (email.personal) deterministic ??= 'EXACT_EMAIL';
      if (phone.personal) deterministic ??= 'EXACT_PHONE';
      const names = nameEvidence(a, b);
      list.push(...names.evidence, evidence('birthDate', 'birthDate', compareDates(a.birthDigits, b.birthDigits)));
      const street = compareStreets(a.streets, b.streets);
      const postcode = comparePostcodes(a.postcodes, b.postcodes, street);
      const city = compareCities(a.cities, b.cities, postcode);
      list.push(
        evidence('address', 'address', street),
        evidence('postcode', 'postcode', postcode),
        evidence('city', 'city', city, city === 'EXACT' ? tfWeight('city', a.cities, b.cities) : undefined),
        evidence('region', 'region', compareRegions(a.regions, b.regions, postcode, city)),
      );
      // What a household shares (surname, address, home phone, family email) says "same household", not
      // "same person": where the given names do not agree (they differ, or a shared value marks a household),
      // it counts up to householdCap, shown as `household: CAPPED` with the weight taken off. Members of one
      // household are not independent draws, which the Fellegi-Sunter sum of weights assumes.
      const household = list.reduce((sum, e) => sum + (isHouseholdEvidence(e) && (e.weight ?? 0) > 0 ? e.weight! : 0), names.familyAgreement);
      const anyShared = list.some((e) => e.level === 'SHARED' && (e.attribute === 'email' || e.attribute === 'phone'));
      if (!names.givenAgrees && (names.givenDiffers || anyShared) && household > householdCap) {
        list.push({ attribute: 'household', level: 'CAPPED', weight: round(householdCap - household) });
        if (deterministic === 'EXACT_PHONE') deterministic = null;
      }
      const score = round(list.reduce((sum, e) => sum + (e.weight ?? 0), 0));
      return { score, evidence: list, deterministic };
    },
  };
}
