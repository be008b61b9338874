import { jaroWinkler } from '@skyra/jaro-winkler';
import { distance } from 'fastest-levenshtein';

/** Jaro–Winkler similarity (0..1) of two strings; 1 when equal. */
export function similarity(a: string, b: string): number {
  return a === b ? 1 : jaroWinkler(a, b);
}

/** Levenshtein edit distance. */
export function editDistance(a: string, b: string): number {
  return distance(a, b);
}

/**
 * True when `a` and `b` differ by one keying error: one substitution, insertion or deletion, or two
 * adjacent characters swapped (`1234` / `1243`).
 */
export function oneKeyingError(a: string, b: string): boolean {
  if (a === b) return false;
  if (distance(a, b) === 1) return true;
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/** The best (lowest-rank) of several levels by their order in `order`. */
export function bestLevel<L extends string>(order: readonly L[], levels: Iterable<L>): L | null {
  let best: L | null = null;
  for (const level of levels) if (best === null || order.indexOf(level) < order.indexOf(best)) best = level;
  return best;
}
