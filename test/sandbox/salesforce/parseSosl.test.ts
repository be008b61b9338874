import { describe, expect, it } from 'vitest';
import { parseSosl } from '../../../src/sandbox/salesforce/parseSosl.js';

describe('parseSosl: accepted searches', () => {
  it.each([
    ['FIND {4155551212} IN PHONE FIELDS RETURNING Contact(Id, Name)', { terms: ['4155551212'], scope: 'PHONE', returning: [{ object: 'Contact', fields: [['Id'], ['Name']] }], limit: null }],
    ['find {a@b.c OR c@d.e} in email fields returning Contact', { terms: ['a@b.c', 'c@d.e'], scope: 'EMAIL', returning: [{ object: 'Contact', fields: [['Id']] }], limit: null }],
    ['FIND {"Jane Doe"} RETURNING Contact(Id), Account(Name) LIMIT 10', { terms: ['Jane Doe'], scope: 'ALL', returning: [{ object: 'Contact', fields: [['Id']] }, { object: 'Account', fields: [['Name']] }], limit: 10 }],
    ['FIND {O\\\'Brien \\}x} IN NAME FIELDS RETURNING Contact(Account.Name)', { terms: ["O'Brien }x"], scope: 'NAME', returning: [{ object: 'Contact', fields: [['Account', 'Name']] }], limit: null }],
  ])('parses %s', (text, expected) => {
    expect(parseSosl(text)).toEqual(expected);
  });
});

describe('parseSosl: malformed searches', () => {
  it.each([
    ['SELECT Id FROM Contact', /FIND/],
    ['FIND {abc RETURNING Contact', /missing '}'/],
    ['FIND {a} RETURNING Contact', /longer than one character/],
    ['FIND {abc} IN BODY FIELDS RETURNING Contact', /expecting ALL, NAME, EMAIL or PHONE/],
    ['FIND {abc} IN PHONE RETURNING Contact', /unexpected token: 'RETURNING'/],
    ['FIND {abc} IN PHONE FIELDS', /unexpected end/],
    ['FIND {abc} RETURNING Contact(Id', /unexpected end/],
    ['FIND {abc} RETURNING Contact(Id) ; DROP', /unexpected token: ';'/],
  ])('rejects %j as MALFORMED_SEARCH', (text, message) => {
    expect(() => parseSosl(text)).toThrow(expect.objectContaining({ errorCode: 'MALFORMED_SEARCH', status: 400, message: expect.stringMatching(message) }));
  });
});
