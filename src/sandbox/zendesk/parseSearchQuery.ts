/** Comparison operators of Zendesk search syntax (`status<solved`, `created>=2024-01-01`). */
export type SearchOperator = ':' | '<' | '>' | '<=' | '>=';

/**
 * One term of a Zendesk search query. `field` is lower case, or null for a plain term (`jane`,
 * `"Jane Doe"`); `value` is the raw text without surrounding quotes.
 */
export interface SearchTerm {
  readonly field: string | null;
  readonly operator: SearchOperator;
  readonly value: string;
  /** The value was written in double quotes (a phrase). */
  readonly quoted: boolean;
  /** Written with a leading `-` (exclude matches). */
  readonly negated: boolean;
}

const FIELD = /^([A-Za-z_]+)(<=|>=|:|<|>)/;

/**
 * Splits a query in the subset of Zendesk search syntax the sandbox understands
 * (https://developer.zendesk.com/documentation/api-basics/working-with-data/searching-with-the-zendesk-api):
 * whitespace-separated terms, each `[-][field(:|<|>|<=|>=)]value`, where a value is a bare word or a
 * `"double-quoted phrase"` (an unclosed quote runs to the end; inside it a backslash escapes the next
 * character, so `\"` is a quote and `\\` a backslash). Terms are ANDed by the matchers.
 * Never throws; an empty query gives `[]`.
 */
export function parseSearchQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let i = 0;
  while (i < query.length) {
    if (/\s/.test(query.charAt(i))) {
      i += 1;
      continue;
    }
    let negated = false;
    if (query.charAt(i) === '-' && i + 1 < query.length && !/\s/.test(query.charAt(i + 1))) {
      negated = true;
      i += 1;
    }
    let field: string | null = null;
    let operator: SearchOperator = ':';
    const head = FIELD.exec(query.slice(i));
    if (head?.[1] !== undefined && head[2] !== undefined) {
      field = head[1].toLowerCase();
      operator = head[2] as SearchOperator;
      i += head[0].length;
    }
    let value: string;
    let quoted = false;
    if (query.charAt(i) === '"') {
      // A phrase runs to the next unescaped quote; `\"` and `\\` inside it stand for `"` and `\`.
      value = '';
      i += 1;
      while (i < query.length && query.charAt(i) !== '"') {
        if (query.charAt(i) === '\\' && i + 1 < query.length) i += 1;
        value += query.charAt(i);
        i += 1;
      }
      quoted = true;
      i += 1;
    } else {
      const rest = query.slice(i);
      const length = rest.search(/\s/);
      value = length === -1 ? rest : rest.slice(0, length);
      i += value.length;
    }
    terms.push({ field, operator, value, quoted, negated });
  }
  return terms;
}
