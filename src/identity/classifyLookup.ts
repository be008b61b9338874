import type { CountryCode } from 'libphonenumber-js';
import type { BlockingKey } from '../adapters/types.js';
import { normalizeEmail } from './normalizeEmail.js';
import { normalizePhone } from './normalizePhone.js';

/** What an agent typed, classified: a normalised blocking key, or why it cannot be used. */
export type LookupClassification =
  | { readonly kind: 'key'; readonly key: Extract<BlockingKey, { kind: 'email' | 'phone' }> }
  | { readonly kind: 'invalid'; readonly reason: string };

/** Longest lookup string accepted; anything longer is rejected before any work. */
export const MAX_LOOKUP_LENGTH = 320;

/**
 * Classifies free text typed into a console as an email or a phone number and normalises it. Anything with
 * an `@` is treated as an email; otherwise digits with phone punctuation as a phone.
 */
export function classifyLookup(query: string, defaultRegion: CountryCode): LookupClassification {
  const text = query.trim();
  if (text === '') return { kind: 'invalid', reason: 'the lookup string is empty' };
  if (text.length > MAX_LOOKUP_LENGTH) return { kind: 'invalid', reason: `the lookup string is longer than ${MAX_LOOKUP_LENGTH} characters` };
  if (text.includes('@')) {
    const email = normalizeEmail(text);
    return email ? { kind: 'key', key: { kind: 'email', value: email } } : { kind: 'invalid', reason: 'not a valid email address' };
  }
  if (/^[+\d\s().\-/]+$/.test(text)) {
    const phone = normalizePhone(text, defaultRegion);
    return phone ? { kind: 'key', key: { kind: 'phone', value: phone } } : { kind: 'invalid', reason: `not a possible phone number in region ${defaultRegion}` };
  }
  return { kind: 'invalid', reason: 'expected an email address or a phone number' };
}
