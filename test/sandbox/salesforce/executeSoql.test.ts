import { describe, expect, it } from 'vitest';
import { createSalesforceDatabase } from '../../../src/sandbox/salesforce/createSalesforceDatabase.js';
import { executeSoql } from '../../../src/sandbox/salesforce/executeSoql.js';
import { parseSoql } from '../../../src/sandbox/salesforce/parseSoql.js';
import { IDS, salesforceFixture, sfId } from './salesforceFixture.js';

const db = createSalesforceDatabase(salesforceFixture());
const run = (soql: string): Record<string, unknown>[] => executeSoql(db, parseSoql(soql), 'v63.0');
const ids = (soql: string): unknown[] => run(soql).map((r) => r['Id']);

describe('executeSoql: filtering', () => {
  it.each<[string, string[]]>([
    ["Email = 'jane@example.com'", [IDS.jane, IDS.janeDup]],
    ["Email = 'JANE@EXAMPLE.COM'", [IDS.jane, IDS.janeDup]],
    ["Email IN ('john.smith@example.org', 'MARY.O\\'BRIEN@example.net')", [IDS.john, IDS.mary]],
    ["Email != 'jane@example.com'", [IDS.john, IDS.mary, IDS.wei, IDS.orphan]],
    ['Email = null', [IDS.wei, IDS.orphan]],
    ['FirstName != null AND Email != null', [IDS.jane, IDS.john, IDS.janeDup, IDS.mary]],
    ["Name LIKE 'ja%'", [IDS.jane, IDS.janeDup]],
    ["LastName LIKE '%\\'%'", [IDS.mary]],
    ["LastName LIKE 'D_E'", [IDS.jane, IDS.janeDup]],
    ["LastName LIKE 'd_'", []],
    ["LastName LIKE 'DO%' AND FirstName LIKE 'j%'", [IDS.jane, IDS.janeDup]],
    ["LastName LIKE 'o\\'b%'", [IDS.mary]],
    ["LastName LIKE 'd\\_e'", []],
    ["LastName LIKE 'd\\%'", []],
    ["MailingPostalCode = '94105' AND MailingStreet LIKE '1 mar%'", [IDS.jane]],
    ['Birthdate = 1985-04-12 OR Birthdate = 1990-12-31', [IDS.jane, IDS.wei]],
    ["NOT LastName = 'Doe'", [IDS.john, IDS.mary, IDS.wei, IDS.orphan]],
    ["LastName NOT IN ('Doe', 'Smith')", [IDS.mary, IDS.wei, IDS.orphan]],
    ["(LastName = 'Doe' AND FirstName = 'jane') OR LastName = 'Wei'", [IDS.jane, IDS.janeDup, IDS.wei]],
    ['DoNotCall = true', [IDS.mary]],
    ['HasOptedOutOfEmail = false AND DoNotCall = false', [IDS.jane, IDS.janeDup, IDS.wei, IDS.orphan]],
    ['Birthdate < 1990-01-01', [IDS.jane]],
    ['Birthdate >= 1990-01-01', [IDS.wei]],
    ['CreatedDate < 2024-01-01T00:00:00Z', [IDS.janeDup]],
    ['CreatedDate > 2024-05-01T13:00:00+02:00', [IDS.jane]],
    [`Id = '${IDS.john}'`, [IDS.john]],
    [`Id = '${IDS.john.slice(0, 15)}'`, [IDS.john]],
    [`Id IN ('${IDS.mary}', '${sfId('003', 999)}')`, [IDS.mary]],
    ["Account.Name = 'globex'", [IDS.john]],
    ['Account.Name = null', [IDS.orphan]],
  ])('WHERE %s', (where, expected) => {
    expect(ids(`SELECT Id FROM Contact WHERE ${where}`)).toEqual(expected);
  });

  it('filters other objects by reference and number', () => {
    expect(ids(`SELECT Id FROM Case WHERE ContactId = '${IDS.john}'`)).toEqual([sfId('500', 2), sfId('500', 5)]);
    expect(ids('SELECT Id FROM Task WHERE CallDurationInSeconds > 100')).toEqual([sfId('00T', 1)]);
  });
});

describe('executeSoql: ordering and limits', () => {
  it('sorts descending with a tie-breaker and applies LIMIT and OFFSET', () => {
    expect(ids('SELECT Id FROM Case ORDER BY CreatedDate DESC LIMIT 3')).toEqual([sfId('500', 6), sfId('500', 5), sfId('500', 4)]);
    expect(ids('SELECT Id FROM Case ORDER BY CreatedDate DESC LIMIT 2 OFFSET 3')).toEqual([sfId('500', 3), sfId('500', 2)]);
  });

  it('puts nulls first by default and last when asked', () => {
    expect(ids('SELECT Id FROM Contact ORDER BY Email')).toEqual([IDS.wei, IDS.orphan, IDS.jane, IDS.janeDup, IDS.john, IDS.mary]);
    expect(ids('SELECT Id FROM Contact ORDER BY Email DESC NULLS LAST')).toEqual([IDS.mary, IDS.john, IDS.jane, IDS.janeDup, IDS.wei, IDS.orphan]);
  });

  it('orders by several fields and through a relationship', () => {
    expect(ids('SELECT Id FROM Contact ORDER BY Account.Name DESC NULLS LAST, LastName ASC')).toEqual([IDS.john, IDS.jane, IDS.janeDup, IDS.mary, IDS.wei, IDS.orphan]);
  });
});

describe('executeSoql: rendering', () => {
  it('renders attributes, fields in SELECT order with canonical names, and nested relationships', () => {
    const [record] = run(`SELECT account.name, lastname, Id, CreatedDate FROM Contact WHERE Id = '${IDS.jane}'`);
    expect(record).toEqual({
      attributes: { type: 'Contact', url: `/services/data/v63.0/sobjects/Contact/${IDS.jane}` },
      Account: { attributes: { type: 'Account', url: `/services/data/v63.0/sobjects/Account/${IDS.acme}` }, Name: 'Acme Corp' },
      LastName: 'Doe',
      Id: IDS.jane,
      CreatedDate: '2024-05-01T12:00:00.000+0000',
    });
    expect(Object.keys(record ?? {})).toEqual(['attributes', 'Account', 'LastName', 'Id', 'CreatedDate']);
  });

  it('renders a missing parent as null and merges fields of one relationship', () => {
    const [orphan] = run(`SELECT Id, Account.Name, Account.Phone FROM Contact WHERE Id = '${IDS.orphan}'`);
    expect(orphan?.['Account']).toBeNull();
    const [jane] = run(`SELECT Account.Name, Account.Phone FROM Contact WHERE Id = '${IDS.jane}'`);
    expect(jane?.['Account']).toMatchObject({ Name: 'Acme Corp', Phone: '(415) 555-0000' });
  });

  it('derives Name and the denormalised case contact fields', () => {
    expect(run(`SELECT Name FROM Contact WHERE Id = '${IDS.wei}'`)[0]?.['Name']).toBe('Wei');
    expect(run(`SELECT ContactEmail, ContactPhone, Contact.LastName FROM Case WHERE Id = '${sfId('500', 1)}'`)[0]).toMatchObject({
      ContactEmail: 'Jane@Example.com',
      ContactPhone: '(415) 555-1212',
      Contact: { LastName: 'Doe' },
    });
  });
});

describe('executeSoql: child relationship sub-queries', () => {
  it('renders each parent\'s children under the relationship name, filtered, ordered and limited per parent', () => {
    const rows = run(
      `SELECT Id, (SELECT Id, Status FROM Cases WHERE IsClosed = false ORDER BY CreatedDate DESC LIMIT 2), (SELECT Id FROM Tasks) FROM Contact WHERE Id IN ('${IDS.jane}', '${IDS.john}', '${IDS.mary}') ORDER BY LastName`,
    );
    const byId = new Map(rows.map((r) => [r['Id'], r]));
    const jane = byId.get(IDS.jane)!;
    // Jane's open cases are 3, 4 and 6: newest two, with the parent's totalSize counting what was returned.
    expect(jane['Cases']).toMatchObject({ totalSize: 2, done: true, records: [{ Id: sfId('500', 6), Status: 'Working' }, { Id: sfId('500', 4) }] });
    expect((jane['Cases'] as { records: Array<Record<string, unknown>> }).records[0]!['attributes']).toEqual({ type: 'Case', url: `/services/data/v63.0/sobjects/Case/${sfId('500', 6)}` });
    expect((jane['Tasks'] as { totalSize: number }).totalSize).toBe(3);
    expect((byId.get(IDS.john)!['Cases'] as { records: unknown[] }).records).toHaveLength(2);
    // No children: null, as Salesforce renders an empty child relationship.
    expect(byId.get(IDS.mary)!['Cases']).toBeNull();
  });
});

describe('executeSoql: errors', () => {
  it.each([
    ['SELECT Id FROM Lead', 'INVALID_TYPE', /sObject type 'Lead' is not supported/],
    ['SELECT Id, (SELECT Id FROM Opportunities) FROM Contact', 'INVALID_TYPE', /Didn't understand relationship 'Opportunities' in FROM part/],
    ['SELECT Id, (SELECT Nope FROM Cases) FROM Contact', 'INVALID_FIELD', /No such column 'Nope' on entity 'Case'/],
    ['SELECT Id, Emial FROM Contact', 'INVALID_FIELD', /No such column 'Emial' on entity 'Contact'/],
    ['SELECT Acount.Name FROM Contact', 'INVALID_FIELD', /Didn't understand relationship 'Acount'/],
    ["SELECT Id FROM Contact WHERE Nope = 'x'", 'INVALID_FIELD', /No such column 'Nope'/],
    ['SELECT Id FROM Contact ORDER BY Nope', 'INVALID_FIELD', /No such column 'Nope'/],
    ["SELECT Id FROM Case WHERE Description = 'x'", 'INVALID_FIELD', /can not be filtered/],
    ['SELECT Id, id FROM Contact', 'MALFORMED_QUERY', /duplicate field selected: Id/],
    ["SELECT Id FROM Contact WHERE CreatedDate > '2024-01-01'", 'MALFORMED_QUERY', /must be of type dateTime and should not be enclosed in quotes/],
    ['SELECT Id FROM Contact WHERE Email = 5', 'MALFORMED_QUERY', /must be of type email and should be enclosed in quotes/],
    ['SELECT Id FROM Contact WHERE CreatedDate > 2024-01-01', 'MALFORMED_QUERY', /must be of type dateTime/],
    ["SELECT Id FROM Contact WHERE Id = 'abc'", 'INVALID_QUERY_FILTER_OPERATOR', /invalid ID field: abc/],
    ['SELECT Id FROM Contact WHERE DoNotCall > true', 'INVALID_QUERY_FILTER_OPERATOR', /invalid operator on boolean field/],
    ["SELECT Id FROM Contact WHERE LastName = 'd\\_e'", 'MALFORMED_QUERY', /outside a LIKE expression/],
    ["SELECT Id FROM Contact WHERE LastName IN ('a', '10\\%')", 'MALFORMED_QUERY', /outside a LIKE expression/],
    ["SELECT Id FROM Contact WHERE Birthdate LIKE '19%'", 'INVALID_QUERY_FILTER_OPERATOR', /invalid operator on date field: LIKE/],
  ])('%s fails with %s', (soql, errorCode, message) => {
    expect(() => run(soql)).toThrow(expect.objectContaining({ status: 400, errorCode, message: expect.stringMatching(message) }));
  });
});
