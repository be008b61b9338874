export { SHOPIFY_SANDBOX_DEFAULTS, startShopifySandbox } from './startShopifySandbox.js';
export type { ShopifySandboxOptions } from './startShopifySandbox.js';
export { analyzeQuery, MAX_PAGE_SIZE } from './analyzeQuery.js';
export type { QueryAnalysis } from './analyzeQuery.js';
export { buildShopifySchema } from './buildShopifySchema.js';
export { parseSearchQuery } from './parseSearchQuery.js';
export type { SearchComparator, SearchNode } from './parseSearchQuery.js';
export { MAX_QUERY_COST } from './shopifyResponses.js';
