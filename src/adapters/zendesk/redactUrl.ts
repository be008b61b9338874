const PII_PARAMS = ['query', 'external_id', 'external_ids'];

/**
 * The path and query of a call with the values of parameters that carry customer data (`query`,
 * `external_id`, `external_ids`) replaced by `REDACTED`, so errors and logs never hold an email or phone.
 * Text that is not a path with a query is returned unchanged.
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
