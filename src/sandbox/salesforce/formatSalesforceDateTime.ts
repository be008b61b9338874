/**
 * Renders an ISO 8601 timestamp the way Salesforce REST does: `2024-05-01T12:00:00.000+0000` (always UTC,
 * milliseconds, offset without a colon). Text that is not a timestamp is returned unchanged.
 */
export function formatSalesforceDateTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().replace('Z', '+0000');
}

/** Milliseconds since the epoch of a Salesforce date-time (`…+0000`); NaN when unparsable. */
export function parseSalesforceDateTime(text: string): number {
  return Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}
