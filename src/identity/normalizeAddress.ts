import { normalizeName } from './normalizeName.js';

/** USPS street suffix and directional abbreviations (Publication 28, appendix C), full word → abbreviation. */
const STREET_ABBREVIATIONS: Readonly<Record<string, string>> = {
  street: 'st', avenue: 'ave', av: 'ave', road: 'rd', boulevard: 'blvd', drive: 'dr', lane: 'ln', court: 'ct',
  place: 'pl', square: 'sq', terrace: 'ter', parkway: 'pkwy', highway: 'hwy', circle: 'cir', way: 'way',
  trail: 'trl', crossing: 'xing', point: 'pt', heights: 'hts', mount: 'mt', suite: 'ste', apartment: 'apt',
  building: 'bldg', floor: 'fl', north: 'n', south: 's', east: 'e', west: 'w', northeast: 'ne',
  northwest: 'nw', southeast: 'se', southwest: 'sw',
};

/**
 * Normalises a street line: accents, case and punctuation as {@link normalizeName}, `#` as `apt`, and each
 * street type or direction word abbreviated (`123 North Main Street, Apt. 4` → `123 n main st apt 4`).
 */
export function normalizeStreet(raw: string | null | undefined): string | null {
  const text = normalizeName(typeof raw === 'string' ? raw.replace(/#\s*/g, ' apt ') : raw);
  if (text === null) return null;
  return text
    .split(' ')
    .map((word) => (Object.hasOwn(STREET_ABBREVIATIONS, word) ? STREET_ABBREVIATIONS[word]! : word))
    .join(' ');
}

/**
 * Normalises a postcode: upper case without spaces or dashes; a US ZIP+4 (`94107-1234`) keeps its 5-digit
 * ZIP, so it equals the short form. Returns `null` when nothing is left.
 */
export function normalizePostcode(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim().toUpperCase();
  const zip = /^(\d{5})(?:[-\s]?\d{4})?$/.exec(text);
  if (zip) return zip[1]!;
  const compact = text.replace(/[\s-]+/g, '');
  return compact === '' ? null : compact;
}
