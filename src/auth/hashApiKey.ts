import { createHash } from 'node:crypto';

/** sha256 hex of an API key: what `auth.apiKeys[].sha256` holds (same as `printf %s "$KEY" | sha256sum`). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
