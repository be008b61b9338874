export { createShopifyAdapter } from './createShopifyAdapter.js';
export type { ShopifyAdapterOptions } from './resolveShopifyOptions.js';
export { SHOPIFY_ADAPTER_DEFAULTS } from './resolveShopifyOptions.js';
export { shopifyHeaders } from './shopifyHeaders.js';
