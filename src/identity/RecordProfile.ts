import type { CountryCode } from 'libphonenumber-js';
import { formatRef, type IdentityRecord } from '../domain/index.js';
import { parseStreet, type StreetParts } from './comparisons/parseStreet.js';
import { normalizeStreet, normalizePostcode } from './normalizeAddress.js';
import { normalizeDate } from './normalizeDate.js';
import { normalizeEmail } from './normalizeEmail.js';
import { nameParts, normalizeName } from './normalizeName.js';
import { normalizePhone } from './normalizePhone.js';

/** One record with every attribute normalised once, as matching compares them. Holds PII: never cached. */
export interface RecordProfile {
  readonly record: IdentityRecord;
  /** `source/id`. */
  readonly refText: string;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly givenNames: readonly string[];
  readonly familyNames: readonly string[];
  readonly birthDate: string | null;
  /**
   * The birth date as 8 digits `YYYYMMDD`: from the ISO date, or the digits the source holds when they do not
   * make a calendar date (a keyed `19561309` still compares digit by digit). `null` when there are not 8.
   */
  readonly birthDigits: string | null;
  readonly streets: readonly StreetParts[];
  readonly postcodes: readonly string[];
  readonly cities: readonly string[];
  readonly regions: readonly string[];
  /** Identifier type → trimmed value. */
  readonly identifiers: ReadonlyMap<string, string>;
}

/** Options of {@link toProfile}. */
export interface ProfileOptions {
  readonly defaultRegion: CountryCode;
  readonly stripPlusTags: boolean;
}

/**
 * Normalises a record for matching: emails (trim, lower case, plus-tags per config), phones (E.164), names
 * (case, accents, punctuation; a `full` name without parts is split into first and last word), birth date
 * (ISO 8601 and 8 digits), street lines (USPS abbreviations, then number / street name / type), postcodes,
 * cities and regions. Pure; a record's profile is computed once per options and reused while the record lives
 * (a resolution builds clusters once per round over the same records: phone parsing dominated that).
 */
export function toProfile(record: IdentityRecord, options: ProfileOptions): RecordProfile {
  const cached = profiles.get(record);
  if (cached && cached.region === options.defaultRegion && cached.stripPlusTags === options.stripPlusTags) return cached.profile;
  const profile = buildProfile(record, options);
  profiles.set(record, { region: options.defaultRegion, stripPlusTags: options.stripPlusTags, profile });
  return profile;
}

/** Profiles by record; weak, so they go with their records (never outliving a request's data). */
const profiles = new WeakMap<IdentityRecord, { readonly region: CountryCode; readonly stripPlusTags: boolean; readonly profile: RecordProfile }>();

function buildProfile(record: IdentityRecord, options: ProfileOptions): RecordProfile {
  const uniq = <T>(values: ReadonlyArray<T | null>): T[] => [...new Set(values.filter((v): v is T => v !== null))];
  const given: Array<string | null> = [];
  const family: Array<string | null> = [];
  for (const name of record.names) {
    const { given: g, family: f } = nameParts(name);
    // Multi-word given names ("mary ann") also compare by their first word.
    given.push(g, g?.split(' ')[0] ?? null);
    family.push(f);
  }
  const identifiers = new Map<string, string>();
  for (const [type, value] of Object.entries(record.identifiers)) if (value.trim() !== '') identifiers.set(type, value.trim());
  const birthDate = normalizeDate(record.birthDate);
  const rawDigits = record.birthDate?.replace(/\D/g, '') ?? '';
  const streetLines = uniq(record.addresses.map((a) => normalizeStreet(a.line1)));
  return {
    record,
    refText: formatRef(record.ref),
    emails: uniq(record.emails.map((e) => normalizeEmail(e, { stripPlusTags: options.stripPlusTags }))),
    phones: uniq(record.phones.map((p) => normalizePhone(p, options.defaultRegion))),
    givenNames: uniq(given),
    familyNames: uniq(family),
    birthDate,
    birthDigits: birthDate ? birthDate.replace(/-/g, '') : rawDigits.length === 8 ? rawDigits : null,
    streets: streetLines.map(parseStreet),
    postcodes: uniq(record.addresses.map((a) => normalizePostcode(a.postcode))),
    cities: uniq(record.addresses.map((a) => normalizeName(a.city))),
    regions: uniq(record.addresses.map((a) => normalizeName(a.region))),
    identifiers,
  };
}
