const RESERVED = new Set(['?', '&', '|', '!', '{', '}', '[', ']', '(', ')', '^', '~', '*', ':', '\\', '"', "'", '+', '-']);

/**
 * `term` with SOSL's reserved characters backslash-escaped, for use inside `FIND {...}`
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_find.htm).
 */
export function escapeSoslTerm(term: string): string {
  let out = '';
  for (const char of term) out += RESERVED.has(char) ? `\\${char}` : char;
  return out;
}
