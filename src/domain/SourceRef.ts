/**
 * A pointer to one record in one source system: `source` is the configured source name (unique per
 * gateway), `id` the record's id in that system as the gateway stores it (Salesforce 18-char Id, the
 * numeric part of a Shopify GID, a Zendesk numeric id, a file row key).
 */
export interface SourceRef {
  readonly source: string;
  readonly id: string;
}

/** `source/id` text form, used as a map key and in logs. Ids may contain `/` (the first one splits). */
export function formatRef(ref: SourceRef): string {
  return `${ref.source}/${ref.id}`;
}

/** Inverse of {@link formatRef}; returns `null` when the text has no `/` or an empty part. */
export function parseRef(text: string): SourceRef | null {
  const slash = text.indexOf('/');
  if (slash <= 0 || slash === text.length - 1) return null;
  return { source: text.slice(0, slash), id: text.slice(slash + 1) };
}

/** True when both refs name the same record. */
export function sameRef(a: SourceRef, b: SourceRef): boolean {
  return a.source === b.source && a.id === b.id;
}
