import type { CountryCode } from 'libphonenumber-js';
import { formatRef, type IdentityRecord } from '../domain/index.js';
import { normalizeStreet, normalizePostcode } from './normalizeAddress.js';
import { normalizeDate } from './normalizeDate.js';
import { normalizeEmail } from './normalizeEmail.js';
import { normalizeName } from './normalizeName.js';
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
  readonly streets: readonly string[];
  readonly postcodes: readonly string[];
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
 * (ISO 8601), street lines (USPS abbreviations) and postcodes. Pure.
 */
export function toProfile(record: IdentityRecord, options: ProfileOptions): RecordProfile {
  const uniq = (values: ReadonlyArray<string | null>): string[] => [...new Set(values.filter((v): v is string => v !== null))];
  const given: Array<string | null> = [];
  const family: Array<string | null> = [];
  for (const name of record.names) {
    let g = normalizeName(name.given);
    let f = normalizeName(name.family);
    if (g === null && f === null) {
      const words = normalizeName(name.full)?.split(' ') ?? [];
      g = words.length > 1 ? words[0]! : null;
      f = words.at(-1) ?? null;
    }
    // Multi-word given names ("mary ann") also compare by their first word.
    given.push(g, g?.split(' ')[0] ?? null);
    family.push(f);
  }
  const identifiers = new Map<string, string>();
  for (const [type, value] of Object.entries(record.identifiers)) if (value.trim() !== '') identifiers.set(type, value.trim());
  return {
    record,
    refText: formatRef(record.ref),
    emails: uniq(record.emails.map((e) => normalizeEmail(e, { stripPlusTags: options.stripPlusTags }))),
    phones: uniq(record.phones.map((p) => normalizePhone(p, options.defaultRegion))),
    givenNames: uniq(given),
    familyNames: uniq(family),
    birthDate: normalizeDate(record.birthDate),
    streets: uniq(record.addresses.map((a) => normalizeStreet(a.line1))),
    postcodes: uniq(record.addresses.map((a) => normalizePostcode(a.postcode))),
    identifiers,
  };
}
