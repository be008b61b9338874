import { quoteSoql } from './quoteSoql.js';

/**
 * A SOQL LIKE literal matching text that starts with `prefix`: escaped as {@link quoteSoql} does, plus `\%`
 * and `\_` so the value's own `%` and `_` match themselves, then the `%` wildcard
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm:
 * "LIKE expression only: \_ … \%"). Only for the right-hand side of LIKE; SOQL rejects `\%` elsewhere.
 */
export function quoteSoqlLikePrefix(prefix: string): string {
  const quoted = quoteSoql(prefix);
  return `'${quoted.slice(1, -1).replace(/[%_]/g, (wildcard) => `\\${wildcard}`)}%'`;
}
