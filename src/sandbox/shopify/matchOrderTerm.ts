import type { ShopifyOrder } from '../dataset/types.js';
import { compareMatches, textMatches, type SearchTerm } from './matchesSearch.js';

/**
 * Whether an order satisfies one search term. Supported fields: `customer_id`, `id` (with comparators),
 * `name` (with or without `#`), `financial_status`, `fulfillment_status`, `created_at`/`processed_at`/
 * `updated_at` (comparators on ISO text); free text matches the order name. Any other field matches nothing.
 */
export function matchOrderTerm(order: ShopifyOrder, term: SearchTerm): boolean {
  const { value } = term;
  switch (term.field) {
    case null:
    case 'name':
      return textMatches(order.name.replace(/^#/, ''), value.replace(/^#/, ''));
    case 'customer_id':
      return compareMatches(order.customerId, term.comparator, value);
    case 'id':
      return compareMatches(order.id, term.comparator, value);
    case 'financial_status':
      return textMatches(order.displayFinancialStatus, value);
    case 'fulfillment_status':
      return textMatches(order.displayFulfillmentStatus, value);
    case 'created_at':
      return compareMatches(order.createdAt, term.comparator, value);
    case 'processed_at':
      return compareMatches(order.processedAt, term.comparator, value);
    case 'updated_at':
      return compareMatches(order.updatedAt, term.comparator, value);
    default:
      return false;
  }
}
