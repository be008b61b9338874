import type { CountryCode } from 'libphonenumber-js';
import type { BlockingKey } from '../adapters/types.js';
import { classifyLookup, MAX_LOOKUP_LENGTH, normalizeDate, normalizePostcode } from '../identity/index.js';

/** One way to read what an agent typed (issue 14). */
export type LookupReading =
  | { readonly kind: 'email' | 'phone'; readonly key: Extract<BlockingKey, { kind: 'email' | 'phone' }> }
  | { readonly kind: 'orderNumber' | 'ticketNumber'; readonly key: Extract<BlockingKey, { kind: 'orderNumber' | 'ticketNumber' }> }
  | { readonly kind: 'identifier'; readonly key: Extract<BlockingKey, { kind: 'identifier' }> }
  | {
      readonly kind: 'name';
      readonly key: Extract<BlockingKey, { kind: 'name' }>;
      /** ISO date that narrows the name, when typed after it. */
      readonly birthDate: string | null;
      /** Normalised postcode that narrows the name, when typed after it. */
      readonly postcode: string | null;
    };

/** The readings of a lookup string, or why it has none. */
export type LookupPlan = { readonly kind: 'readings'; readonly readings: readonly LookupReading[] } | { readonly kind: 'invalid'; readonly reason: string };

const NAME_WORD = /^[\p{L}][\p{L}\p{M}'’.-]*$/u;

/**
 * Reads console input as every kind it could be (issue 14), pure:
 * - with `@`: an email;
 * - `#` + digits: an order number or a ticket/case number;
 * - bare digits: order number, ticket/case number, each declared identifier type, and a phone when the
 *   digits are a possible phone number in `defaultRegion`;
 * - digits with phone punctuation (`+1 (415) 555-0100`): a phone;
 * - one token of letters and digits (`LOY-000123`): each declared identifier type, and an order number;
 * - words: a name (`Jane Doe`, `Doe, Jane`, or a family name alone), optionally followed by a birth date
 *   (`1985-04-12`, `4/12/1985`) or a postcode (`94110`) that narrows it.
 * Returns `invalid` (with the reason) for empty, over-long or unreadable input.
 */
export function planLookup(query: string, defaultRegion: CountryCode, identifierTypes: readonly string[]): LookupPlan {
  const text = query.trim().replace(/\s+/g, ' ');
  if (text === '') return { kind: 'invalid', reason: 'the lookup string is empty' };
  if (text.length > MAX_LOOKUP_LENGTH) return { kind: 'invalid', reason: `the lookup string is longer than ${MAX_LOOKUP_LENGTH} characters` };
  const classic = classifyLookup(text, defaultRegion);
  if (text.includes('@')) return classic.kind === 'key' ? readings([{ kind: classic.key.kind, key: classic.key }]) : classic;
  const hashNumber = /^#\s?(\d{1,20})$/.exec(text);
  if (hashNumber) return readings(numberReadings(`#${hashNumber[1]}`));
  if (/^\d{1,20}$/.test(text)) {
    const phone = text.length >= 7 && classic.kind === 'key' ? [{ kind: classic.key.kind, key: classic.key } as LookupReading] : [];
    return readings([...numberReadings(text), ...identifierReadings(text, identifierTypes), ...phone]);
  }
  if (classic.kind === 'key') return readings([{ kind: classic.key.kind, key: classic.key }]);
  if (/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(text) && /\d/.test(text)) {
    return readings([...identifierReadings(text, identifierTypes), { kind: 'orderNumber', key: { kind: 'orderNumber', value: text } }]);
  }
  const name = readName(text);
  return name ? readings([name]) : { kind: 'invalid', reason: 'expected an email, a phone, an order/ticket/case number, an identifier or a name (optionally with a birth date or postcode)' };
}

function readings(list: readonly LookupReading[]): LookupPlan {
  return { kind: 'readings', readings: list };
}

function numberReadings(value: string): LookupReading[] {
  return [
    { kind: 'orderNumber', key: { kind: 'orderNumber', value } },
    { kind: 'ticketNumber', key: { kind: 'ticketNumber', value: value.replace(/^#/, '') } },
  ];
}

function identifierReadings(value: string, types: readonly string[]): LookupReading[] {
  return types.map((type) => ({ kind: 'identifier', key: { kind: 'identifier', type, value } }));
}

/** `Jane Doe [date|postcode]`, `Doe, Jane [...]` or `Doe`; null when the words are not a name. */
function readName(text: string): LookupReading | null {
  let words = text.replace(/,/g, ' , ').split(' ').filter((w) => w !== '');
  let birthDate: string | null = null;
  let postcode: string | null = null;
  // A narrowing value is the last token (ISO or US date, or a postcode with a digit).
  const last = words.at(-1) ?? '';
  if (words.length > 1 && /\d/.test(last)) {
    birthDate = normalizeDate(last);
    if (!birthDate) postcode = normalizePostcode(last);
    words = words.slice(0, -1);
  }
  const comma = words.indexOf(',');
  let family: string | undefined;
  let given: string | null;
  if (comma >= 0) {
    family = words.slice(0, comma).join(' ');
    given = words.slice(comma + 1).join(' ') || null;
  } else {
    family = words.at(-1);
    given = words.length > 1 ? words.slice(0, -1).join(' ') : null;
  }
  const parts = [family ?? '', given ?? ''].join(' ').split(' ').filter((w) => w !== '');
  if (!family || parts.length === 0 || !parts.every((w) => NAME_WORD.test(w))) return null;
  return { kind: 'name', key: { kind: 'name', family, given }, birthDate, postcode };
}
