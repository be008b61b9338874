import { describe, expect, it } from 'vitest';
import { escapeSoslTerm } from '../../../src/adapters/salesforce/escapeSoslTerm.js';
import { parseSosl } from '../../../src/sandbox/salesforce/parseSosl.js';

describe('escapeSoslTerm: escaping', () => {
  it.each([
    ['4155551212', '4155551212'],
    ['a+b-c', 'a\\+b\\-c'],
    ['{x}', '\\{x\\}'],
    ["o'brien*", "o\\'brien\\*"],
  ])('escapes %j as %j', (term, expected) => {
    expect(escapeSoslTerm(term)).toBe(expected);
  });

  it('keeps an escaped term whole inside FIND braces', () => {
    const term = '{(415) 555-1212}';
    expect(parseSosl(`FIND {${escapeSoslTerm(term)}} RETURNING Contact`).terms).toEqual([term]);
  });
});
