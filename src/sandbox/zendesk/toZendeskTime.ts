/**
 * Renders a dataset timestamp the way Zendesk does: ISO 8601 UTC with a `Z` and no milliseconds
 * (`2025-03-04T10:11:12Z`). A value that is not a parseable date is returned unchanged.
 */
export function toZendeskTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
