import type { SourceRef } from '../domain/index.js';

/** Which rule put a record into its cluster. `SEED` is the record the resolution started from (or the anchor). */
export type MatchRule = 'SEED' | 'EXACT_EMAIL' | 'EXACT_PHONE';

/** One attribute two records agreed on. Values are never kept here (no PII in explanations). */
export interface MatchEvidence {
  readonly attribute: 'email' | 'phone';
  /** Comparison level: deterministic rules only produce `EXACT`. */
  readonly level: 'EXACT';
  /** Log-likelihood weight; null for deterministic rules. */
  readonly weight: number | null;
}

/** Why one member record belongs to its cluster. */
export interface ClusterLink {
  readonly ref: SourceRef;
  readonly rule: MatchRule;
  /** 1 for deterministic rules. */
  readonly confidence: number;
  /** The member it was linked to (its parent on the path from the anchor); null for the anchor. */
  readonly linkedTo: SourceRef | null;
  readonly matchedOn: readonly MatchEvidence[];
}

/**
 * A resolved person: the set of source records that are the same person, with an explanation per member.
 * Holds refs only (no PII), so it can be cached and shared across requests.
 */
export interface Cluster {
  readonly customerId: string;
  readonly anchor: SourceRef;
  /** The anchor first, then members in the order they were reached from it. */
  readonly links: readonly ClusterLink[];
  /** ms since the epoch. */
  readonly resolvedAt: number;
}

/** One person a lookup key matched, with the member records that carry the key. */
export interface KeyMatch {
  readonly cluster: Cluster;
  readonly matchedRefs: readonly SourceRef[];
}

/** Outcome of resolving a lookup key (STYLE.md rule 10: a discriminated union, switched exhaustively). */
export type Resolution =
  | { readonly status: 'matched'; readonly match: KeyMatch }
  | { readonly status: 'ambiguous'; readonly matches: readonly KeyMatch[] }
  | { readonly status: 'unmatched' };
