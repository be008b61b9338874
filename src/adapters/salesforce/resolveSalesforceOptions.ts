import { inspect } from 'node:util';
import type { Logger } from 'pino';
import type { HttpClient } from '../http.js';

/** Options of createSalesforceAdapter. */
export interface SalesforceAdapterOptions {
  /** Source name, unique per gateway; becomes `ref.source` and is copied into errors. Required, non-empty. */
  readonly name: string;
  /**
   * The injected HTTP client (createHttpClient) whose base URL is the org's instance URL
   * (`https://<MyDomain>.my.salesforce.com`) and whose headers come from salesforceHeaders.
   * The adapter never closes it: its owner does.
   */
  readonly http: HttpClient;
  /** REST API version in the path, `vNN.N`. Default `'v63.0'` (Spring '25). */
  readonly apiVersion?: string;
  /**
   * Most pages (`nextRecordsUrl` hops, up to 2000 records each) followed for one query; past it the result
   * is cut off and a warning logged. Default 50.
   */
  readonly maxPages?: number;
  /** Receives warnings (cut-off results) without PII. Default: none. */
  readonly logger?: Logger;
}

/** {@link SalesforceAdapterOptions} with defaults applied and values checked. */
export interface ResolvedSalesforceOptions {
  readonly name: string;
  readonly http: HttpClient;
  readonly apiVersion: string;
  readonly maxPages: number;
  readonly logger: Logger | undefined;
}

/** Defaults of {@link SalesforceAdapterOptions}. */
export const SALESFORCE_ADAPTER_DEFAULTS = { apiVersion: 'v63.0', maxPages: 50 } as const;

/** Applies defaults and validates; throws a TypeError naming the option and showing the bad value. */
export function resolveSalesforceOptions(options: SalesforceAdapterOptions): ResolvedSalesforceOptions {
  if (typeof options !== 'object' || options === null) throw bad('options', options);
  if (typeof options.name !== 'string' || options.name.trim() === '') throw bad('name', options.name);
  if (typeof options.http !== 'object' || options.http === null || typeof options.http.request !== 'function') {
    throw new TypeError(`createSalesforceAdapter: http must be an HttpClient (see createHttpClient), got ${inspect(options.http, { depth: 0 })}`);
  }
  const apiVersion = options.apiVersion ?? SALESFORCE_ADAPTER_DEFAULTS.apiVersion;
  if (typeof apiVersion !== 'string' || !/^v\d+\.\d+$/.test(apiVersion)) throw bad('apiVersion', options.apiVersion, "like 'v63.0'");
  const maxPages = options.maxPages ?? SALESFORCE_ADAPTER_DEFAULTS.maxPages;
  if (!Number.isInteger(maxPages) || maxPages < 1) throw bad('maxPages', options.maxPages, 'a positive integer');
  if (options.logger !== undefined && typeof options.logger?.warn !== 'function') {
    throw new TypeError(`createSalesforceAdapter: logger must be a pino Logger, got ${inspect(options.logger, { depth: 0 })}`);
  }
  return { name: options.name, http: options.http, apiVersion, maxPages, logger: options.logger };
}

function bad(option: string, value: unknown, expected?: string): TypeError {
  return new TypeError(`createSalesforceAdapter: ${option} is invalid${expected ? ` (expected ${expected})` : ''}, got ${inspect(value, { depth: 0 })}`);
}
