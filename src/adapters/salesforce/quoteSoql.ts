const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '"': '\\"' };

/**
 * A SOQL string literal holding `value`: single-quoted with `\`, `'`, `"` and control characters
 * backslash-escaped, so customer input can never end the literal
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm).
 */
export function quoteSoql(value: string): string {
  let out = "'";
  for (const char of value) out += ESCAPES[char] ?? char;
  return `${out}'`;
}
