const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Converts a Salesforce date-time (`2024-05-01T12:00:00.000+0000`) to ISO 8601 UTC
 * (`2024-05-01T12:00:00.000Z`); other offsets are shifted to UTC. Null for null, empty or unparsable text.
 */
export function toIsoDateTime(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const match = DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [, local = '', offset = ''] = match;
  if (offset === 'Z' || offset === '+0000' || offset === '+00:00' || offset === '-0000' || offset === '-00:00') {
    return Number.isNaN(Date.parse(`${local}Z`)) ? null : `${local}Z`;
  }
  const ms = Date.parse(`${local}${offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
