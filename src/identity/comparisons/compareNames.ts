import { doubleMetaphone } from 'double-metaphone';
import { LEVEL_CATALOGUE } from './levelCatalogue.js';
import { bestLevel, similarity } from './similarity.js';

/** A given-name level (see LEVEL_CATALOGUE.givenName) or MISSING. */
export type GivenLevel = (typeof LEVEL_CATALOGUE.givenName)[number] | 'MISSING';
/** A family-name level (see LEVEL_CATALOGUE.familyName) or MISSING. */
export type FamilyLevel = (typeof LEVEL_CATALOGUE.familyName)[number] | 'MISSING';

/** Jaro–Winkler similarity from which two names are CLOSE (a typo), and from which FUZZY. */
export const NAME_CLOSE_AT = 0.92;
export const NAME_FUZZY_AT = 0.8;

/**
 * Given-name level of two lists of normalised given names, the best pair: EXACT, NICKNAME (a listed short
 * form), CLOSE (Jaro–Winkler ≥ 0.92), INITIAL (one side is the other's initial), FUZZY (≥ 0.8), DIFFERENT.
 */
export function compareGivenNames(a: readonly string[], b: readonly string[], nickname: (x: string, y: string) => boolean): GivenLevel {
  if (a.length === 0 || b.length === 0) return 'MISSING';
  const levels: GivenLevel[] = [];
  for (const x of a) {
    for (const y of b) {
      if (x === y) return 'EXACT';
      if (nickname(x, y)) levels.push('NICKNAME');
      else if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) levels.push('INITIAL');
      else {
        const s = similarity(x, y);
        levels.push(s >= NAME_CLOSE_AT ? 'CLOSE' : s >= NAME_FUZZY_AT ? 'FUZZY' : 'DIFFERENT');
      }
    }
  }
  return bestLevel(LEVEL_CATALOGUE.givenName, levels as Array<(typeof LEVEL_CATALOGUE.givenName)[number]>) ?? 'DIFFERENT';
}

/**
 * Family-name level of two lists of normalised family names, the best pair: EXACT (also equal without
 * spaces: `mc carthy` / `mccarthy`), CLOSE (Jaro–Winkler ≥ 0.92, or one word of a double name in common),
 * PHONETIC (Double Metaphone codes agree: `thompson` / `tomson`), FUZZY (≥ 0.8), DIFFERENT.
 */
export function compareFamilyNames(a: readonly string[], b: readonly string[]): FamilyLevel {
  if (a.length === 0 || b.length === 0) return 'MISSING';
  const levels: FamilyLevel[] = [];
  for (const x of a) {
    for (const y of b) {
      const cx = x.replace(/ /g, '');
      const cy = y.replace(/ /g, '');
      if (cx === cy) return 'EXACT';
      const s = similarity(cx, cy);
      if (s >= NAME_CLOSE_AT || (x.includes(' ') || y.includes(' ') ? x.split(' ').some((w) => w.length > 1 && y.split(' ').includes(w)) : false)) levels.push('CLOSE');
      else if (samePhonetic(cx, cy)) levels.push('PHONETIC');
      else levels.push(s >= NAME_FUZZY_AT ? 'FUZZY' : 'DIFFERENT');
    }
  }
  return bestLevel(LEVEL_CATALOGUE.familyName, levels as Array<(typeof LEVEL_CATALOGUE.familyName)[number]>) ?? 'DIFFERENT';
}

function samePhonetic(a: string, b: string): boolean {
  const [pa, sa] = doubleMetaphone(a);
  const [pb, sb] = doubleMetaphone(b);
  return pa !== '' && (pa === pb || pa === sb || sa === pb);
}
