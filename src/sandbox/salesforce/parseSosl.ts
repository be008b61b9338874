import { SalesforceFakeError } from './SalesforceFakeError.js';
import { SoqlParser } from './SoqlParser.js';
import type { SoqlFieldPath } from './SoqlQuery.js';
import { tokenizeSoql } from './tokenizeSoql.js';

/** Which fields a SOSL search looks in (`IN ... FIELDS`). */
export type SoslScope = 'ALL' | 'NAME' | 'EMAIL' | 'PHONE';

/** One `RETURNING` object with its field list (`['Id']` when none is given). */
export interface SoslReturning {
  readonly object: string;
  readonly fields: readonly SoqlFieldPath[];
}

/** A parsed SOSL search (the subset the fake understands). */
export interface SoslSearch {
  /** Terms joined by `OR` inside the braces, unescaped, surrounding double quotes removed. */
  readonly terms: readonly string[];
  readonly scope: SoslScope;
  readonly returning: readonly SoslReturning[];
  readonly limit: number | null;
}

const SCOPES: readonly SoslScope[] = ['ALL', 'NAME', 'EMAIL', 'PHONE'];

/**
 * Parses `FIND {term [OR term ...]} [IN ALL|NAME|EMAIL|PHONE FIELDS] RETURNING Object[(f, ...)], ... [LIMIT n]`.
 * Inside the braces a backslash escapes the next character. Throws a `MALFORMED_SEARCH`
 * {@link SalesforceFakeError} for text outside that grammar or a term shorter than two characters.
 */
export function parseSosl(text: string): SoslSearch {
  const match = /^\s*FIND\s*\{/i.exec(text);
  if (!match) throw malformedSearch("unexpected token: expecting 'FIND {'");
  const { body, end } = readBraced(text, match[0].length);
  const terms = body
    .split(/\s+OR\s+/i)
    .map((term) => term.trim().replace(/^"(.*)"$/s, '$1').trim());
  for (const term of terms) {
    if (term.length < 2) throw malformedSearch('search term must be longer than one character');
  }
  let tokens;
  try {
    tokens = tokenizeSoql(text.slice(end));
  } catch (error) {
    throw error instanceof SalesforceFakeError ? malformedSearch(error.message) : error;
  }
  const p = new SoqlParser(tokens, malformedSearch);
  let scope: SoslScope = 'ALL';
  if (p.acceptKeyword('IN')) {
    const word = p.expectIdentifier().toUpperCase();
    const found = SCOPES.find((s) => s === word);
    if (!found) throw malformedSearch(`unexpected token: '${word}', expecting ALL, NAME, EMAIL or PHONE`);
    scope = found;
    p.expectKeyword('FIELDS');
  }
  p.expectKeyword('RETURNING');
  const returning: SoslReturning[] = [];
  do {
    const object = p.expectIdentifier();
    let fields: SoqlFieldPath[] = [['Id']];
    if (p.acceptPunctuation('(')) {
      fields = p.fieldList();
      p.expectPunctuation(')');
    }
    returning.push({ object, fields });
  } while (p.acceptPunctuation(','));
  const limit = p.acceptKeyword('LIMIT') ? p.integer('LIMIT') : null;
  p.expectEnd();
  return { terms, scope, returning, limit };
}

function readBraced(text: string, start: number): { body: string; end: number } {
  let body = '';
  for (let i = start; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === '\\' && i + 1 < text.length) {
      i += 1;
      body += text.charAt(i);
    } else if (char === '}') {
      return { body, end: i + 1 };
    } else {
      body += char;
    }
  }
  throw malformedSearch("missing '}' after the search term");
}

function malformedSearch(message: string): SalesforceFakeError {
  return new SalesforceFakeError(400, 'MALFORMED_SEARCH', message);
}
