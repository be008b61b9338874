import { decodeSoqlEscape } from './tokenizeSoql.js';

/**
 * Turns a SOQL LIKE literal (raw text between the quotes, escapes kept) into an anchored, case-insensitive
 * RegExp: `%` matches any run of characters, `_` exactly one; `\%` and `\_` match themselves.
 */
export function compileLikePattern(raw: string): RegExp {
  let source = '';
  for (let i = 0; i < raw.length; i += 1) {
    const char = raw.charAt(i);
    if (char === '\\') {
      i += 1;
      source += escapeRegExp(decodeSoqlEscape(raw.charAt(i)) ?? raw.charAt(i));
    } else if (char === '%') {
      source += '.*';
    } else if (char === '_') {
      source += '.';
    } else {
      source += escapeRegExp(char);
    }
  }
  return new RegExp(`^${source}$`, 'is');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
