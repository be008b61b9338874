import type { ConsentChannel, ConsentStatus, IdentityRecord, SourceRef } from '../domain/index.js';
import { provenanceOf, type Provenance } from './provenanceOf.js';

/** Channels reported, in this order. */
export const CONSENT_CHANNELS: readonly ConsentChannel[] = ['email', 'sms', 'phone'];

/** Most restrictive first. */
const RESTRICTIVENESS: readonly ConsentStatus[] = ['OPTED_OUT', 'NOT_OPTED_IN', 'NO_OBJECTION', 'OPTED_IN'];

/** One source record's statement, with provenance. */
export interface SourcedConsent {
  readonly status: ConsentStatus;
  readonly sourceValue: string;
  readonly updatedAt: string | null;
  readonly ref: SourceRef;
  readonly provenance: Provenance;
}

/** The effective consent of one channel. */
export interface ChannelConsent {
  readonly channel: ConsentChannel;
  /** `UNKNOWN` when no source holds consent for the channel. */
  readonly status: ConsentStatus | 'UNKNOWN';
  /** True only for OPTED_IN and NO_OBJECTION. */
  readonly allowed: boolean;
  /** The statement that decided it (null when UNKNOWN). */
  readonly decidedBy: SourcedConsent | null;
  readonly statements: readonly SourcedConsent[];
  readonly reason: string;
}

/**
 * Per channel, the most restrictive statement of any record wins (OPTED_OUT > NOT_OPTED_IN > NO_OBJECTION >
 * OPTED_IN); among equally restrictive statements, the most recently updated. A channel no record speaks
 * for is UNKNOWN and not allowed. `requestTime` stamps provenance of live values. Pure.
 */
export function mergeConsent(records: readonly IdentityRecord[], requestTime: string): ChannelConsent[] {
  return CONSENT_CHANNELS.map((channel) => {
    const statements: SourcedConsent[] = records.flatMap((record) =>
      (record.consent ?? [])
        .filter((c) => c.channel === channel)
        .map((c) => ({ status: c.status, sourceValue: c.sourceValue, updatedAt: c.updatedAt, ref: record.ref, provenance: provenanceOf(record.ref, c.updatedAt, record.fetch, requestTime) })),
    );
    const ranked = [...statements].sort(
      (a, b) => RESTRICTIVENESS.indexOf(a.status) - RESTRICTIVENESS.indexOf(b.status) || (Date.parse(b.updatedAt ?? '') || 0) - (Date.parse(a.updatedAt ?? '') || 0),
    );
    const decidedBy = ranked[0] ?? null;
    if (!decidedBy) return { channel, status: 'UNKNOWN', allowed: false, decidedBy: null, statements, reason: 'no source holds consent for this channel' };
    const others = statements.length - 1;
    const reason = `${decidedBy.ref.source} ${decidedBy.sourceValue}${others ? ` is the most restrictive of ${statements.length} statements` : ''}`;
    return { channel, status: decidedBy.status, allowed: decidedBy.status === 'OPTED_IN' || decidedBy.status === 'NO_OBJECTION', decidedBy, statements, reason };
  });
}
