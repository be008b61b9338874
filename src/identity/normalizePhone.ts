import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Normalised phones by region, then raw text; '' stands for null. Each region's map holds at most {@link PHONE_MEMO_MAX}. */
const PHONE_MEMO_MAX = 10_000;
const NOT_A_PHONE = '';
const memo = new Map<string, Map<string, string>>();

/**
 * Normalises a phone number to E.164 with libphonenumber-js. National formats (`(415) 555-1212`) are read in
 * `defaultRegion`. Returns `null` when the text cannot be a phone number. Uses "possible" rather than
 * "valid" so that reserved fictional ranges (555-01xx) used in test data still normalise.
 */
export function normalizePhone(raw: string | null | undefined, defaultRegion: CountryCode): string | null {
  if (typeof raw !== 'string') return null;
  // Memoised: every request re-normalises the same few phones (profile, contact points, keys), and
  // libphonenumber parsing was ~3 % of a warm 360 query's CPU (bench/ profile). Pure, so caching is safe. Two
  // plain maps rather than an LRU under a `region|raw` key: no key string to build and hash per call, no
  // recency to keep (issue 17); a full map is started afresh (a new map, so the old one's table goes with it).
  let byRaw = memo.get(defaultRegion);
  if (byRaw === undefined) {
    byRaw = new Map();
    memo.set(defaultRegion, byRaw);
  }
  const cached = byRaw.get(raw);
  if (cached !== undefined) return cached === NOT_A_PHONE ? null : cached;
  const result = normalizeUncached(raw, defaultRegion);
  if (byRaw.size >= PHONE_MEMO_MAX) {
    byRaw = new Map();
    memo.set(defaultRegion, byRaw);
  }
  byRaw.set(raw, result ?? NOT_A_PHONE);
  return result;
}

function normalizeUncached(raw: string, defaultRegion: CountryCode): string | null {
  const text = raw.trim();
  if (!/\d/.test(text) || /[a-z@]/i.test(text.replace(/\s*(ext\.?|x)\s*\d+$/i, ''))) return null;
  const parsed = parsePhoneNumberFromString(text, defaultRegion);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}
