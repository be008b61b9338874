import type { CountryCode } from 'libphonenumber-js';
import type { BlockingKey } from '../../adapters/types.js';
import { formatRef, type IdentityRecord, type SourceRef } from '../../domain/index.js';
import { createMatcher } from '../createMatcher.js';
import type { IdentityTuning } from '../identityConfigSchema.js';
import type { IdentitySourceAccess } from '../IdentitySourceAccess.js';
import { createBlocklist } from '../isBlockedValue.js';
import { keyOf } from '../keyOf.js';
import type { OverrideState } from '../OverrideState.js';
import { toProfile, type RecordProfile } from '../RecordProfile.js';
import { valueStatus } from '../valueStatus.js';

/** Options of {@link findErasureTargets}. */
export interface ErasureTargetsOptions {
  /** Region for national phone formats. */
  readonly defaultRegion: CountryCode;
  /** Identity tuning: identifier types, blocklist, generic threshold, name comparison. */
  readonly tuning: IdentityTuning;
  /** Records one search may return before its value counts as generic (as in resolution). Default 20. */
  readonly maxRecordsPerKey?: number;
  /** Most of the person's values searched; the rest are reported as skipped. Default 50. */
  readonly maxKeys?: number;
}

/** Which of the person's values a found record holds: `email`, `phone` or `identifier:<type>` (never the value). */
export type ErasureAttribute = 'email' | 'phone' | `identifier:${string}`;

/** A record found by one of the person's values. */
export interface ErasureMatch {
  readonly ref: SourceRef;
  readonly attribute: ErasureAttribute;
}

/** Why a found record is left for a steward instead of suppressed. */
export type ErasureCandidateReason = 'SHARED_VALUE' | 'GENERIC_VALUE' | 'UNLINKED';

/** A found record left for a steward to confirm (suppressPerson with its record) or leave. */
export interface ErasureCandidate extends ErasureMatch {
  readonly reason: ErasureCandidateReason;
}

/** What {@link findErasureTargets} found beyond the person's linked records. */
export interface ErasureTargets {
  /** Records holding one of the person's values that nobody else holds: to be suppressed with the person. */
  readonly matched: readonly ErasureMatch[];
  /** Records found by a value another person shares, a generic value, or unlinked from the person by a steward. */
  readonly candidates: readonly ErasureCandidate[];
  /** Sources whose search failed: records there may remain findable. */
  readonly failedSources: readonly string[];
  /** The person's values not searched (over `maxKeys`). */
  readonly skippedKeys: number;
}

type StrongKey = Exclude<BlockingKey, { kind: 'name' }>;

/**
 * Finds the records an erasure must also cover (issue: erasure was only as complete as matching). Searches
 * every searchable source with each of the person's strong values (normalised emails, phones and configured
 * identifiers of `members`, blocklisted values left out), live through `access`, then classifies every
 * record found that is not a member and not already suppressed, with the resolver's own value logic
 * ({@link valueStatus} over members plus found records):
 * - it holds one of the person's values that no other person holds (names and birth dates compatible) →
 *   `matched`: suppress it too (a duplicate the resolver did not link: a source down during resolution, a
 *   cached cluster older than the record, a per-source member cap, search limits);
 * - every such value it holds is shared with another person (a household email) or generic → `candidates`
 *   (`SHARED_VALUE` / `GENERIC_VALUE`): never suppressed here, another person's record keeps its data;
 * - a steward unlinked it from one of the members → `candidates` (`UNLINKED`).
 * A record a search returned that holds none of the values (fuzzy vendor matching) is ignored. A failed
 * search is reported in `failedSources`, never thrown. Output order is stable (by `source/id`). Holds PII
 * only while running; the result carries refs and attribute names, never values.
 */
export async function findErasureTargets(members: readonly IdentityRecord[], access: IdentitySourceAccess, state: OverrideState, options: ErasureTargetsOptions): Promise<ErasureTargets> {
  const { tuning } = options;
  const maxRecordsPerKey = options.maxRecordsPerKey ?? 20;
  const matcher = createMatcher(tuning);
  const blocked = createBlocklist(tuning.blocklist);
  const profileOf = (record: IdentityRecord) => toProfile(record, { defaultRegion: options.defaultRegion, stripPlusTags: tuning.normalize.stripPlusTags });
  const memberProfiles = members.map(profileOf);
  const memberRefs = new Set(memberProfiles.map((p) => p.refText));

  const keys = new Map<string, StrongKey>();
  for (const profile of memberProfiles) {
    for (const email of profile.emails) if (!blocked('email', email)) keys.set(keyOf({ kind: 'email', value: email }), { kind: 'email', value: email });
    for (const phone of profile.phones) if (!blocked('phone', phone)) keys.set(keyOf({ kind: 'phone', value: phone }), { kind: 'phone', value: phone });
    for (const [type, value] of profile.identifiers) if (matcher.identifierTypes.has(type)) keys.set(keyOf({ kind: 'identifier', type, value }), { kind: 'identifier', type, value });
  }
  const maxKeys = options.maxKeys ?? 50;
  const searched = [...keys.entries()].slice(0, maxKeys);

  const found = new Map<string, IdentityRecord>();
  const generic = new Set<string>();
  const failed = new Set<string>();
  await Promise.all(
    searched.flatMap(([text, key]) =>
      access.sourcesFor(key.kind).map(async (source) => {
        let records: IdentityRecord[];
        try {
          records = await access.search(source, key);
        } catch {
          failed.add(source);
          return;
        }
        if (records.length > maxRecordsPerKey) generic.add(text);
        for (const record of records) {
          const refText = formatRef(record.ref);
          if (!memberRefs.has(refText) && !state.suppressed.has(refText)) found.set(refText, record);
        }
      }),
    ),
  );

  const foundProfiles = [...found.values()].map(profileOf).sort((a, b) => (a.refText < b.refText ? -1 : a.refText > b.refText ? 1 : 0));
  const status = valueStatus([...memberProfiles, ...foundProfiles], matcher, tuning.genericMaxPeople, generic);
  const unlinked = new Set<string>();
  for (const [a, b] of state.unlinks) {
    if (memberRefs.has(a)) unlinked.add(b);
    if (memberRefs.has(b)) unlinked.add(a);
  }

  const matched: ErasureMatch[] = [];
  const candidates: ErasureCandidate[] = [];
  for (const profile of foundProfiles) {
    const held = heldKeys(profile).filter(([text]) => keys.has(text));
    if (held.length === 0) continue;
    const ref = profile.record.ref;
    if (unlinked.has(profile.refText)) {
      candidates.push({ ref, attribute: held[0]![1], reason: 'UNLINKED' });
      continue;
    }
    const own = held.find(([text]) => !status.shared.has(text) && !status.generic.has(text));
    if (own) {
      matched.push({ ref, attribute: own[1] });
      continue;
    }
    const sharedHeld = held.find(([text]) => status.shared.has(text));
    candidates.push({ ref, attribute: (sharedHeld ?? held[0]!)[1], reason: sharedHeld ? 'SHARED_VALUE' : 'GENERIC_VALUE' });
  }
  return { matched, candidates, failedSources: [...failed].sort(), skippedKeys: keys.size - searched.length };
}

/** A profile's strong values as `[keyOf text, attribute]`, in the key format {@link valueStatus} uses. */
function heldKeys(profile: RecordProfile): Array<[string, ErasureAttribute]> {
  return [
    ...profile.emails.map((value): [string, ErasureAttribute] => [keyOf({ kind: 'email', value }), 'email']),
    ...profile.phones.map((value): [string, ErasureAttribute] => [keyOf({ kind: 'phone', value }), 'phone']),
    ...[...profile.identifiers].map(([type, value]): [string, ErasureAttribute] => [keyOf({ kind: 'identifier', type, value }), `identifier:${type}`]),
  ];
}
