import type { MatchEvidence } from '../Cluster.js';
import { LEVEL_CATALOGUE, type ComparisonName, type LevelProbabilities, type LevelTable } from '../comparisons/levelCatalogue.js';

/** One compared pair as training sees it: comparison → observed level (MISSING, SHARED and IMPLIED left out). */
export type ComparisonVector = ReadonlyMap<ComparisonName, string>;

/** What {@link estimateLevels} found. */
export interface LevelEstimate {
  readonly levels: LevelTable;
  /** Share of the candidate pairs that are matches (λ). */
  readonly matchShare: number;
  readonly iterations: number;
}

/** Smallest probability a level is given, so no weight is infinite. */
const FLOOR = 1e-6;
/**
 * Strength of the built-in values as a prior, in pairs (a Dirichlet prior, so the estimate is the MAP): a
 * level seen in a handful of pairs keeps close to its built-in m or u instead of jumping to 0 or 1.
 */
const M_PRIOR_PAIRS = 20;
const U_PRIOR_PAIRS = 2000;

/** The comparison vector of one pair's evidence (identifier attributes fold into `identifier`). */
export function toComparisonVector(evidence: readonly MatchEvidence[]): ComparisonVector {
  const vector = new Map<ComparisonName, string>();
  for (const e of evidence) {
    if (e.level === 'MISSING' || e.level === 'SHARED' || e.level === 'IMPLIED') continue;
    const comparison = (e.attribute.startsWith('identifier:') ? 'identifier' : e.attribute) as ComparisonName;
    if (!(comparison in LEVEL_CATALOGUE)) continue;
    const known = vector.get(comparison);
    // Several identifiers: keep the most similar level.
    if (known === undefined || (LEVEL_CATALOGUE[comparison] as readonly string[]).indexOf(e.level) < (LEVEL_CATALOGUE[comparison] as readonly string[]).indexOf(known)) vector.set(comparison, e.level);
  }
  return vector;
}

/** A set of candidate pairs that blocking brought together on some comparisons (which EM must not learn from them). */
export interface TrainingSession {
  /** The pairs' comparison vectors. */
  readonly pairs: readonly ComparisonVector[];
  /** Comparisons the blocking key agreed on by construction: left out of this session's E and M steps. */
  readonly blockedOn: ReadonlySet<ComparisonName>;
}

/**
 * Estimates m and u per level (Fellegi–Sunter with expectation–maximisation, as Splink trains): u from
 * `random` pairs (two records drawn at random are almost never one person, so their level shares are u);
 * then m by EM, one session per blocking pass with u held fixed. A session's pairs agree on the blocked
 * comparisons by construction, so those are left out of its E and M steps (else everything blocked
 * together looks like a match); each comparison's m is the pair-weighted mean over the sessions that
 * estimated it. `start` is a prior worth M_PRIOR_PAIRS (m) and U_PRIOR_PAIRS (u) pairs, so sparse levels stay
 * near it and levels never observed keep it. Each session stops when no m moves by more
 * than 1e-4, or after `maxIterations`.
 */
export function estimateLevels(sessions: readonly TrainingSession[], random: readonly ComparisonVector[], start: LevelTable, maxIterations = 40): LevelEstimate {
  const comparisons = Object.keys(LEVEL_CATALOGUE) as ComparisonName[];
  const u = new Map<string, number>();
  const startM = new Map<string, number>();
  for (const c of comparisons) for (const level of LEVEL_CATALOGUE[c]) {
    const p = (start[c] as Record<string, LevelProbabilities>)[level]!;
    u.set(`${c}:${level}`, p.u);
    startM.set(`${c}:${level}`, p.m);
  }
  for (const c of comparisons) {
    const counts = countLevels(random, c, () => 1);
    if (counts.total < 20) continue;
    for (const level of LEVEL_CATALOGUE[c]) {
      const prior = u.get(`${c}:${level}`)!;
      u.set(`${c}:${level}`, Math.max(FLOOR, ((counts.byLevel.get(level) ?? 0) + U_PRIOR_PAIRS * prior) / (counts.total + U_PRIOR_PAIRS)));
    }
  }
  const mSum = new Map<string, number>();
  const mWeight = new Map<ComparisonName, number>();
  let matchShareSum = 0;
  let pairsSum = 0;
  let iterationsMax = 0;
  for (const session of sessions) {
    if (session.pairs.length === 0) continue;
    const free = comparisons.filter((c) => !session.blockedOn.has(c));
    const m = new Map(startM);
    let lambda = 0.1;
    let iterations = 0;
    for (; iterations < maxIterations; iterations += 1) {
      const posterior = session.pairs.map((vector) => {
        let logRatio = Math.log(lambda / (1 - lambda));
        for (const c of free) {
          const level = vector.get(c);
          if (level === undefined) continue;
          logRatio += Math.log(Math.max(m.get(`${c}:${level}`) ?? FLOOR, FLOOR) / Math.max(u.get(`${c}:${level}`) ?? FLOOR, FLOOR));
        }
        return 1 / (1 + Math.exp(-Math.max(-700, Math.min(700, logRatio))));
      });
      lambda = Math.min(1 - FLOOR, Math.max(FLOOR, posterior.reduce((sum, p) => sum + p, 0) / session.pairs.length));
      let moved = 0;
      for (const c of free) {
        const counts = countLevels(session.pairs, c, (i) => posterior[i]!);
        if (counts.total < 1) continue;
        for (const level of LEVEL_CATALOGUE[c]) {
          const next = Math.max(FLOOR, ((counts.byLevel.get(level) ?? 0) + M_PRIOR_PAIRS * startM.get(`${c}:${level}`)!) / (counts.total + M_PRIOR_PAIRS));
          moved = Math.max(moved, Math.abs(next - m.get(`${c}:${level}`)!));
          m.set(`${c}:${level}`, next);
        }
      }
      if (moved < 1e-4) {
        iterations += 1;
        break;
      }
    }
    iterationsMax = Math.max(iterationsMax, iterations);
    matchShareSum += lambda * session.pairs.length;
    pairsSum += session.pairs.length;
    for (const c of free) {
      if (countLevels(session.pairs, c, () => 1).total < 20) continue;
      const w = session.pairs.length;
      mWeight.set(c, (mWeight.get(c) ?? 0) + w);
      for (const level of LEVEL_CATALOGUE[c]) mSum.set(`${c}:${level}`, (mSum.get(`${c}:${level}`) ?? 0) + w * m.get(`${c}:${level}`)!);
    }
  }
  const levels: Record<string, Record<string, LevelProbabilities>> = {};
  for (const c of comparisons) {
    levels[c] = {};
    const w = mWeight.get(c);
    for (const level of LEVEL_CATALOGUE[c]) {
      const key = `${c}:${level}`;
      levels[c]![level] = { m: w ? Math.max(FLOOR, mSum.get(key)! / w) : startM.get(key)!, u: u.get(key)! };
    }
  }
  return { levels: levels as unknown as LevelTable, matchShare: pairsSum === 0 ? 0 : matchShareSum / pairsSum, iterations: iterationsMax };
}

function countLevels(vectors: readonly ComparisonVector[], comparison: ComparisonName, weightOf: (index: number) => number): { total: number; byLevel: Map<string, number> } {
  const byLevel = new Map<string, number>();
  let total = 0;
  vectors.forEach((vector, index) => {
    const level = vector.get(comparison);
    if (level === undefined) return;
    const w = weightOf(index);
    total += w;
    byLevel.set(level, (byLevel.get(level) ?? 0) + w);
  });
  return { total, byLevel };
}
