import { doubleMetaphone } from 'double-metaphone';

/** Letters of a family-name prefix key (`namePrefix`). */
export const FAMILY_PREFIX_LENGTH = 3;
/** Letters of a given-name prefix key (`namePrefix`): its initial. */
export const GIVEN_PREFIX_LENGTH = 1;
/** Letters of the family and given prefixes of the finer `namePrefix` pass, asked when the first was generic. */
export const FINER_FAMILY_PREFIX_LENGTH = 4;
export const FINER_GIVEN_PREFIX_LENGTH = 3;

/**
 * The phonetic code of a normalised name (see normalizeName) for `namePhonetic` keys: the Double Metaphone
 * primary code of the name with spaces removed (`mc carthy` and `mccarthy` both give `MKR0`). `null` for an
 * empty name or one with no coded letters.
 */
export function phoneticCode(name: string | null): string | null {
  if (name === null) return null;
  const compact = name.replace(/[^a-z]/g, '');
  if (compact === '') return null;
  const [primary] = doubleMetaphone(compact);
  return primary === '' ? null : primary;
}

/** The first `length` letters of a normalised name with spaces removed, or `null` when it is shorter. */
export function namePrefix(name: string | null, length: number): string | null {
  if (name === null) return null;
  const compact = name.replace(/\s+/g, '');
  return compact.length < length ? null : compact.slice(0, length);
}

/**
 * The street part of a `postcodeStreet` key from a normalised street line (see normalizeStreet): the house
 * number and the first three letters of the next word (`7 wallaby pl` → `7 wal`), or the first four letters
 * of a line without a number. `null` when too short to be selective.
 */
export function streetPrefix(street: string | null): string | null {
  if (street === null) return null;
  const words = street.split(' ');
  if (/^\d+[a-z]?$/.test(words[0]!) && words[1] !== undefined && words[1].length >= 2) return `${words[0]} ${words[1].slice(0, 3)}`;
  const compact = street.replace(/\s+/g, '');
  return compact.length < 4 ? null : compact.slice(0, 4);
}
