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

  // Terms without spaces: the adapter sends SOSL only digit strings (searchByPhone); a term with ` OR ` in it
  // would need a quoted phrase, which escapeSoslTerm does not write.
  it.each(['*@example.org', '%@example.org', 'a_b@example.org', 'x"OR"email:"*', "o'brien:x\\y@example.org", 'trail\\', 'role:admin', '-1', '{4155551212}'])('keeps hostile term %j one literal term inside FIND braces', (term) => {
    expect(parseSosl(`FIND {${escapeSoslTerm(term)}} IN PHONE FIELDS RETURNING Contact`).terms).toEqual([term]);
  });

  it('keeps an escaped term whole inside FIND braces', () => {
    const term = '{(415) 555-1212}';
    expect(parseSosl(`FIND {${escapeSoslTerm(term)}} RETURNING Contact`).terms).toEqual([term]);
  });
});
