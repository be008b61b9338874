import type { ShopifyCustomer } from '../dataset/types.js';
import { compareMatches, digitsOf, textMatches, type SearchTerm } from './matchesSearch.js';

/**
 * Whether a customer satisfies one search term. Supported fields: `email` (trimmed, case-insensitive),
 * `phone` (digits compared), `first_name`, `last_name`, `id` (with comparators), `state`, `tag`,
 * `created_at`/`updated_at` (comparators on ISO text); a free-text term matches a prefix of the first name,
 * last name or email. Any other field matches nothing.
 */
export function matchCustomerTerm(customer: ShopifyCustomer, term: SearchTerm): boolean {
  const { value } = term;
  switch (term.field) {
    case null: {
      const want = value.trim().toLowerCase();
      if (want === '') return true;
      return [customer.firstName, customer.lastName, customer.email].some((text) => text != null && text.trim().toLowerCase().startsWith(want.replace(/\*$/, '')));
    }
    case 'email':
      return textMatches(customer.email, value);
    case 'phone': {
      const want = digitsOf(value);
      return want !== '' && digitsOf(customer.phone) === want;
    }
    case 'first_name':
      return textMatches(customer.firstName, value);
    case 'last_name':
      return textMatches(customer.lastName, value);
    case 'id':
      return compareMatches(customer.id, term.comparator, value);
    case 'state':
      return textMatches(customer.state, value);
    case 'tag':
      return customer.tags.some((tag) => textMatches(tag, value));
    case 'created_at':
      return compareMatches(customer.createdAt, term.comparator, value);
    case 'updated_at':
      return compareMatches(customer.updatedAt, term.comparator, value);
    default:
      return false;
  }
}
