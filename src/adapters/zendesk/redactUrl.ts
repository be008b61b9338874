import { redactQuery } from '../http.js';

/** Parameters whose values carry customer data. */
const PII_PARAMS = ['query', 'external_id', 'external_ids'];

/** The path and query of a call with `query`, `external_id` and `external_ids` replaced by `REDACTED`, so errors and logs hold no PII. */
export function redactUrl(url: string): string {
  return redactQuery(url, PII_PARAMS);
}
