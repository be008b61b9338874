import type { CountryCode } from 'libphonenumber-js';
import type { IdentityRecord, PostalAddress } from '../domain/index.js';
import { normalizeEmail, normalizePhone } from '../identity/index.js';
import { foldText } from './foldText.js';
import { normalizeCountry } from './normalizeCountry.js';
import { provenanceOf } from './provenanceOf.js';
import { survive, type FieldCandidate, type Survivorship } from './survive.js';
import { PROFILE_FIELDS, type ProfileField, type UnifyConfig } from './unifyConfig.js';

/** Survivorship of one profile field, with the strategies that decided it. */
export interface ProfileValue extends Survivorship {
  readonly field: ProfileField;
  readonly strategies: readonly string[];
}

/** The survived profile: one entry per field of PROFILE_FIELDS. */
export type Profile = Readonly<Record<ProfileField, ProfileValue>>;

/**
 * The single-valued profile of one person from their records: per field, each record's value(s) become
 * candidates (emails and phones normalised, names as `given family`, addresses as one line), and
 * {@link survive} picks one by the field's configured rule. `sourcePriority` is the configured source order;
 * `requestTime` (ISO) stamps provenance of values fetched live. Pure.
 */
export function buildProfile(
  records: readonly IdentityRecord[],
  rules: UnifyConfig['survivorship'],
  sourcePriority: readonly string[],
  requestTime: string,
  defaultRegion: CountryCode,
): Profile {
  const candidates: Record<ProfileField, FieldCandidate[]> = { name: [], email: [], phone: [], address: [], birthDate: [] };
  for (const record of records) {
    const provenance = provenanceOf(record.ref, record.updatedAt, record.fetch, requestTime);
    const add = (field: ProfileField, key: string | null, value: string | null) => candidates[field].push({ key: key ?? '', value: key === null ? null : value, provenance });
    const names = record.names.map((n) => [n.given, n.family].filter(Boolean).join(' ').trim() || n.full?.trim() || '');
    pushAll(names, (name) => add('name', name ? foldText(name) : null, name));
    pushAll(record.emails, (raw) => add('email', normalizeEmail(raw), normalizeEmail(raw)));
    pushAll(record.phones, (raw) => add('phone', normalizePhone(raw, defaultRegion), normalizePhone(raw, defaultRegion)));
    // Compared with the country normalised (`US`, `USA`, `United States` are one country), shown as the source has it.
    pushAll(record.addresses, (address) => {
      const line = formatAddress(address);
      add('address', line ? foldText(formatAddress(address && { ...address, country: normalizeCountry(address.country) ?? address.country })) : null, line);
    });
    add('birthDate', record.birthDate?.trim() || null, record.birthDate);
  }
  const profile = {} as Record<ProfileField, ProfileValue>;
  for (const field of PROFILE_FIELDS) {
    const rule = rules[field];
    profile[field] = { field, strategies: rule.strategies, ...survive(candidates[field], rule.strategies, sourcePriority, rule.ignoreEmpty) };
  }
  return profile;
}

/** A record without any value for a field still counts as an empty candidate (for `ignoreEmpty: false`). */
function pushAll<T>(values: readonly T[], add: (value: T | null) => void): void {
  if (values.length === 0) add(null);
  for (const value of values) add(value);
}

/** `line1, city, region postcode, country` with missing parts left out; '' when all are missing. */
export function formatAddress(address: PostalAddress | null): string {
  if (!address) return '';
  const regionLine = [address.region, address.postcode].filter(Boolean).join(' ');
  return [address.line1, address.city, regionLine, address.country].filter((part) => part && part.trim()).join(', ');
}
