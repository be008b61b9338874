import type { CountryCode } from 'libphonenumber-js';
import type { BlockingKey } from '../adapters/types.js';
import type { IdentityRecord } from '../domain/index.js';
import { normalizeEmail } from './normalizeEmail.js';
import { normalizePhone } from './normalizePhone.js';

/** The exact-match keys of one record: its normalised emails and phones, without duplicates. */
export function recordKeys(record: IdentityRecord, defaultRegion: CountryCode): Array<Extract<BlockingKey, { kind: 'email' | 'phone' }>> {
  const keys = new Map<string, Extract<BlockingKey, { kind: 'email' | 'phone' }>>();
  for (const raw of record.emails) {
    const value = normalizeEmail(raw);
    if (value) keys.set(`email:${value}`, { kind: 'email', value });
  }
  for (const raw of record.phones) {
    const value = normalizePhone(raw, defaultRegion);
    if (value) keys.set(`phone:${value}`, { kind: 'phone', value });
  }
  return [...keys.values()];
}
