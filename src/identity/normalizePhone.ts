import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Normalises a phone number to E.164 with libphonenumber-js. National formats (`(415) 555-1212`) are read in
 * `defaultRegion`. Returns `null` when the text cannot be a phone number. Uses "possible" rather than
 * "valid" so that reserved fictional ranges (555-01xx) used in test data still normalise.
 */
export function normalizePhone(raw: string | null | undefined, defaultRegion: CountryCode): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (!/\d/.test(text) || /[a-z@]/i.test(text.replace(/\s*(ext\.?|x)\s*\d+$/i, ''))) return null;
  const parsed = parsePhoneNumberFromString(text, defaultRegion);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}
