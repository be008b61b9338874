import type { CountryCode } from 'libphonenumber-js';
import { keyOf, normalizeEmail, normalizePhone } from '../identity/index.js';

/**
 * The crosswalk lookup keys (`keyOf` form) of the emails and phones a changed record holds now, normalised the
 * way `customerLookup` normalises what it is asked; values that are not strings or do not normalise are skipped.
 */
export function lookupKeysOf(emails: readonly unknown[], phones: readonly unknown[], defaultRegion: CountryCode): string[] {
  const keys = new Set<string>();
  for (const raw of emails) {
    const email = typeof raw === 'string' ? normalizeEmail(raw) : null;
    if (email) keys.add(keyOf({ kind: 'email', value: email }));
  }
  for (const raw of phones) {
    const phone = typeof raw === 'string' ? normalizePhone(raw, defaultRegion) : null;
    if (phone) keys.add(keyOf({ kind: 'phone', value: phone }));
  }
  return [...keys];
}
