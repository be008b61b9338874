import type { Logger } from 'pino';
import type { HttpClient } from '../http.js';

/** Options of createZendeskAdapter. */
export interface ZendeskAdapterOptions {
  /** Source name, unique per gateway; becomes `ref.source` and is copied into errors. Required, non-empty. */
  readonly name: string;
  /**
   * The injected HTTP client (createHttpClient) with base URL `https://<subdomain>.zendesk.com` and the
   * auth headers from zendeskHeaders. The adapter never closes it: its owner does.
   */
  readonly http: HttpClient;
  /**
   * Most pages followed for one search key or one ticket owner; past it the list is cut off and a warning
   * logged. Default 50 (5 000 records at 100 per page).
   */
  readonly maxPages?: number;
  /** `page[size]` of the requested-tickets listing, 1..100. Default 100. */
  readonly ticketsPageSize?: number;
  /**
   * Most calls one batch keeps in flight: ticket owners listed at once (Zendesk has no per-requester batch
   * endpoint), and equally search keys and show_many chunks. Default 8.
   */
  readonly maxConcurrentOwners?: number;
  /** Receives warnings (cut-off lists) without PII. Default: none. */
  readonly logger?: Logger;
}

/** {@link ZendeskAdapterOptions} with defaults applied and values checked. */
export interface ResolvedZendeskOptions {
  readonly name: string;
  readonly http: HttpClient;
  readonly maxPages: number;
  readonly ticketsPageSize: number;
  readonly maxConcurrentOwners: number;
  readonly logger: Logger | undefined;
}

/** Defaults of {@link ZendeskAdapterOptions}. */
export const ZENDESK_ADAPTER_DEFAULTS = { maxPages: 50, ticketsPageSize: 100, maxConcurrentOwners: 8 } as const;

/** Applies defaults and validates; throws a TypeError naming the option and showing the bad value. */
export function resolveZendeskOptions(options: ZendeskAdapterOptions): ResolvedZendeskOptions {
  if (typeof options !== 'object' || options === null) throw bad('options', options);
  if (typeof options.name !== 'string' || options.name.trim() === '') throw bad('name', options.name);
  if (typeof options.http !== 'object' || options.http === null || typeof options.http.request !== 'function') {
    throw new TypeError('createZendeskAdapter: http must be an HttpClient (see createHttpClient)');
  }
  const maxPages = options.maxPages ?? ZENDESK_ADAPTER_DEFAULTS.maxPages;
  if (!Number.isInteger(maxPages) || maxPages < 1) throw bad('maxPages', options.maxPages);
  const ticketsPageSize = options.ticketsPageSize ?? ZENDESK_ADAPTER_DEFAULTS.ticketsPageSize;
  if (!Number.isInteger(ticketsPageSize) || ticketsPageSize < 1 || ticketsPageSize > 100) throw bad('ticketsPageSize', options.ticketsPageSize);
  const maxConcurrentOwners = options.maxConcurrentOwners ?? ZENDESK_ADAPTER_DEFAULTS.maxConcurrentOwners;
  if (!Number.isInteger(maxConcurrentOwners) || maxConcurrentOwners < 1) throw bad('maxConcurrentOwners', options.maxConcurrentOwners);
  if (options.logger !== undefined && typeof options.logger?.warn !== 'function') {
    throw new TypeError('createZendeskAdapter: logger must be a pino Logger');
  }
  return { name: options.name, http: options.http, maxPages, ticketsPageSize, maxConcurrentOwners, logger: options.logger };
}

function bad(option: string, value: unknown): TypeError {
  return new TypeError(`createZendeskAdapter: ${option} is invalid, got ${JSON.stringify(value) ?? String(value)}`);
}
