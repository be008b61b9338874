import { buildSchema, type GraphQLSchema } from 'graphql';
import { SHOPIFY_ADMIN_SDL } from './shopifyAdminSdl.js';

/**
 * Builds the sandbox's executable Shopify Admin schema (SDL subset, default field resolvers reading the
 * view objects from createRootValue). Node's concrete type is read from each view's `__typename`.
 */
export function buildShopifySchema(): GraphQLSchema {
  return buildSchema(SHOPIFY_ADMIN_SDL);
}
