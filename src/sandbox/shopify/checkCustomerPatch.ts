import type { CustomerPatch, ShopifyStore } from './createShopifyStore.js';

/** Fields a customer update may change, by their GraphQL (camelCase) names. */
export const PATCHABLE_CUSTOMER_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'note', 'tags'] as const;

/**
 * Internal: Shopify's validation of a customer update, shared by the REST and GraphQL endpoints. `input` holds
 * camelCase fields (already mapped from REST's snake_case); returns the patch, or the problems per field
 * (Shopify's messages: "is invalid", "has already been taken").
 */
export function checkCustomerPatch(input: Readonly<Record<string, unknown>>, store: ShopifyStore, id: number): { readonly patch: CustomerPatch } | { readonly errors: Readonly<Record<string, string>> } {
  const patch: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of PATCHABLE_CUSTOMER_FIELDS) {
    if (!(field in input) || input[field] === undefined) continue;
    const value = input[field];
    if (field === 'tags') {
      if (!Array.isArray(value) || value.some((tag) => typeof tag !== 'string')) errors[field] = 'is invalid';
      else patch[field] = (value as string[]).map((tag) => tag.trim()).filter(Boolean);
    } else if (value !== null && typeof value !== 'string') errors[field] = 'is invalid';
    else patch[field] = value === '' ? null : value;
  }
  const email = patch['email'];
  if (typeof email === 'string') {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors['email'] = 'is invalid';
    else if (store.customers.some((c) => c.id !== id && c.email?.toLowerCase() === email.toLowerCase())) errors['email'] = 'has already been taken';
  }
  return Object.keys(errors).length > 0 ? { errors } : { patch: patch as CustomerPatch };
}
