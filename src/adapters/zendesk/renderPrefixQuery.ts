import type { BlockingKey } from '../types.js';

/** Shortest family prefix searched (the key kind's contract). */
const MIN_FAMILY_PREFIX = 2;
/** What a prefix value may hold: letters and digits, what a normalised name prefix is made of. */
const PREFIX_VALUE = /^[\p{L}\p{N}]+$/u;

/**
 * The users/search query for a `namePrefix` key, pure: `name:doe*`, or `name:doe* name:j*` with a given
 * prefix (Zendesk ANDs the terms, and a trailing `*` is its wildcard for "words starting with":
 * https://support.zendesk.com/hc/en-us/articles/4408886879258 "Zendesk Support search reference"). A
 * prefix value is sent bare (a wildcard inside quotes is not one), so it may hold only letters and digits:
 * anything else (`*`, quotes, `\`, `:`, spaces) gives null, as does a family prefix under 2 characters.
 */
export function renderPrefixQuery(key: Extract<BlockingKey, { kind: 'namePrefix' }>): string | null {
  const family = key.family.trim();
  const given = key.given?.trim() ?? '';
  if (family.length < MIN_FAMILY_PREFIX || !PREFIX_VALUE.test(family) || (given !== '' && !PREFIX_VALUE.test(given))) return null;
  return given === '' ? `name:${family}*` : `name:${family}* name:${given}*`;
}
