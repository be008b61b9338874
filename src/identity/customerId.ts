import { formatRef, parseRef, type SourceRef } from '../domain/index.js';

const PREFIX = 'cus_';

/**
 * The opaque customer id for a cluster anchored at `anchor` (DESIGN.md §5): derived from the anchor ref, so
 * it is stable without a central table. Clients must treat it as opaque.
 */
export function encodeCustomerId(anchor: SourceRef): string {
  return PREFIX + Buffer.from(formatRef(anchor), 'utf8').toString('base64url');
}

/** The anchor ref inside a customer id, or null when the text is not one of ours. */
export function decodeCustomerId(id: string): SourceRef | null {
  if (!id.startsWith(PREFIX) || id.length > 512) return null;
  const body = id.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return null;
  return parseRef(Buffer.from(body, 'base64url').toString('utf8'));
}
