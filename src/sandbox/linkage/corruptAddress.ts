import type { Random } from './createRandom.js';
import { keyboardTypo } from './keyboardTypo.js';

/** Street type → the abbreviations people and systems write for it (USPS Publication 28 style). */
export const STREET_TYPES: Readonly<Record<string, readonly string[]>> = {
  Street: ['St', 'St.', 'Str'], Avenue: ['Ave', 'Av', 'Ave.'], Road: ['Rd', 'Rd.'], Drive: ['Dr', 'Dr.'],
  Lane: ['Ln'], Court: ['Ct'], Boulevard: ['Blvd', 'Blvd.'], Place: ['Pl'], Terrace: ['Ter', 'Terr'],
  Circle: ['Cir'], Parkway: ['Pkwy'], Way: ['Wy'], Highway: ['Hwy'], Square: ['Sq'],
};

/** Street address parts, kept apart so that each can be corrupted on its own. */
export interface StreetAddress {
  readonly houseNumber: string;
  readonly streetName: string;
  /** A key of {@link STREET_TYPES} or one of its abbreviations. */
  readonly streetType: string;
}

/** `123 Oak Street`. */
export const formatStreet = (a: StreetAddress): string => `${a.houseNumber} ${a.streetName} ${a.streetType}`;

/** How a street address was recorded differently. */
export type AddressErrorKind = 'streetTypeAbbreviated' | 'streetNameTypo' | 'houseNumberTypo';

const fullTypeOf = (type: string): string | undefined =>
  type in STREET_TYPES ? type : Object.keys(STREET_TYPES).find((full) => STREET_TYPES[full]!.includes(type));

/**
 * One address variation of the given kind; the result always differs:
 * - `streetTypeAbbreviated`: `Street` ↔ `St`/`St.` (a full type gets abbreviated, an abbreviation spelt out or
 *   written another way);
 * - `streetNameTypo`: a keying error in the street name;
 * - `houseNumberTypo`: one digit of the house number wrong, or a digit dropped or doubled (`123` → `132`, `12`, `1233`).
 */
export function addressError(address: StreetAddress, kind: AddressErrorKind, random: Random): StreetAddress {
  switch (kind) {
    case 'streetTypeAbbreviated': {
      const full = fullTypeOf(address.streetType);
      if (!full) return { ...address, streetName: keyboardTypo(address.streetName, random) };
      const options = [full, ...STREET_TYPES[full]!].filter((t) => t !== address.streetType);
      return { ...address, streetType: address.streetType === full ? random.pick(STREET_TYPES[full]!) : random.pick(options) };
    }
    case 'streetNameTypo':
      return { ...address, streetName: keyboardTypo(address.streetName, random) };
    case 'houseNumberTypo': {
      const n = address.houseNumber;
      const i = random.int(0, n.length - 1);
      const variant = random.weighted<'replace' | 'drop' | 'double'>([['replace', 60], ['drop', n.length > 1 ? 20 : 0], ['double', 20]]);
      if (variant === 'drop') return { ...address, houseNumber: n.slice(0, i) + n.slice(i + 1) };
      if (variant === 'double') return { ...address, houseNumber: n.slice(0, i + 1) + n[i]! + n.slice(i + 1) };
      const digits = [...'0123456789'].filter((d) => d !== n[i] && !(i === 0 && d === '0'));
      return { ...address, houseNumber: n.slice(0, i) + random.pick(digits) + n.slice(i + 1) };
    }
  }
}
