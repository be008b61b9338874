import type { Provenance } from './provenanceOf.js';
import type { SurvivorshipStrategy } from './unifyConfig.js';

/** One record's value for a field: `key` compares values (normalised), `value` is what is shown. */
export interface FieldCandidate {
  readonly key: string;
  readonly value: string | null;
  readonly provenance: Provenance;
}

/** A distinct value and every record holding it; `provenance` is the holder that speaks for it. */
export interface SurvivedValue {
  readonly value: string | null;
  readonly provenance: Provenance;
  readonly holders: readonly Provenance[];
}

/** The outcome of survivorship for one field. */
export interface Survivorship {
  readonly chosen: SurvivedValue | null;
  readonly runnersUp: readonly SurvivedValue[];
  /** Why `chosen` won, in words (the first strategy that separated it from the runner-up). */
  readonly reason: string;
}

interface Group {
  readonly key: string;
  readonly value: string | null;
  readonly holders: Provenance[];
  bestPriority: number;
  latest: number;
}

/**
 * Chooses one value for a field from the candidates of a person's records. Equal `key`s are one value held
 * by several records. With `ignoreEmpty` (default true) empty values (null or blank) never compete; else an
 * empty value competes like any other. Values are ranked by `strategies` in order as tie-breakers, then by
 * source priority (`sourcePriority`: names in priority order; unknown sources last), then by key. The value's
 * `provenance` is its holder from the highest-priority source (for `mostRecent` first, its latest holder).
 * Pure.
 */
export function survive(
  candidates: readonly FieldCandidate[],
  strategies: readonly SurvivorshipStrategy[],
  sourcePriority: readonly string[],
  ignoreEmpty = true,
): Survivorship {
  const rank = (source: string) => {
    const index = sourcePriority.indexOf(source);
    return index === -1 ? sourcePriority.length : index;
  };
  const groups = new Map<string, Group>();
  for (const candidate of candidates) {
    const empty = candidate.value === null || candidate.value.trim() === '';
    if (empty && ignoreEmpty) continue;
    const key = empty ? '' : candidate.key;
    const group = groups.get(key) ?? { key, value: empty ? null : candidate.value, holders: [], bestPriority: Infinity, latest: -Infinity };
    group.holders.push(candidate.provenance);
    group.bestPriority = Math.min(group.bestPriority, rank(candidate.provenance.source));
    group.latest = Math.max(group.latest, timeOf(candidate.provenance.sourceUpdatedAt));
    groups.set(key, group);
  }
  const compare = (a: Group, b: Group, strategy: SurvivorshipStrategy): number => {
    switch (strategy) {
      case 'sourcePriority':
        return a.bestPriority - b.bestPriority;
      case 'mostRecent':
        return b.latest - a.latest;
      case 'mostFrequent':
        return b.holders.length - a.holders.length;
      default: {
        const unreachable: never = strategy;
        return unreachable;
      }
    }
  };
  const ordered = [...groups.values()].sort((a, b) => {
    for (const strategy of strategies) {
      const c = compare(a, b, strategy);
      if (c !== 0) return c;
    }
    return a.bestPriority - b.bestPriority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
  const [first, second] = ordered;
  const byPriority = (a: Provenance, b: Provenance) => rank(a.source) - rank(b.source) || (a.recordId < b.recordId ? -1 : 1);
  const toValue = (group: Group): SurvivedValue => {
    const holders = [...group.holders].sort(byPriority);
    const speaker = strategies[0] === 'mostRecent' ? [...holders].sort((a, b) => timeOf(b.sourceUpdatedAt) - timeOf(a.sourceUpdatedAt))[0]! : holders[0]!;
    return { value: group.value, provenance: speaker, holders };
  };
  if (!first) return { chosen: null, runnersUp: [], reason: 'no source holds a value' };
  let reason = 'the only value';
  if (second) {
    const decider = strategies.find((s) => compare(first, second, s) !== 0);
    reason = decider ? REASONS[decider] : 'tie on every strategy: the highest-priority source';
  }
  return { chosen: toValue(first), runnersUp: ordered.slice(1).map(toValue), reason };
}

const REASONS: Readonly<Record<SurvivorshipStrategy, string>> = {
  sourcePriority: 'sourcePriority: held by the highest-priority source',
  mostRecent: 'mostRecent: changed most recently in its source',
  mostFrequent: 'mostFrequent: held by the most records',
};

function timeOf(iso: string | null): number {
  if (iso === null) return -Infinity;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? -Infinity : ms;
}
