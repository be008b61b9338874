import type { Random } from './createRandom.js';

/**
 * Sound-alike spellings that people write when a name is said aloud (call centres, shop counters), both
 * directions, after the phonetic rules of the FEBRL/GeCo corruptors: `[pattern, replacement]`, where `^`
 * anchors a pattern at the start and `$` at the end of the word.
 */
export const PHONETIC_RULES: ReadonlyArray<readonly [string, string]> = [
  ['ph', 'f'], ['f', 'ph'],
  ['ck', 'k'], ['k', 'ck'], ['c', 'k'], ['k', 'c'],
  ['ie$', 'y'], ['y$', 'ie'], ['ey$', 'y'], ['y$', 'ey'], ['ee', 'ea'], ['ea', 'ee'],
  ['son$', 'sen'], ['sen$', 'son'], ['man$', 'mann'], ['mann$', 'man'],
  ['ou', 'ow'], ['ow', 'ou'], ['ai', 'ay'], ['ay', 'ai'],
  ['th', 't'], ['^wh', 'w'], ['^w', 'wh'], ['^kn', 'n'], ['^wr', 'r'],
  ['z', 's'], ['s', 'z'], ['x', 'ks'], ['ks', 'x'], ['qu', 'kw'],
  ['gh', 'g'], ['mb$', 'm'], ['tch', 'ch'], ['ch', 'tch'],
  ['ll', 'l'], ['l', 'll'], ['tt', 't'], ['nn', 'n'], ['rr', 'r'], ['ss', 's'],
  ['i', 'y'], ['y', 'i'], ['ei', 'ie'], ['ie', 'ei'], ['ae', 'e'], ['oe', 'o'],
  ['dt$', 't'], ['d$', 't'], ['t$', 'd'], ['e$', ''], ['an$', 'en'], ['en$', 'an'],
];

function locate(lower: string, pattern: string): number[] {
  const atStart = pattern.startsWith('^');
  const atEnd = pattern.endsWith('$');
  const bare = pattern.replace(/^\^|\$$/g, '');
  const hits: number[] = [];
  for (let i = lower.indexOf(bare); i >= 0; i = lower.indexOf(bare, i + 1)) {
    if ((!atStart || i === 0) && (!atEnd || i + bare.length === lower.length)) hits.push(i);
  }
  return hits;
}

/**
 * Applies one phonetic rule that fits the word ("Stephenson" → "Stefenson", "Carlsen" → "Carlson"), keeping an
 * initial capital. Returns the word unchanged when no rule applies, or when the result would be under 2 letters.
 */
export function phoneticError(word: string, random: Random): string {
  const lower = word.toLowerCase();
  const options: Array<[number, string, string]> = [];
  for (const [pattern, replacement] of PHONETIC_RULES) {
    const bare = pattern.replace(/^\^|\$$/g, '');
    for (const at of locate(lower, pattern)) options.push([at, bare, replacement]);
  }
  if (options.length === 0) return word;
  const [at, bare, replacement] = random.pick(options);
  const out = lower.slice(0, at) + replacement + lower.slice(at + bare.length);
  if (out.length < 2) return word;
  return word[0] !== word[0]!.toLowerCase() ? out[0]!.toUpperCase() + out.slice(1) : out;
}
