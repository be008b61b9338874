import type { IdentityRecord } from '../../domain/index.js';
import type { BlockingKey } from '../types.js';

/**
 * Whether a record returned by a batched search belongs to `key` (pure), with the comparison Shopify's
 * search applies: emails trimmed and case-insensitive, phones by digits, names case-insensitive (family,
 * and given when the key has one), name prefixes as the start of the family (and given) name,
 * case-insensitive. Keys of kinds Shopify cannot search match nothing.
 */
export function matchesKey(record: IdentityRecord, key: BlockingKey): boolean {
  switch (key.kind) {
    case 'email':
      return record.emails.some((email) => sameText(email, key.value));
    case 'phone': {
      const want = digits(key.value);
      return want !== '' && record.phones.some((phone) => digits(phone) === want);
    }
    case 'name':
      return record.names.some((name) => sameText(name.family, key.family) && (key.given === null || key.given.trim() === '' || sameText(name.given, key.given)));
    case 'namePrefix':
      return record.names.some((name) => startsWith(name.family, key.family) && (key.given === null || key.given.trim() === '' || startsWith(name.given, key.given)));
    case 'identifier':
    case 'namePhonetic':
    case 'birthDate':
    case 'postcodeStreet':
    case 'orderNumber':
    case 'ticketNumber':
      return false;
    default: {
      const unreachable: never = key;
      return unreachable;
    }
  }
}

function sameText(a: string | null, b: string): boolean {
  return a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function startsWith(text: string | null, prefix: string): boolean {
  return text !== null && text.trim().toLowerCase().startsWith(prefix.trim().toLowerCase());
}

function digits(text: string): string {
  return text.replace(/\D+/g, '');
}
