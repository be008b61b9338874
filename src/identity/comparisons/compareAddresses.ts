import type { LEVEL_CATALOGUE } from './levelCatalogue.js';
import type { StreetParts } from './parseStreet.js';
import { oneKeyingError, similarity } from './similarity.js';

type Levels<C extends keyof typeof LEVEL_CATALOGUE> = (typeof LEVEL_CATALOGUE)[C][number] | 'MISSING';
/** Street-line level (see LEVEL_CATALOGUE.address) or MISSING. */
export type StreetLevel = Levels<'address'>;
/** Postcode, city and region levels; `IMPLIED`: equal, and already counted through a finer part. */
export type PostcodeLevel = Levels<'postcode'> | 'IMPLIED';
export type CityLevel = Levels<'city'> | 'IMPLIED';
export type RegionLevel = Levels<'region'> | 'IMPLIED';

/** Jaro–Winkler similarity from which two street names (without number and type) are one street. */
const STREET_NAME_CLOSE_AT = 0.88;

/**
 * Street-line level by tokens, the best pair of lines: EXACT (equal ignoring spaces); CLOSE (same house
 * number and a similar street name, `7 wallaby place` / `7 walaby pl` / `7 wallabyplace`, or the same name
 * with a one-digit slip in the number); SAME_STREET (same street, another number); DIFFERENT.
 */
export function compareStreets(a: readonly StreetParts[], b: readonly StreetParts[]): StreetLevel {
  if (a.length === 0 || b.length === 0) return 'MISSING';
  let best: StreetLevel = 'DIFFERENT';
  for (const x of a) {
    for (const y of b) {
      if (x.compact === y.compact) return 'EXACT';
      const sameName = x.name !== '' && y.name !== '' && (x.name === y.name || similarity(x.name, y.name) >= STREET_NAME_CLOSE_AT);
      if (!sameName) continue;
      const sameNumber = x.number === y.number;
      if ((sameNumber && x.name !== '') || (x.name === y.name && x.number !== null && y.number !== null && oneKeyingError(x.number, y.number))) best = 'CLOSE';
      else if (best === 'DIFFERENT') best = 'SAME_STREET';
    }
  }
  return best;
}

/** Postcode level: EXACT, CLOSE (one keying error), DIFFERENT; IMPLIED when equal and the street line is EXACT (a typo'd street line leaves the postcode as evidence). */
export function comparePostcodes(a: readonly string[], b: readonly string[], street: StreetLevel): PostcodeLevel {
  if (a.length === 0 || b.length === 0) return 'MISSING';
  if (a.some((x) => b.includes(x))) return street === 'EXACT' ? 'IMPLIED' : 'EXACT';
  return a.some((x) => b.some((y) => x.length >= 4 && oneKeyingError(x, y))) ? 'CLOSE' : 'DIFFERENT';
}

/** City level: EXACT, CLOSE (Jaro–Winkler ≥ 0.9), DIFFERENT; IMPLIED when it agrees and the postcode was EXACT. */
export function compareCities(a: readonly string[], b: readonly string[], postcode: PostcodeLevel): CityLevel {
  if (a.length === 0 || b.length === 0) return 'MISSING';
  const level = a.some((x) => b.includes(x)) ? 'EXACT' : a.some((x) => b.some((y) => similarity(x, y) >= 0.9)) ? 'CLOSE' : 'DIFFERENT';
  return level !== 'DIFFERENT' && (postcode === 'EXACT' || postcode === 'IMPLIED') ? 'IMPLIED' : level;
}

/** Region level: EXACT, DIFFERENT; IMPLIED when equal and the postcode or city already agreed. */
export function compareRegions(a: readonly string[], b: readonly string[], postcode: PostcodeLevel, city: CityLevel): RegionLevel {
  if (a.length === 0 || b.length === 0) return 'MISSING';
  if (!a.some((x) => b.includes(x))) return 'DIFFERENT';
  return postcode === 'EXACT' || postcode === 'IMPLIED' || city === 'EXACT' || city === 'CLOSE' || city === 'IMPLIED' ? 'IMPLIED' : 'EXACT';
}
