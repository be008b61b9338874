/** A normalised street line split for comparison. */
export interface StreetParts {
  /** The whole normalised line (see normalizeStreet). */
  readonly line: string;
  /** The line without spaces: `7 wallabyplace` and `7 wallaby place` agree here. */
  readonly compact: string;
  /** The house number (`7`, `12a`, `7-9`), or null. */
  readonly number: string | null;
  /** The street name without number, type and unit words, without spaces (`wallaby`). */
  readonly name: string;
}

/** Street type words (full and USPS/Australia Post abbreviations), dropped from the street name. */
const STREET_TYPES = new Set([
  'st', 'street', 'ave', 'avenue', 'rd', 'road', 'blvd', 'dr', 'drive', 'ln', 'lane', 'ct', 'court', 'pl', 'place', 'sq', 'ter', 'terrace',
  'pkwy', 'hwy', 'cir', 'circuit', 'cct', 'cres', 'crescent', 'cl', 'close', 'way', 'trl', 'xing', 'pde', 'parade', 'gr', 'grove', 'esp',
  'hts', 'crt', 'gdns', 'gardens', 'pt', 'apt', 'ste', 'unit', 'fl', 'bldg',
]);
/** Type words also recognised glued to the end of the name (`pridhamstreet`). */
const GLUED_TYPES = ['street', 'avenue', 'road', 'drive', 'lane', 'court', 'place', 'crescent', 'circuit', 'terrace', 'parade', 'close', 'grove'];

/** Splits a normalised street line into number, street name and the rest. Pure. */
export function parseStreet(line: string): StreetParts {
  const words = line.split(' ').filter((w) => w !== '');
  let number: string | null = null;
  if (words.length > 1 && /^\d+[a-z]?(?:\d+)?$/.test(words[0]!)) number = words.shift()!;
  let name = words.filter((w) => !STREET_TYPES.has(w) && !/^\d+$/.test(w)).join('');
  for (const type of GLUED_TYPES) {
    if (name.length > type.length + 2 && name.endsWith(type)) {
      name = name.slice(0, -type.length);
      break;
    }
  }
  return { line, compact: line.replace(/ /g, ''), number, name };
}
