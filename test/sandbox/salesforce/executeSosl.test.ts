import { describe, expect, it } from 'vitest';
import { createSalesforceDatabase } from '../../../src/sandbox/salesforce/createSalesforceDatabase.js';
import { executeSosl } from '../../../src/sandbox/salesforce/executeSosl.js';
import { parseSosl } from '../../../src/sandbox/salesforce/parseSosl.js';
import { IDS, salesforceFixture } from './salesforceFixture.js';

const db = createSalesforceDatabase(salesforceFixture());
const ids = (sosl: string): unknown[] => executeSosl(db, parseSosl(sosl), 'v63.0').map((r) => r['Id']);

describe('executeSosl: matching', () => {
  it.each<[string, unknown[]]>([
    ['FIND {4155551212} IN PHONE FIELDS RETURNING Contact', [IDS.jane, IDS.janeDup]],
    ['FIND {+1 (415) 555-1212} IN PHONE FIELDS RETURNING Contact', [IDS.jane, IDS.janeDup]],
    ['FIND {6505550000 OR 4155551313} IN PHONE FIELDS RETURNING Contact', [IDS.john]],
    ['FIND {+442071234567} IN PHONE FIELDS RETURNING Contact', [IDS.wei]],
    ['FIND {5550000} IN PHONE FIELDS RETURNING Contact, Account', [IDS.john, IDS.acme]],
    ['FIND {jane@example.com} IN EMAIL FIELDS RETURNING Contact', [IDS.jane, IDS.janeDup]],
    ['FIND {jane@example} IN EMAIL FIELDS RETURNING Contact', []],
    ['FIND {jane doe} IN NAME FIELDS RETURNING Contact', [IDS.jane, IDS.janeDup]],
    ['FIND {"o\'brien"} IN NAME FIELDS RETURNING Contact', [IDS.mary]],
    ['FIND {Doe} IN PHONE FIELDS RETURNING Contact', []],
    ['FIND {San Francisco} RETURNING Contact', [IDS.jane]],
    ['FIND {john.smith@example.org} RETURNING Contact', [IDS.john]],
    ['FIND {Doe} RETURNING Contact LIMIT 1', [IDS.jane]],
  ])('%s', (sosl, expected) => {
    expect(ids(sosl)).toEqual(expected);
  });

  it('renders the RETURNING fields with attributes', () => {
    const records = executeSosl(db, parseSosl('FIND {4155551313} IN PHONE FIELDS RETURNING Contact(Name, Account.Name)'), 'v64.0');
    expect(records).toEqual([
      {
        attributes: { type: 'Contact', url: `/services/data/v64.0/sobjects/Contact/${IDS.john}` },
        Name: 'John Smith',
        Account: { attributes: { type: 'Account', url: `/services/data/v64.0/sobjects/Account/${IDS.globex}` }, Name: 'Globex' },
      },
    ]);
  });

  it('rejects unknown objects and fields', () => {
    expect(() => ids('FIND {abc} RETURNING Lead')).toThrow(expect.objectContaining({ errorCode: 'INVALID_TYPE' }));
    expect(() => ids('FIND {abc} RETURNING Contact(Foo)')).toThrow(expect.objectContaining({ errorCode: 'INVALID_FIELD' }));
  });
});
