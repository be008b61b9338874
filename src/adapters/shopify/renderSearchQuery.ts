import type { BlockingKey } from '../types.js';

/** The blocking-key kinds Shopify's customer search can serve. */
export type SearchableKind = 'email' | 'phone' | 'name';

/**
 * One key in Shopify search syntax (https://shopify.dev/docs/api/usage/search-syntax), pure:
 * `email:"jane@example.com"` (trimmed, lower case), `phone:+14155551212` (quoted unless it is digits with
 * an optional `+`), `last_name:"Doe"` or `(last_name:"Doe" first_name:"Jane")`. `null` for a key Shopify
 * cannot search (identifiers) or an empty value.
 */
export function renderSearchTerm(key: BlockingKey): { kind: SearchableKind; term: string } | null {
  switch (key.kind) {
    case 'email': {
      const value = key.value.trim().toLowerCase();
      return value === '' ? null : { kind: 'email', term: `email:${quoteSearchValue(value)}` };
    }
    case 'phone': {
      const value = key.value.trim();
      if (value === '') return null;
      return { kind: 'phone', term: `phone:${/^\+?\d+$/.test(value) ? value : quoteSearchValue(value)}` };
    }
    case 'name': {
      const family = key.family.trim();
      if (family === '') return null;
      const given = key.given?.trim() ?? '';
      const lastName = `last_name:${quoteSearchValue(family)}`;
      return { kind: 'name', term: given === '' ? lastName : `(${lastName} first_name:${quoteSearchValue(given)})` };
    }
    case 'identifier':
    case 'namePhonetic':
    case 'namePrefix':
    case 'birthDate':
    case 'postcodeStreet':
    case 'orderNumber':
    case 'ticketNumber':
      // Order numbers are searched on orders (see searchOrderOwners); identifiers are not searchable.
      return null;
    default: {
      const unreachable: never = key;
      return unreachable;
    }
  }
}

/** A double-quoted search value; `"` and `\` escaped with a backslash. */
export function quoteSearchValue(value: string): string {
  return `"${value.replace(/["\\]/g, (ch) => `\\${ch}`)}"`;
}

/** Terms joined with `OR` (one query serves a whole batch of keys). */
export function orQuery(terms: readonly string[]): string {
  return terms.join(' OR ');
}
