import { createHash } from 'node:crypto';

/**
 * The pseudonym of a crosswalk key (`key:email:…`, `ref:source/id`) wherever it leaves the process: the name of
 * its Redis L2 entry and lock, and the lookup keys a change carries between replicas (`Change.keyHashes`). The
 * first 32 characters of base64url SHA-256 (192 bits). It keeps emails and phones out of Redis key names and
 * pub/sub messages; it is not anonymisation: someone who can read Redis and holds a list of candidate emails
 * can test each one.
 */
export function crosswalkKeyHash(cacheKey: string): string {
  return createHash('sha256').update(cacheKey).digest('base64url').slice(0, 32);
}

/** The pseudonym of a lookup key in `keyOf` form (`email:jane@example.com`): the hash of its crosswalk key. */
export function lookupKeyHash(key: string): string {
  return crosswalkKeyHash(`key:${key}`);
}
