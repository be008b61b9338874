import { redactQuery } from '../http.js';

/** Parameters whose values carry customer data. */
const PII_PARAMS = ['q'];

/** The path and query of a call with the SOQL/SOSL text (`q`) replaced by `REDACTED`, so errors and logs hold no PII. */
export function redactUrl(url: string): string {
  return redactQuery(url, PII_PARAMS);
}
