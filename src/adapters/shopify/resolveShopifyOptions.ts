import { inspect } from 'node:util';
import type { Logger } from 'pino';
import type { HttpClient } from '../http.js';

/** Options of createShopifyAdapter. */
export interface ShopifyAdapterOptions {
  /** Source name, unique per gateway; becomes `ref.source` and is copied into errors. Required, non-empty. */
  readonly name: string;
  /**
   * The injected HTTP client (createHttpClient) whose base URL is the shop URL
   * (`https://<shop>.myshopify.com`) and whose headers come from shopifyHeaders.
   * The adapter never closes it: its owner does.
   */
  readonly http: HttpClient;
  /** GraphQL Admin API version in the path: `YYYY-MM` or `unstable`. Default `'2025-10'`. */
  readonly apiVersion?: string;
  /**
   * Most pages followed for one connection (one search query, one customer's orders, one order's line
   * items), counting the first; past it the list is cut off and a warning logged. Default 50.
   */
  readonly maxPages?: number;
  /**
   * Orders per page (1–250) when following a customer's orders past the first page, and the most asked for
   * per customer in the first batched call. Lowered automatically so each call stays within Shopify's
   * 1000-point query cost (one customer at the default line-item page size: 49 orders). Default 250, i.e.
   * as many as the cost cap allows: every page is a sequential round trip (a 1,000-order customer takes 21
   * rounds at 49 per page, 40 at 25).
   */
  readonly ordersPageSize?: number;
  /**
   * Line items fetched with each order (1–250); an order with more gets follow-up calls for the rest.
   * Each line item costs 3 points per order per customer, so small values keep batches large. Default 5.
   */
  readonly lineItemsPageSize?: number;
  /** Receives warnings (cut-off lists, partial GraphQL errors) without PII. Default: none. */
  readonly logger?: Logger;
}

/** {@link ShopifyAdapterOptions} with defaults applied and values checked. */
export interface ResolvedShopifyOptions {
  readonly name: string;
  readonly http: HttpClient;
  readonly apiVersion: string;
  readonly maxPages: number;
  readonly ordersPageSize: number;
  readonly lineItemsPageSize: number;
  readonly logger: Logger | undefined;
}

/** Defaults of {@link ShopifyAdapterOptions}. */
export const SHOPIFY_ADAPTER_DEFAULTS = { apiVersion: '2025-10', maxPages: 50, ordersPageSize: 250, lineItemsPageSize: 5 } as const;

/** Applies defaults and validates; throws a TypeError naming the option and showing the bad value. */
export function resolveShopifyOptions(options: ShopifyAdapterOptions): ResolvedShopifyOptions {
  if (typeof options !== 'object' || options === null) throw bad('options', options);
  if (typeof options.name !== 'string' || options.name.trim() === '') throw bad('name', options.name, 'a non-empty string');
  if (typeof options.http !== 'object' || options.http === null || typeof options.http.request !== 'function') {
    throw new TypeError(`createShopifyAdapter: http must be an HttpClient (see createHttpClient), got ${inspect(options.http, { depth: 0 })}`);
  }
  const apiVersion = options.apiVersion ?? SHOPIFY_ADAPTER_DEFAULTS.apiVersion;
  if (typeof apiVersion !== 'string' || !/^(\d{4}-(0[1-9]|1[0-2])|unstable)$/.test(apiVersion)) {
    throw bad('apiVersion', options.apiVersion, "'YYYY-MM' or 'unstable'");
  }
  const maxPages = options.maxPages ?? SHOPIFY_ADAPTER_DEFAULTS.maxPages;
  if (!Number.isInteger(maxPages) || maxPages < 1) throw bad('maxPages', options.maxPages, 'a positive integer');
  const ordersPageSize = options.ordersPageSize ?? SHOPIFY_ADAPTER_DEFAULTS.ordersPageSize;
  if (!Number.isInteger(ordersPageSize) || ordersPageSize < 1 || ordersPageSize > 250) {
    throw bad('ordersPageSize', options.ordersPageSize, 'an integer from 1 to 250');
  }
  const lineItemsPageSize = options.lineItemsPageSize ?? SHOPIFY_ADAPTER_DEFAULTS.lineItemsPageSize;
  if (!Number.isInteger(lineItemsPageSize) || lineItemsPageSize < 1 || lineItemsPageSize > 250) {
    throw bad('lineItemsPageSize', options.lineItemsPageSize, 'an integer from 1 to 250');
  }
  if (options.logger !== undefined && typeof options.logger?.warn !== 'function') {
    throw new TypeError(`createShopifyAdapter: logger must be a pino Logger, got ${inspect(options.logger, { depth: 0 })}`);
  }
  return { name: options.name, http: options.http, apiVersion, maxPages, ordersPageSize, lineItemsPageSize, logger: options.logger };
}

function bad(option: string, value: unknown, expected?: string): TypeError {
  return new TypeError(`createShopifyAdapter: ${option} is invalid${expected ? ` (expected ${expected})` : ''}, got ${inspect(value, { depth: 0 })}`);
}
