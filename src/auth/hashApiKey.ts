import crypto, { createHash } from 'node:crypto';

/** sha256 hex of an API key: what `auth.apiKeys[].sha256` holds (same as `printf %s "$KEY" | sha256sum`). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * {@link hashApiKey} as the 32 bytes themselves, for comparing with `timingSafeEqual` on every request: Node's
 * one-shot `crypto.hash` (20.12+) where it exists (no Hash object per call), a `Hash` otherwise.
 */
export function hashApiKeyBytes(key: string): Buffer {
  return typeof crypto.hash === 'function' ? crypto.hash('sha256', key, 'buffer') : createHash('sha256').update(key, 'utf8').digest();
}
