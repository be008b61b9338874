import { malformedQuery } from './SalesforceFakeError.js';

/** A SOQL comparison operator as written. */
export type SoqlOperator = '=' | '!=' | '<>' | '<' | '>' | '<=' | '>=';

/**
 * One SOQL lexeme. Keywords are plain identifiers (the parser compares them case-insensitively);
 * `position` is the 0-based offset in the query text, for error messages.
 */
export type SoqlToken =
  | { readonly type: 'identifier'; readonly text: string; readonly position: number }
  /** `value` has escapes decoded; `raw` is the text between the quotes, escapes kept (LIKE needs `\%`). */
  | { readonly type: 'string'; readonly value: string; readonly raw: string; readonly position: number }
  | { readonly type: 'number'; readonly text: string; readonly value: number; readonly position: number }
  | { readonly type: 'date'; readonly text: string; readonly position: number }
  | { readonly type: 'datetime'; readonly text: string; readonly epochMs: number; readonly position: number }
  | { readonly type: 'operator'; readonly text: SoqlOperator; readonly position: number }
  | { readonly type: 'punctuation'; readonly text: '(' | ')' | ',' | '.'; readonly position: number }
  | { readonly type: 'eof'; readonly position: number };

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\', _: '_', '%': '%' };
const DATE = /\d{4}-\d{2}-\d{2}/y;
const DATETIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})/y;
const NUMBER = /-?\d+(?:\.\d+)?/y;

/** Decodes one SOQL backslash escape (`n` for `\n`); undefined when the escape is not allowed. */
export function decodeSoqlEscape(char: string): string | undefined {
  return ESCAPES[char];
}

/**
 * Splits SOQL text into tokens, ending with an `eof` token. Throws a `MALFORMED_QUERY`
 * {@link SalesforceFakeError} for an unterminated string, a bad escape or a character SOQL does not use.
 */
export function tokenizeSoql(text: string): SoqlToken[] {
  const tokens: SoqlToken[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === "'") {
      i = readString(text, i, tokens);
    } else if (isIdentifierStart(char)) {
      const start = i;
      while (i < text.length && isIdentifierPart(text.charAt(i))) i += 1;
      tokens.push({ type: 'identifier', text: text.slice(start, i), position: start });
    } else if (isDigit(char) || (char === '-' && isDigit(text.charAt(i + 1)))) {
      i = readNumberOrDate(text, i, tokens);
    } else if ('(),.'.includes(char)) {
      tokens.push({ type: 'punctuation', text: char as '(' | ')' | ',' | '.', position: i });
      i += 1;
    } else if ('=!<>'.includes(char)) {
      const two = text.slice(i, i + 2);
      const op = (['!=', '<>', '<=', '>='] as const).find((o) => o === two) ?? (char === '!' ? undefined : (char as '=' | '<' | '>'));
      if (op === undefined) throw malformedQuery(`unexpected token: '${char}' at position ${i}`);
      tokens.push({ type: 'operator', text: op, position: i });
      i += op.length;
    } else {
      throw malformedQuery(`unexpected token: '${char}' at position ${i}`);
    }
  }
  tokens.push({ type: 'eof', position: text.length });
  return tokens;
}

function readString(text: string, start: number, tokens: SoqlToken[]): number {
  let i = start + 1;
  let value = '';
  while (i < text.length) {
    const char = text.charAt(i);
    if (char === "'") {
      tokens.push({ type: 'string', value, raw: text.slice(start + 1, i), position: start });
      return i + 1;
    }
    if (char === '\\') {
      const decoded = decodeSoqlEscape(text.charAt(i + 1));
      if (decoded === undefined) throw malformedQuery(`Invalid string literal '${text.slice(start, i + 2)}'. Illegal character sequence '\\${text.charAt(i + 1)}' in string literal.`);
      value += decoded;
      i += 2;
    } else {
      value += char;
      i += 1;
    }
  }
  throw malformedQuery(`unterminated string literal at position ${start}`);
}

function readNumberOrDate(text: string, start: number, tokens: SoqlToken[]): number {
  for (const [pattern, type] of [
    [DATETIME, 'datetime'],
    [DATE, 'date'],
  ] as const) {
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (!match) continue;
    const lexeme = match[0];
    if (type === 'date') {
      if (Number.isNaN(Date.parse(`${lexeme}T00:00:00Z`))) throw malformedQuery(`invalid date: ${lexeme}`);
      tokens.push({ type, text: lexeme, position: start });
    } else {
      const epochMs = Date.parse(lexeme);
      if (Number.isNaN(epochMs)) throw malformedQuery(`invalid date-time: ${lexeme}`);
      tokens.push({ type, text: lexeme, epochMs, position: start });
    }
    return start + lexeme.length;
  }
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(text);
  const lexeme = match?.[0] ?? text.charAt(start);
  if (isIdentifierPart(text.charAt(start + lexeme.length))) throw malformedQuery(`unexpected token: '${text.slice(start, start + lexeme.length + 1)}' at position ${start}`);
  tokens.push({ type: 'number', text: lexeme, value: Number(lexeme), position: start });
  return start + lexeme.length;
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

function isIdentifierStart(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || char === '_';
}

function isIdentifierPart(char: string): boolean {
  return isIdentifierStart(char) || isDigit(char);
}
