import type { LEVEL_CATALOGUE } from './levelCatalogue.js';
import { oneKeyingError } from './similarity.js';

/** A birth-date level (see LEVEL_CATALOGUE.birthDate) or MISSING. */
export type DateLevel = (typeof LEVEL_CATALOGUE.birthDate)[number] | 'MISSING';

/**
 * Birth-date level of two dates as 8 digits `YYYYMMDD`: EXACT; ONE_DIGIT (one keying error: a digit
 * wrong, missing or two adjacent swapped); TRANSPOSED (day and month swapped, as US and European formats
 * do); ANY_YEAR (day and month equal, year not); YEAR_ONLY (year equal, day and month not); DIFFERENT.
 */
export function compareDates(a: string | null, b: string | null): DateLevel {
  if (a === null || b === null) return 'MISSING';
  if (a === b) return 'EXACT';
  if (oneKeyingError(a, b)) return 'ONE_DIGIT';
  const [ya, ma, da] = [a.slice(0, 4), a.slice(4, 6), a.slice(6, 8)];
  const [yb, mb, db] = [b.slice(0, 4), b.slice(4, 6), b.slice(6, 8)];
  if (ya === yb && ma === db && da === mb) return 'TRANSPOSED';
  if (ma === mb && da === db) return 'ANY_YEAR';
  if (ya === yb) return 'YEAR_ONLY';
  return 'DIFFERENT';
}
