import type { BlockingKey } from '../adapters/types.js';

/** Stable text form of a blocking key, used as a cache and map key (`email:jane@example.com`). */
export function keyOf(key: BlockingKey): string {
  switch (key.kind) {
    case 'email':
    case 'phone':
      return `${key.kind}:${key.value}`;
    case 'name':
      return `name:${key.family.toLowerCase()}|${(key.given ?? '').toLowerCase()}`;
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
