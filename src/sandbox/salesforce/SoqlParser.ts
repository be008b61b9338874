import { malformedQuery } from './SalesforceFakeError.js';
import type { SoqlFieldPath, SoqlValue } from './SoqlQuery.js';
import type { SoqlToken } from './tokenizeSoql.js';

/**
 * Internal: a cursor over SOQL tokens with the helpers the recursive-descent parsers (SOQL and the SOSL
 * RETURNING clause) share. Every failure is a `MALFORMED_QUERY` {@link SalesforceFakeError}, or `errorCode`.
 */
export class SoqlParser {
  private index = 0;

  constructor(
    private readonly tokens: readonly SoqlToken[],
    private readonly makeError: (message: string) => Error = malformedQuery,
  ) {}

  peek(offset = 0): SoqlToken {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as SoqlToken;
  }

  next(): SoqlToken {
    const token = this.peek();
    if (token.type !== 'eof') this.index += 1;
    return token;
  }

  /** True when the next token is the keyword `word` (case-insensitive). */
  atKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === 'identifier' && token.text.toUpperCase() === word;
  }

  /** Consumes the keyword `word` when present. */
  acceptKeyword(word: string): boolean {
    if (!this.atKeyword(word)) return false;
    this.index += 1;
    return true;
  }

  expectKeyword(word: string): void {
    if (!this.acceptKeyword(word)) throw this.unexpected(`expecting '${word}'`);
  }

  atPunctuation(text: string): boolean {
    const token = this.peek();
    return token.type === 'punctuation' && token.text === text;
  }

  acceptPunctuation(text: string): boolean {
    if (!this.atPunctuation(text)) return false;
    this.index += 1;
    return true;
  }

  expectPunctuation(text: string): void {
    if (!this.acceptPunctuation(text)) throw this.unexpected(`expecting '${text}'`);
  }

  expectIdentifier(): string {
    const token = this.peek();
    if (token.type !== 'identifier') throw this.unexpected('expecting an identifier');
    this.index += 1;
    return token.text;
  }

  /** `Name` or `Account.Name`. */
  fieldPath(): SoqlFieldPath {
    const path = [this.expectIdentifier()];
    while (this.acceptPunctuation('.')) path.push(this.expectIdentifier());
    return path;
  }

  /** A comma-separated list of field paths. */
  fieldList(): SoqlFieldPath[] {
    const fields = [this.fieldPath()];
    while (this.acceptPunctuation(',')) fields.push(this.fieldPath());
    return fields;
  }

  /** A literal: string, number, true/false/null, date or date-time. */
  value(): SoqlValue {
    const token = this.next();
    switch (token.type) {
      case 'string':
        return { kind: 'string', value: token.value, raw: token.raw };
      case 'number':
        return { kind: 'number', value: token.value };
      case 'date':
        return { kind: 'date', value: token.text };
      case 'datetime':
        return { kind: 'datetime', value: token.text, epochMs: token.epochMs };
      case 'identifier': {
        const word = token.text.toLowerCase();
        if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true' };
        if (word === 'null') return { kind: 'null' };
        throw this.error(`unexpected token: '${token.text}'`);
      }
      default:
        throw this.error(token.type === 'eof' ? 'unexpected end of query' : `unexpected token: '${token.text}'`);
    }
  }

  /** A non-negative integer (LIMIT, OFFSET). */
  integer(clause: string): number {
    const token = this.next();
    if (token.type !== 'number' || !Number.isInteger(token.value) || token.value < 0) {
      throw this.error(`${clause} must be a non-negative integer`);
    }
    return token.value;
  }

  expectEnd(): void {
    if (this.peek().type !== 'eof') throw this.unexpected('expecting end of query');
  }

  unexpected(why: string): Error {
    const token = this.peek();
    if (token.type === 'eof') return this.error(`unexpected end of query, ${why}`);
    const text = token.type === 'string' ? `'${token.raw}'` : token.text;
    return this.error(`unexpected token: '${text}' at position ${token.position}`);
  }

  error(message: string): Error {
    return this.makeError(message);
  }
}
