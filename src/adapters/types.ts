import type { Activity, IdentityRecord, Order, Ticket } from '../domain/index.js';

/**
 * A blocking key: what the identity layer asks a source to search by. Values arrive **normalised**
 * (email trimmed + lower case, phone in E.164); the adapter renders them in its vendor's search syntax.
 */
export type BlockingKey =
  | { readonly kind: 'email'; readonly value: string }
  | { readonly kind: 'phone'; readonly value: string }
  | { readonly kind: 'name'; readonly family: string; readonly given: string | null }
  | { readonly kind: 'identifier'; readonly type: string; readonly value: string };

/** Per-call context handed to every adapter method. */
export interface CallContext {
  /** Aborted when the request's deadline passes or the client goes away; pass it to the HTTP client. */
  readonly signal?: AbortSignal | undefined;
  /** When the request's deadline passes (ms since the epoch); retries only wait when the wait fits before it. */
  readonly deadlineAt?: number | undefined;
  /** Told about every adapter call made for the request (source status, metrics). */
  readonly observer?: CallObserver | undefined;
}

/** How one source fared for a request (or one call), worst first: see `extensions.sources`. */
export type SourceStatus = 'OK' | 'STALE' | 'TIMEOUT' | 'ERROR' | 'RATE_LIMITED' | 'CIRCUIT_OPEN';

/** What the resilience layer reports after each adapter call (one batch method call, all its attempts). */
export interface SourceCallReport {
  readonly source: string;
  /** Adapter method: `search`, `getByIds`, `ordersByOwner`, ... */
  readonly operation: string;
  readonly status: SourceStatus;
  /** Wall time of the call including retries and waits, ms. */
  readonly latencyMs: number;
  /**
   * Upstream HTTP requests sent (every attempt, page and chunk; a file source: one per attempt); 0 when served
   * from cache or refused by the breaker/bulkhead.
   */
  readonly calls: number;
  readonly retries: number;
  /** Keys answered from the record cache (fresh or stale). */
  readonly cacheHits: number;
  /** Keys asked for (cache hit ratio = cacheHits / keys). */
  readonly keys: number;
  /** Client error code of the failure when status is not OK (also when stale values covered it). */
  readonly errorCode?: string | undefined;
  /** Oldest stale value served, ms. */
  readonly staleAgeMs?: number | undefined;
  /** Failure message for a stale answer's error (no PII: upstream errors are redacted). */
  readonly errorMessage?: string | undefined;
}

/** Receives {@link SourceCallReport}s; must not throw. */
export interface CallObserver {
  onCall(report: SourceCallReport): void;
}

/**
 * The result of a batch method: one entry per input key, **in input order**. A missing record is `null`
 * (for getByIds) or `[]` (for lists); a failure of one key is an `Error` in its slot. A failure of the whole
 * upstream call rejects the promise (or fills every slot with the same error).
 */
export type BatchResult<T> = Array<T | Error>;

/** Which record kinds a source can serve; the gateway only calls what is declared. */
export interface SourceCapabilities {
  readonly search: boolean;
  readonly orders: boolean;
  readonly tickets: boolean;
  readonly activities: boolean;
}

/**
 * The port every source implements (DESIGN.md §4). Methods are batch functions suitable for DataLoader:
 * results keep key order and length; wire types never leave the adapter.
 */
export interface SourceAdapter {
  /** Configured source name, unique per gateway; used in refs, errors and metrics. */
  readonly name: string;
  /** Adapter kind (`salesforce`, `shopify`, `zendesk`, ...). */
  readonly kind: string;
  readonly capabilities: SourceCapabilities;
  /**
   * Candidate identity records per blocking key. A key kind the source cannot search gives `[]`.
   * Each result lists every record that matches (never silently truncated past the adapter's documented
   * cap, which is logged).
   */
  search(keys: readonly BlockingKey[], ctx: CallContext): Promise<BatchResult<IdentityRecord[]>>;
  /** Identity records by source id; `null` where the id does not exist. */
  getByIds(ids: readonly string[], ctx: CallContext): Promise<BatchResult<IdentityRecord | null>>;
  /** Orders owned by each customer record id, newest first. Only when `capabilities.orders`. */
  ordersByOwner?(ownerIds: readonly string[], ctx: CallContext): Promise<BatchResult<Order[]>>;
  /** Tickets or cases raised by each record id, newest first. Only when `capabilities.tickets`. */
  ticketsByOwner?(ownerIds: readonly string[], ctx: CallContext): Promise<BatchResult<Ticket[]>>;
  /** Tasks, calls and other activities about each record id, newest first. Only when `capabilities.activities`. */
  activitiesByOwner?(ownerIds: readonly string[], ctx: CallContext): Promise<BatchResult<Activity[]>>;
  /** Releases sockets and timers. */
  close?(): Promise<void>;
}
