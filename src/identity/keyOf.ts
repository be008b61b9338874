import type { BlockingKey } from '../adapters/types.js';

/** Stable text form of a blocking key, used as a cache and map key (`email:jane@example.com`). */
export function keyOf(key: BlockingKey): string {
  switch (key.kind) {
    case 'email':
    case 'phone':
    case 'birthDate':
      return `${key.kind}:${key.value}`;
    case 'name':
    case 'namePhonetic':
    case 'namePrefix':
      return `${key.kind}:${key.family.toLowerCase()}|${(key.given ?? '').toLowerCase()}`;
    case 'postcodeStreet':
      return `${key.kind}:${key.postcode}|${key.street}`;
    case 'identifier':
      return `identifier:${key.type}:${key.value}`;
    case 'orderNumber':
    case 'ticketNumber':
      return `${key.kind}:${key.value}`;
    default: {
      const unreachable: never = key;
      return unreachable;
    }
  }
}
