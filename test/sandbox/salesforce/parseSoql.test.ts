import { describe, expect, it } from 'vitest';
import { parseSoql } from '../../../src/sandbox/salesforce/parseSoql.js';
import type { SoqlQuery } from '../../../src/sandbox/salesforce/SoqlQuery.js';

const base: SoqlQuery = { fields: [['Id']], subqueries: [], object: 'Contact', where: null, orderBy: [], limit: null, offset: null };

describe('parseSoql: accepted queries', () => {
  it.each<[string, Partial<SoqlQuery>]>([
    ['SELECT Id FROM Contact', {}],
    [
      'SELECT Id, (SELECT Id FROM Cases ORDER BY CreatedDate DESC LIMIT 5) FROM Contact',
      {
        subqueries: [
          { fields: [['Id']], subqueries: [], object: 'Cases', where: null, orderBy: [{ field: ['CreatedDate'], direction: 'DESC', nulls: 'FIRST' }], limit: 5, offset: null },
        ],
      },
    ],
    ['select id, Account.Name from contact', { fields: [['id'], ['Account', 'Name']], object: 'contact' }],
    ["SELECT Id FROM Contact WHERE Email = 'a@b.c'", { where: { kind: 'compare', field: ['Email'], operator: '=', value: { kind: 'string', value: 'a@b.c', raw: 'a@b.c' } } }],
    ['SELECT Id FROM Contact WHERE DoNotCall = TRUE', { where: { kind: 'compare', field: ['DoNotCall'], operator: '=', value: { kind: 'boolean', value: true } } }],
    ['SELECT Id FROM Contact WHERE Email != null', { where: { kind: 'compare', field: ['Email'], operator: '!=', value: { kind: 'null' } } }],
    [
      "SELECT Id FROM Contact WHERE Email IN ('a', 'b')",
      { where: { kind: 'in', field: ['Email'], negated: false, values: [{ kind: 'string', value: 'a', raw: 'a' }, { kind: 'string', value: 'b', raw: 'b' }] } },
    ],
    ["SELECT Id FROM Contact WHERE Email NOT IN ('a')", { where: { kind: 'in', field: ['Email'], negated: true, values: [{ kind: 'string', value: 'a', raw: 'a' }] } }],
    ["SELECT Id FROM Contact WHERE Name LIKE 'Ja%'", { where: { kind: 'like', field: ['Name'], pattern: 'Ja%' } }],
    ['SELECT Id FROM Contact WHERE Birthdate < 2000-01-01', { where: { kind: 'compare', field: ['Birthdate'], operator: '<', value: { kind: 'date', value: '2000-01-01' } } }],
    [
      'SELECT Id FROM Contact WHERE CreatedDate >= 2024-01-01T00:00:00Z',
      { where: { kind: 'compare', field: ['CreatedDate'], operator: '>=', value: { kind: 'datetime', value: '2024-01-01T00:00:00Z', epochMs: Date.UTC(2024, 0, 1) } } },
    ],
    ['SELECT Id FROM Contact ORDER BY LastName', { orderBy: [{ field: ['LastName'], direction: 'ASC', nulls: 'FIRST' }] }],
    [
      'SELECT Id FROM Contact ORDER BY LastName DESC NULLS LAST, FirstName ASC NULLS FIRST LIMIT 5 OFFSET 2',
      {
        orderBy: [
          { field: ['LastName'], direction: 'DESC', nulls: 'LAST' },
          { field: ['FirstName'], direction: 'ASC', nulls: 'FIRST' },
        ],
        limit: 5,
        offset: 2,
      },
    ],
  ])('parses %s', (text, expected) => {
    expect(parseSoql(text)).toEqual({ ...base, ...expected });
  });

  it('builds AND, OR and NOT trees with parentheses', () => {
    const query = parseSoql("SELECT Id FROM Contact WHERE (LastName = 'Doe' AND FirstName = 'Jane') OR NOT (Email = null OR DoNotCall = true)");
    expect(query.where).toMatchObject({
      kind: 'or',
      operands: [{ kind: 'and', operands: [{ field: ['LastName'] }, { field: ['FirstName'] }] }, { kind: 'not', operand: { kind: 'or', operands: [{ field: ['Email'] }, { field: ['DoNotCall'] }] } }],
    });
  });

  it('chains three operands of one connective at one level', () => {
    const query = parseSoql('SELECT Id FROM Contact WHERE a = 1 AND b = 2 AND c = 3');
    expect(query.where).toMatchObject({ kind: 'and', operands: [{ field: ['a'] }, { field: ['b'] }, { field: ['c'] }] });
  });
});

describe('parseSoql: malformed queries', () => {
  it.each([
    ['', /unexpected end/],
    ['SELECT FROM Contact', /unexpected token: 'Contact'/],
    ['SELECT Id Contact', /unexpected token: 'Contact'/],
    ['SELECT Id, FROM Contact', /unexpected token/],
    ['SELECT Id FROM', /unexpected end/],
    ["SELECT Id FROM Contact WHERE Email 'x'", /unexpected token/],
    ['SELECT Id FROM Contact WHERE a = 1 AND b = 2 OR c = 3', /unexpected token: 'OR'/],
    ['SELECT Id FROM Contact WHERE (a = 1', /unexpected end/],
    ['SELECT Id FROM Contact WHERE a = b', /unexpected token: 'b'/],
    ['SELECT Id FROM Contact WHERE Name LIKE 5', /LIKE needs a string/],
    ['SELECT Id FROM Contact WHERE Id IN (SELECT ContactId FROM Case)', /semi-join/],
    ['SELECT Id FROM Contact LIMIT -1', /LIMIT must be a non-negative integer/],
    ['SELECT Id FROM Contact LIMIT 10 extra', /unexpected token: 'extra'/],
    ['SELECT Id FROM Contact ORDER BY Name NULLS MIDDLE', /unexpected token: 'MIDDLE'/],
    ['SELECT Id, (SELECT Id, (SELECT Id FROM Tasks) FROM Cases) FROM Contact', /one level only/],
    ['SELECT (SELECT Id FROM Cases) FROM Contact', /at least one field/],
  ])('rejects %j as MALFORMED_QUERY', (text, message) => {
    expect(() => parseSoql(text)).toThrow(expect.objectContaining({ errorCode: 'MALFORMED_QUERY', status: 400, message: expect.stringMatching(message) }));
  });
});
