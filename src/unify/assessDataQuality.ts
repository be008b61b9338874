import type { Profile } from './buildProfile.js';
import type { ChannelConsent } from './mergeConsent.js';
import type { Provenance } from './provenanceOf.js';
import { PROFILE_FIELDS, type ExpectedAttribute } from './unifyConfig.js';

/** Distinct values sources hold for one field. */
export interface FieldConflict {
  readonly field: string;
  readonly values: ReadonlyArray<{ readonly value: string | null; readonly sources: readonly Provenance[] }>;
  readonly chosen: string | null;
}

/** The data-quality report of one customer. */
export interface DataQuality {
  /** present / expected × 100, one decimal. */
  readonly completeness: number;
  readonly expected: readonly ExpectedAttribute[];
  readonly present: readonly ExpectedAttribute[];
  readonly missing: readonly ExpectedAttribute[];
  readonly conflicts: readonly FieldConflict[];
  readonly freshness: Freshness;
}

/** How old the values used are. */
export interface Freshness {
  /** Oldest source last-modified time among the values used (profile winners, consent), ISO; null if none has one. */
  readonly oldestSourceUpdatedAt: string | null;
  /** Whole days from that time to now. */
  readonly oldestSourceAgeDays: number | null;
  /** Largest fetch age of any value used, ms (0 when all were fetched live). */
  readonly maxFetchAgeMs: number;
  /** How many values used were served stale. */
  readonly staleValues: number;
}

/** Facts about the customer's related records data quality can expect. */
export interface RecordCounts {
  readonly orders: number;
  readonly tickets: number;
}

/**
 * Completeness over `expected` attributes: a profile field is present when survivorship chose a value, a
 * consent channel (`consentEmail`...) when some source states it, `orders`/`tickets` when there is at least
 * one. Conflicts: every profile field where sources hold more than one distinct value. Freshness: over the
 * provenance of the values used. `nowMs` is the request time. Pure.
 */
export function assessDataQuality(profile: Profile, consent: readonly ChannelConsent[], counts: RecordCounts, expected: readonly ExpectedAttribute[], nowMs: number): DataQuality {
  const isPresent = (attribute: ExpectedAttribute): boolean => {
    switch (attribute) {
      case 'consentEmail':
        return consent.some((c) => c.channel === 'email' && c.status !== 'UNKNOWN');
      case 'consentSms':
        return consent.some((c) => c.channel === 'sms' && c.status !== 'UNKNOWN');
      case 'consentPhone':
        return consent.some((c) => c.channel === 'phone' && c.status !== 'UNKNOWN');
      case 'orders':
        return counts.orders > 0;
      case 'tickets':
        return counts.tickets > 0;
      default:
        return profile[attribute].chosen?.value != null;
    }
  };
  const present = expected.filter(isPresent);
  const conflicts = PROFILE_FIELDS.flatMap((field) => {
    const { chosen, runnersUp } = profile[field];
    if (!chosen || runnersUp.length === 0) return [];
    return [{ field, chosen: chosen.value, values: [chosen, ...runnersUp].map((v) => ({ value: v.value, sources: v.holders })) }];
  });
  const used: Provenance[] = [
    ...PROFILE_FIELDS.flatMap((field) => profile[field].chosen?.provenance ?? []),
    ...consent.flatMap((c) => c.decidedBy?.provenance ?? []),
  ];
  const updatedTimes = used.map((p) => Date.parse(p.sourceUpdatedAt ?? '')).filter((t) => !Number.isNaN(t));
  const oldest = updatedTimes.length ? Math.min(...updatedTimes) : null;
  return {
    completeness: expected.length ? Math.round((present.length / expected.length) * 1000) / 10 : 100,
    expected,
    present,
    missing: expected.filter((a) => !present.includes(a)),
    conflicts,
    freshness: {
      oldestSourceUpdatedAt: oldest === null ? null : new Date(oldest).toISOString(),
      oldestSourceAgeDays: oldest === null ? null : Math.max(0, Math.floor((nowMs - oldest) / 86_400_000)),
      maxFetchAgeMs: used.reduce((max, p) => Math.max(max, p.ageMs), 0),
      staleValues: used.filter((p) => p.stale).length,
    },
  };
}
