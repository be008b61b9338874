import type { SourceRef } from '../domain/index.js';

/**
 * Which rule put a record into its cluster. `SEED` is the anchor; `EXACT_EMAIL`, `EXACT_PHONE` and
 * `EXACT_IDENTIFIER:<type>` are deterministic rules; `PROBABILISTIC` a Fellegi–Sunter score at or above the
 * link threshold; `OVERRIDE` an operator's `linkRecords` assertion.
 */
export type MatchRule = 'SEED' | 'EXACT_EMAIL' | 'EXACT_PHONE' | `EXACT_IDENTIFIER:${string}` | 'PROBABILISTIC' | 'OVERRIDE';

/**
 * Level of one comparison: one of LEVEL_CATALOGUE's (`EXACT`, `CLOSE`, `NICKNAME`, `ONE_DIGIT`, ...), or
 * `MISSING` (absent on either side), `SHARED` (equal, but held by several people) or `IMPLIED` (equal, and
 * already counted through a finer part of the address); those three weigh 0.
 */
export type MatchLevel = string;

/** One attribute comparison of two records. Values are never kept here (no PII in explanations). */
export interface MatchEvidence {
  /** `email`, `phone`, `givenName`, `familyName`, `nameOrder`, `birthDate`, `address`, `postcode`, `city`, `region`, `identifier:<type>`, `household` (level CAPPED). */
  readonly attribute: string;
  readonly level: MatchLevel;
  /** log2(m/u) of the level; 0 for MISSING and SHARED; null only where no comparison weight applies. */
  readonly weight: number | null;
}

/** Why one member record belongs to its cluster. */
export interface ClusterLink {
  readonly ref: SourceRef;
  readonly rule: MatchRule;
  /** 0..1: 1 for deterministic rules and overrides; the posterior for PROBABILISTIC (0.95 at the link threshold). */
  readonly confidence: number;
  /** The member it was linked to (its parent on the path from the anchor); null for the anchor. */
  readonly linkedTo: SourceRef | null;
  readonly matchedOn: readonly MatchEvidence[];
  /** Sum of the evidence weights; null for the anchor and overrides. */
  readonly score?: number | null;
}

/** A record scored between the review and link thresholds against a member: possibly this person, never merged. */
export interface ClusterCandidate {
  readonly ref: SourceRef;
  /** The member it scored best against. */
  readonly comparedWith: SourceRef;
  readonly score: number;
  readonly confidence: number;
  readonly matchedOn: readonly MatchEvidence[];
  /** Why it was not linked, in words. */
  readonly reason: string;
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
  /** Records that may be this person (between thresholds, or refused by an unlink override), best first. */
  readonly candidates?: readonly ClusterCandidate[];
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
