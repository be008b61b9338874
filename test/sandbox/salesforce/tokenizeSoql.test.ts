import { describe, expect, it } from 'vitest';
import { SalesforceFakeError } from '../../../src/sandbox/salesforce/SalesforceFakeError.js';
import { tokenizeSoql } from '../../../src/sandbox/salesforce/tokenizeSoql.js';

/** Tokens as `type:text` strings, without the trailing eof. */
function lex(text: string): string[] {
  return tokenizeSoql(text)
    .filter((t) => t.type !== 'eof')
    .map((t) => (t.type === 'string' ? `string:${t.value}` : `${t.type}:${t.text}`));
}

describe('tokenizeSoql: lexemes', () => {
  it.each([
    ['SELECT Id FROM Contact', ['identifier:SELECT', 'identifier:Id', 'identifier:FROM', 'identifier:Contact']],
    ['Account.Name', ['identifier:Account', 'punctuation:.', 'identifier:Name']],
    ["Email='a@b.c'", ['identifier:Email', 'operator:=', 'string:a@b.c']],
    ["'O\\'Brien'", ["string:O'Brien"]],
    ["'back\\\\slash'", ['string:back\\slash']],
    ["'line\\nbreak'", ['string:line\nbreak']],
    ['a != 1 <> 2 <= 3 >= 4 < 5 > 6', ['identifier:a', 'operator:!=', 'number:1', 'operator:<>', 'number:2', 'operator:<=', 'number:3', 'operator:>=', 'number:4', 'operator:<', 'number:5', 'operator:>', 'number:6']],
    ['x = -12.5', ['identifier:x', 'operator:=', 'number:-12.5']],
    ['IN (1,2)', ['identifier:IN', 'punctuation:(', 'number:1', 'punctuation:,', 'number:2', 'punctuation:)']],
    ['d = 2024-05-01', ['identifier:d', 'operator:=', 'date:2024-05-01']],
    ['t > 2024-05-01T12:00:00Z', ['identifier:t', 'operator:>', 'datetime:2024-05-01T12:00:00Z']],
    ['t > 2024-05-01T12:00:00.000+02:00', ['identifier:t', 'operator:>', 'datetime:2024-05-01T12:00:00.000+02:00']],
  ])('splits %s', (text, expected) => {
    expect(lex(text)).toEqual(expected);
  });

  it('keeps the raw text of strings so LIKE can tell escaped wildcards', () => {
    const [token] = tokenizeSoql("'50\\%'");
    expect(token).toMatchObject({ type: 'string', value: '50%', raw: '50\\%' });
  });

  it('gives date-times their epoch milliseconds', () => {
    const [token] = tokenizeSoql('2024-05-01T12:00:00+02:00');
    expect(token).toMatchObject({ type: 'datetime', epochMs: Date.UTC(2024, 4, 1, 10) });
  });
});

describe('tokenizeSoql: errors', () => {
  it.each([
    ["'unterminated", /unterminated/],
    ["'bad \\q escape'", /Illegal character sequence/],
    ['a ; b', /unexpected token: ';'/],
    ['a ! b', /unexpected token: '!'/],
    ['2024-13-45', /invalid date/],
    ['12abc', /unexpected token/],
  ])('rejects %s as MALFORMED_QUERY', (text, message) => {
    let caught: unknown;
    try {
      tokenizeSoql(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SalesforceFakeError);
    expect(caught).toMatchObject({ status: 400, errorCode: 'MALFORMED_QUERY' });
    expect((caught as Error).message).toMatch(message);
  });
});
