/**
 * Internal: opaque Relay cursors. Like Shopify's, a cursor is base64 of a small JSON object; here
 * `{"last_id":<record id>,"offset":<position in the sorted list>}`.
 */
export interface CursorPayload {
  readonly last_id: number;
  readonly offset: number;
}

/** Encodes a cursor for the record `id` at position `offset` of a sorted list. */
export function encodeCursor(payload: CursorPayload): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');
}

/** Decodes a cursor; `null` when it is not one this sandbox issued. */
export function decodeCursor(cursor: string): CursorPayload | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const { last_id: lastId, offset } = value as Record<string, unknown>;
    if (typeof lastId !== 'number' || typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) return null;
    return { last_id: lastId, offset };
  } catch {
    return null;
  }
}
