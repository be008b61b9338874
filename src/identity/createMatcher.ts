import { jaroWinkler } from '@skyra/jaro-winkler';
import { distance } from 'fastest-levenshtein';
import type { MatchEvidence, MatchLevel, MatchRule } from './Cluster.js';
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
  /** The deterministic rule the pair satisfies (an equal personal email, phone or configured identifier), or null. */
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

/** Compares records and says whether values may link. One per gateway (holds the compiled config). */
export interface Matcher {
  /** Every comparison level with its m, u and weight, in comparison order. */
  levelWeights(): readonly LevelWeight[];
  compare(a: RecordProfile, b: RecordProfile, values: ValueStatus): PairScore;
  /** True for placeholder values that never link. */
  isBlocked(kind: 'email' | 'phone', value: string): boolean;
  /** True when two normalised given names can be one person's (equal, nickname, initial, or close spelling). */
  sameGivenName(a: string, b: string): boolean;
  /** Posterior probability (0..1) of a score: 0.95 at the link threshold, 0.5 four bits below it. */
  confidence(score: number): number;
  readonly linkThreshold: number;
  readonly reviewThreshold: number;
  readonly identifierTypes: ReadonlySet<string>;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/**
 * Compiles the matching config (DESIGN.md §5): Fellegi–Sunter comparison of two record profiles per
 * attribute with levels EXACT / CLOSE (Jaro–Winkler from `closeAt`, nicknames, initials, one-edit dates) /
 * DIFFERENT / MISSING, each weighing log2(m/u); a missing value is neutral. Email, phone and configured
 * identifiers also decide the deterministic rule, unless the value is blocked, shared or generic.
 */
export function createMatcher(tuning: IdentityTuning): Matcher {
  const { attributes } = tuning.matching;
  const weight = (attr: keyof typeof attributes, level: 'exact' | 'close' | 'different'): number => {
    const { m, u } = attributes[attr][level];
    return round(Math.log2(m / u));
  };
  const blocked = createBlocklist(tuning.blocklist);
  const nicknameTable: Record<string, readonly string[]> = { ...DEFAULT_NICKNAMES };
  for (const [formal, shorts] of Object.entries(tuning.normalize.nicknames)) nicknameTable[formal.toLowerCase()] = [...(nicknameTable[formal.toLowerCase()] ?? []), ...shorts.map((s) => s.toLowerCase())];
  const nickname = tuning.normalize.useNicknames ? createNicknameIndex(nicknameTable) : (a: string, b: string) => a === b;
  const identifierTypes = new Set(tuning.identifiers);

  const evidence = (attribute: string, attr: keyof typeof attributes, level: MatchLevel): MatchEvidence => ({
    attribute,
    level,
    weight: level === 'EXACT' ? weight(attr, 'exact') : level === 'CLOSE' ? weight(attr, 'close') : level === 'DIFFERENT' ? weight(attr, 'different') : 0,
  });

  const sameGivenName = (a: string, b: string): boolean =>
    a === b || nickname(a, b) || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b)) || jaroWinkler(a, b) >= attributes.givenName.closeAt;

  function contactLevel(kind: 'email' | 'phone', a: readonly string[], b: readonly string[], values: ValueStatus): { level: MatchLevel; personal: boolean } {
    const usable = (list: readonly string[]) => list.filter((v) => !blocked(kind, v) && !values.generic.has(`${kind}:${v}`));
    const ua = usable(a);
    const ub = usable(b);
    if (ua.length === 0 || ub.length === 0) return { level: 'MISSING', personal: false };
    const common = ua.filter((v) => ub.includes(v));
    if (common.length === 0) return { level: 'DIFFERENT', personal: false };
    const personal = common.some((v) => !values.shared.has(`${kind}:${v}`));
    return { level: personal ? 'EXACT' : 'SHARED', personal };
  }

  function nameLevel(a: readonly string[], b: readonly string[], close: (x: string, y: string) => boolean): MatchLevel {
    if (a.length === 0 || b.length === 0) return 'MISSING';
    if (a.some((x) => b.includes(x))) return 'EXACT';
    return a.some((x) => b.some((y) => close(x, y))) ? 'CLOSE' : 'DIFFERENT';
  }

  function dateLevel(a: string | null, b: string | null): MatchLevel {
    if (a === null || b === null) return 'MISSING';
    if (a === b) return 'EXACT';
    const swapped = `${a.slice(0, 4)}-${a.slice(8, 10)}-${a.slice(5, 7)}`;
    return swapped === b || distance(a, b) === 1 ? 'CLOSE' : 'DIFFERENT';
  }

  return {
    levelWeights: () =>
      Object.entries(attributes).flatMap(([comparison, levels]) =>
        (['exact', 'close', 'different'] as const).map((level) => ({ comparison, level: level.toUpperCase(), m: levels[level].m, u: levels[level].u, weight: round(Math.log2(levels[level].m / levels[level].u)) })),
      ),
    linkThreshold: tuning.matching.linkThreshold,
    reviewThreshold: tuning.matching.reviewThreshold,
    identifierTypes,
    isBlocked: blocked,
    sameGivenName,
    confidence: (score) => round(1 / (1 + 2 ** -(score - tuning.matching.linkThreshold + Math.log2(19))) * 1000) / 1000,
    compare(a, b, values) {
      const list: MatchEvidence[] = [];
      let deterministic: MatchRule | null = null;
      for (const [type, value] of a.identifiers) {
        const other = b.identifiers.get(type);
        if (other === undefined || !identifierTypes.has(type)) continue;
        const level: MatchLevel = other === value ? (values.shared.has(`identifier:${type}:${value}`) ? 'SHARED' : 'EXACT') : 'DIFFERENT';
        list.push(evidence(`identifier:${type}`, 'identifier', level));
        if (level === 'EXACT') deterministic ??= `EXACT_IDENTIFIER:${type}`;
      }
      const email = contactLevel('email', a.emails, b.emails, values);
      const phone = contactLevel('phone', a.phones, b.phones, values);
      list.push(evidence('email', 'email', email.level), evidence('phone', 'phone', phone.level));
      if (email.personal) deterministic ??= 'EXACT_EMAIL';
      if (phone.personal) deterministic ??= 'EXACT_PHONE';
      list.push(
        evidence('givenName', 'givenName', nameLevel(a.givenNames, b.givenNames, sameGivenName)),
        evidence('familyName', 'familyName', nameLevel(a.familyNames, b.familyNames, (x, y) => jaroWinkler(x, y) >= attributes.familyName.closeAt || x.split(' ').some((w) => y.split(' ').includes(w)))),
        evidence('birthDate', 'birthDate', dateLevel(a.birthDate, b.birthDate)),
      );
      const street = nameLevel(a.streets, b.streets, (x, y) => jaroWinkler(x, y) >= attributes.address.closeAt);
      list.push(evidence('address', 'address', street));
      // A postcode adds little once the street line agreed (they are correlated), so it counts only without one.
      if (street === 'MISSING' || street === 'DIFFERENT') list.push(evidence('postcode', 'postcode', nameLevel(a.postcodes, b.postcodes, () => false)));
      const score = round(list.reduce((sum, e) => sum + (e.weight ?? 0), 0));
      return { score, evidence: list, deterministic };
    },
  };
}
