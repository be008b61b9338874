import { describe, expect, it } from 'vitest';
import { quoteSoql } from '../../../src/adapters/salesforce/quoteSoql.js';
import { parseSoql } from '../../../src/sandbox/salesforce/parseSoql.js';

describe('quoteSoql: escaping', () => {
  it.each([
    ['jane@example.com', "'jane@example.com'"],
    ["mary.o'brien@example.net", "'mary.o\\'brien@example.net'"],
    ['back\\slash', "'back\\\\slash'"],
    ["\\' OR Id != null", "'\\\\\\' OR Id != null'"],
    ['two\nlines', "'two\\nlines'"],
    ['say "hi"', "'say \\\"hi\\\"'"],
  ])('quotes %j as %s', (value, expected) => {
    expect(quoteSoql(value)).toBe(expected);
  });

  it.each(["x' OR Email != null OR Email = 'y", "\\' OR Id != null --", "tab\there", 'ünïcødé', ...['*@example.org', '%@example.org', 'a_b@example.org', 'x" OR email:"*', "o'brien:x\\y@example.org", 'trail\\', 'role:admin', '-1']])('round-trips %j through a SOQL parser as one literal', (value) => {
    const query = parseSoql(`SELECT Id FROM Contact WHERE Email = ${quoteSoql(value)}`);
    expect(query.where).toMatchObject({ kind: 'compare', value: { kind: 'string', value } });
  });
});
