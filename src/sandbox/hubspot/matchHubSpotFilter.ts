import type { HubSpotContact } from './createHubSpotContacts.js';

/** One search filter as HubSpot's API takes it. */
export interface HubSpotFilter {
  readonly propertyName: string;
  readonly operator: string;
  readonly value?: unknown;
  readonly values?: unknown;
}

/** Operators the fake implements (of HubSpot's EQ NEQ LT LTE GT GTE BETWEEN IN NOT_IN HAS_PROPERTY NOT_HAS_PROPERTY CONTAINS_TOKEN NOT_CONTAINS_TOKEN). */
export const HUBSPOT_OPERATORS = ['EQ', 'NEQ', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN'] as const;

/**
 * Whether a contact passes one filter. String comparisons ignore case, as HubSpot's search does;
 * `CONTAINS_TOKEN` matches a whole word of the value, `*` as a wildcard. Pure.
 */
export function matchHubSpotFilter(contact: HubSpotContact, filter: HubSpotFilter): boolean {
  const raw = contact.properties[filter.propertyName];
  const value = raw === null || raw === undefined || raw === '' ? null : raw.toLowerCase();
  const wanted = typeof filter.value === 'string' || typeof filter.value === 'number' ? String(filter.value).toLowerCase() : null;
  const list = Array.isArray(filter.values) ? filter.values.map((v) => String(v).toLowerCase()) : [];
  switch (filter.operator) {
    case 'EQ':
      return value !== null && value === wanted;
    case 'NEQ':
      return value !== wanted;
    case 'IN':
      return value !== null && list.includes(value);
    case 'NOT_IN':
      return value === null || !list.includes(value);
    case 'HAS_PROPERTY':
      return value !== null;
    case 'NOT_HAS_PROPERTY':
      return value === null;
    case 'CONTAINS_TOKEN':
    case 'NOT_CONTAINS_TOKEN': {
      const pattern = new RegExp(`^${(wanted ?? '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      const found = value !== null && value.split(/[^\p{L}\p{N}@.*+-]+/u).some((token) => pattern.test(token));
      return filter.operator === 'CONTAINS_TOKEN' ? found : !found;
    }
    default:
      return false;
  }
}
