import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 of the concatenated `parts` under `secret`, in `encoding`. */
export function hmacSha256(secret: string, parts: ReadonlyArray<string | Buffer>, encoding: 'base64' | 'hex'): string {
  const mac = createHmac('sha256', secret);
  for (const part of parts) mac.update(part);
  return mac.digest(encoding);
}

/**
 * Compares a received signature with the expected one in constant time (for equal lengths; a digest's
 * length is public, so a length mismatch may return early).
 */
export function signaturesEqual(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
