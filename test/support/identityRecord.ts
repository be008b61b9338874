import type { IdentityRecord } from '../../src/domain/index.js';

/** An identity record with every list empty and every optional value null, overridden by `over`. */
export function identityRecord(source: string, id: string, over: Partial<IdentityRecord> = {}): IdentityRecord {
  return { ref: { source, id }, names: [], emails: [], phones: [], addresses: [], birthDate: null, identifiers: {}, createdAt: null, updatedAt: null, ...over };
}
