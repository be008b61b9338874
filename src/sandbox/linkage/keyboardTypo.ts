import type { Random } from './createRandom.js';

const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
// Row stagger of a QWERTY keyboard: each row starts this many half-keys to the right of the one above.
const OFFSET = [0, 1, 2, 3];

/** QWERTY keys physically next to each key (same row ±1, rows above and below), lower-case letters and digits. */
export const KEYBOARD_NEIGHBOURS: Readonly<Record<string, string>> = (() => {
  const position = new Map<string, [number, number]>();
  ROWS.forEach((row, r) => [...row].forEach((ch, c) => position.set(ch, [r, c * 2 + OFFSET[r]!])));
  const table: Record<string, string> = {};
  for (const [ch, [r, x]] of position) {
    let near = '';
    for (const [other, [r2, x2]] of position) {
      if (other !== ch && Math.abs(r2 - r) <= 1 && Math.abs(x2 - x) <= (r2 === r ? 2 : 1)) near += other;
    }
    table[ch] = near;
  }
  return table;
})();

const matchCase = (original: string, replacement: string): string =>
  original !== original.toLowerCase() ? replacement.toUpperCase() : replacement;

const typable = (s: string): number[] => [...s].flatMap((ch, i) => (KEYBOARD_NEIGHBOURS[ch.toLowerCase()] ? [i] : []));

/** Replaces one letter or digit with a key next to it on a QWERTY keyboard ("smith" → "smuth"). */
export function substituteNeighbour(s: string, random: Random): string {
  const positions = typable(s);
  if (positions.length === 0) return s;
  const i = random.pick(positions);
  const ch = s[i]!;
  return s.slice(0, i) + matchCase(ch, random.pick([...KEYBOARD_NEIGHBOURS[ch.toLowerCase()]!])) + s.slice(i + 1);
}

/** Inserts a stray key next to a neighbouring key, or doubles a letter ("smith" → "smitth"). */
export function insertCharacter(s: string, random: Random): string {
  const positions = typable(s);
  if (positions.length === 0) return s;
  const i = random.pick(positions);
  const ch = s[i]!;
  const extra = random.chance(0.5) ? ch : matchCase(ch, random.pick([...KEYBOARD_NEIGHBOURS[ch.toLowerCase()]!]));
  return s.slice(0, i + 1) + extra + s.slice(i + 1);
}

/** Drops one character of a string longer than 2 ("smith" → "smth"). */
export function deleteCharacter(s: string, random: Random): string {
  if (s.length <= 2) return s;
  const i = random.int(0, s.length - 1);
  return s.slice(0, i) + s.slice(i + 1);
}

/** Swaps two adjacent, different characters ("smith" → "smtih"). */
export function transposeCharacters(s: string, random: Random): string {
  const positions = [...s].flatMap((ch, i) => (i + 1 < s.length && s[i + 1] !== ch && s[i + 1] !== ' ' && ch !== ' ' ? [i] : []));
  if (positions.length === 0) return s;
  const i = random.pick(positions);
  return s.slice(0, i) + s[i + 1]! + s[i]! + s.slice(i + 2);
}

/**
 * One keying error, chosen the way they occur in typed data (Christen, "Data Matching", ch. 3 / GeCo):
 * substitution by a neighbouring key 40 %, deletion 25 %, insertion 20 %, transposition 15 %.
 * Returns the string unchanged only when no error of any kind applies (empty or one-character strings).
 */
export function keyboardTypo(s: string, random: Random): string {
  const kind = random.weighted<(s: string, r: Random) => string>([
    [substituteNeighbour, 40],
    [deleteCharacter, 25],
    [insertCharacter, 20],
    [transposeCharacters, 15],
  ]);
  const out = kind(s, random);
  return out !== s ? out : substituteNeighbour(s, random);
}
