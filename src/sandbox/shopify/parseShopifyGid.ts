import { GraphQLError } from 'graphql';

/** A parsed Shopify global id. */
export interface ShopifyGid {
  readonly type: string;
  readonly id: number;
}

/**
 * Parses `gid://shopify/<Type>/<n>` (an optional `?query` suffix is ignored). A malformed id is a
 * GraphQL error worded like Shopify's ("Invalid global id '…'").
 */
export function parseShopifyGid(gid: string): ShopifyGid {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/.exec(gid);
  if (!match) throw new GraphQLError(`Invalid global id '${gid}'`, { extensions: { code: 'argumentLiteralsIncompatible' } });
  return { type: match[1] as string, id: Number(match[2]) };
}
