import type { Random } from './createRandom.js';

/**
 * Characters a scanner (OCR of paper forms) confuses, both directions, after the GeCo OCR error table.
 * Case-sensitive: `rn` is read as `m`, `cl` as `d`, `0` as `O`.
 */
export const OCR_CONFUSIONS: ReadonlyArray<readonly [string, string]> = [
  ['0', 'o'], ['o', '0'], ['0', 'O'], ['O', '0'],
  ['1', 'l'], ['l', '1'], ['1', 'i'], ['i', '1'], ['l', 'i'], ['I', 'l'], ['l', 'I'],
  ['5', 's'], ['s', '5'], ['5', 'S'], ['S', '5'], ['8', 'B'], ['B', '8'], ['2', 'z'], ['z', '2'],
  ['6', 'b'], ['b', '6'], ['9', 'g'], ['g', '9'], ['q', 'g'], ['g', 'q'],
  ['rn', 'm'], ['m', 'rn'], ['cl', 'd'], ['d', 'cl'], ['vv', 'w'], ['w', 'vv'], ['nn', 'm'],
  ['h', 'b'], ['e', 'c'], ['c', 'e'], ['u', 'v'], ['v', 'u'], ['n', 'h'],
];

/**
 * Applies one OCR confusion that fits ("Hernandez" → "Hemandez", "Street 15" → "Street l5").
 * Returns the string unchanged when none applies.
 */
export function ocrError(s: string, random: Random): string {
  const options: Array<[number, string, string]> = [];
  for (const [from, to] of OCR_CONFUSIONS) {
    for (let i = s.indexOf(from); i >= 0; i = s.indexOf(from, i + 1)) options.push([i, from, to]);
  }
  if (options.length === 0) return s;
  const [at, from, to] = random.pick(options);
  return s.slice(0, at) + to + s.slice(at + from.length);
}
