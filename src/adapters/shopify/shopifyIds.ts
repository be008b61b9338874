import { UpstreamError } from '../UpstreamError.js';

/**
 * The numeric id the gateway stores in `ref.id` for a Shopify record of `type`, from a full GID
 * (`gid://shopify/Customer/123`, an optional `?…` suffix ignored) or a bare positive integer (`123`);
 * `null` for anything else (another type's GID, text, zero, leading zeros).
 */
export function toShopifyId(input: string, type: string): string | null {
  if (typeof input !== 'string') return null;
  const text = input.trim();
  const gid = /^gid:\/\/shopify\/([A-Za-z]+)\/([1-9]\d*)(?:\?.*)?$/.exec(text);
  if (gid) return gid[1] === type ? (gid[2] as string) : null;
  return /^[1-9]\d*$/.test(text) ? text : null;
}

/** The GID of a record of `type` with numeric id `id`. */
export function toShopifyGid(type: string, id: string): string {
  return `gid://shopify/${type}/${id}`;
}

/** The per-key error for an id that is neither a Customer GID nor a numeric id (no call is made for it). */
export function invalidIdError(source: string, id: unknown): UpstreamError {
  return new UpstreamError({ source, kind: 'rejected', message: `not a Shopify customer id: ${JSON.stringify(String(id).slice(0, 60))}` });
}

/** Any thrown value as an Error, for a batch slot. */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
