/** Parameters whose values carry customer data: SOQL and SOSL text quote emails, phones and names. */
const PII_PARAMS = ['q'];

/**
 * The path and query of a call with the SOQL/SOSL text (`q`) replaced by `REDACTED`, so errors and logs never
 * hold an email, phone or name. Text without a query is returned unchanged.
 */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark === -1) return url;
  const params = new URLSearchParams(url.slice(mark + 1));
  let changed = false;
  for (const name of PII_PARAMS) {
    if (params.has(name)) {
      params.set(name, 'REDACTED');
      changed = true;
    }
  }
  return changed ? `${url.slice(0, mark)}?${params.toString()}` : url;
}
