import type { Activity, IdentityRecord, Order, Ticket } from '../domain/index.js';

/**
 * A blocking key: what the identity layer asks a source to search by (DESIGN.md §5, several passes). Values
 * arrive **normalised** (email trimmed + lower case, phone in E.164, names as `normalizeName` gives them,
 * dates ISO 8601, postcodes as `normalizePostcode`); the adapter renders them in its vendor's search syntax.
 * - `name`: family name equal (case-insensitive), and the given name too when the key has one. The
 *   identity layer also sends it with given and family swapped, to find records keyed in the other order.
 * - `namePhonetic`: Double Metaphone primary codes of the family (and given) name; for sources that can
 *   index them (file sources), not vendor APIs.
 * - `namePrefix`: the family name starts with `family` (2+ characters) and the given name with `given`;
 *   for vendors that offer prefix search only (SOQL `LIKE 'abc%'`, Shopify `last_name:abc*`).
 * - `birthDate`: birth date equal (`YYYY-MM-DD`).
 * - `postcodeStreet`: postcode equal and the normalised street line starts with `street`.
 * - `identifier`: a named identifier (`loyaltyNumber`, `externalId`) equal.
 */
export type BlockingKey =
  | { readonly kind: 'email'; readonly value: string }
  | { readonly kind: 'phone'; readonly value: string }
  | { readonly kind: 'name'; readonly family: string; readonly given: string | null }
  | { readonly kind: 'namePhonetic'; readonly family: string; readonly given: string | null }
  | { readonly kind: 'namePrefix'; readonly family: string; readonly given: string | null }
  | { readonly kind: 'birthDate'; readonly value: string }
  | { readonly kind: 'postcodeStreet'; readonly postcode: string; readonly street: string }
  | { readonly kind: 'identifier'; readonly type: string; readonly value: string }
  | LookupBlockingKey;

/**
 * Agent-console lookup keys (issue 14): a number a caller quotes, answered with the **owner** record(s) of
 * the thing it names. `orderNumber` is a commerce order's name or number as printed (`#1001` or `1001`;
 * the adapter strips `#`); `ticketNumber` is a support ticket id (Zendesk) or case number (Salesforce
 * CaseNumber, zero-padding optional). Only sources that list the kind in `capabilities.lookupKinds` are asked.
 */
export type LookupBlockingKey = { readonly kind: 'orderNumber'; readonly value: string } | { readonly kind: 'ticketNumber'; readonly value: string };

/** The kinds of {@link LookupBlockingKey}. */
export type LookupKeyKind = LookupBlockingKey['kind'];

/** The kinds of {@link BlockingKey}. */
export type BlockingKeyKind = BlockingKey['kind'];

/** Per-call context handed to every adapter method. */
export interface CallContext {
  /** Aborted when the request's deadline passes or the client goes away; pass it to the HTTP client. */
  readonly signal?: AbortSignal | undefined;
  /** When the request's deadline passes (ms since the epoch); retries only wait when the wait fits before it. */
  readonly deadlineAt?: number | undefined;
  /** Told about every adapter call made for the request (source status, metrics). */
  readonly observer?: CallObserver | undefined;
  /**
   * Records per search key past which the identity layer treats the key as generic (too common to link).
   * A search may stop reading pages for a key once it holds more than this many records, and return
   * `maxSearchResults + 1` of them. Absent: every match is returned.
   */
  readonly maxSearchResults?: number | undefined;
  /**
   * Send now: the request is alone in the gateway and its calls were started early, before GraphQL
   * execution reaches the fields (`Loaders.startNow`). Layers that hold a call for a turn to merge it with other
   * requests' calls (`createCoalescer`) send it at once instead.
   */
  readonly urgent?: boolean | undefined;
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

/** The related lists a fused read ({@link SourceAdapter.fetchWithRelated}) brings along with each record. */
export interface RelatedWant {
  readonly orders: boolean;
  readonly tickets: boolean;
  readonly activities: boolean;
  /**
   * Order line items (default true). False lets a source leave them out (`lineItems: []`) when no field of
   * the operation reads them.
   */
  readonly lineItems?: boolean;
  /**
   * At most this many newest orders per customer (absent: all), for an operation that shows only a first page
   * and no figure computed from all orders. A source that honours it answers `ordersTotal`; one that cannot
   * count without fetching them all ignores it.
   */
  readonly ordersFirst?: number;
}

/**
 * One id's answer to a fused read: the identity record (`null` where the id does not exist) and each list
 * asked for in {@link RelatedWant}, newest first, as the `*ByOwner` methods give it. A list that failed while
 * the record arrived holds its Error; a list not asked for is absent.
 */
export interface RecordWithRelated {
  readonly record: IdentityRecord | null;
  readonly orders?: Order[] | Error;
  /** Present when `orders` holds only the newest of the customer's orders (see `RelatedWant.ordersFirst`): how many there are. */
  readonly ordersTotal?: number;
  readonly tickets?: Ticket[] | Error;
  readonly activities?: Activity[] | Error;
}

/** Which record kinds a source can serve; the gateway only calls what is declared. */
export interface SourceCapabilities {
  readonly search: boolean;
  /**
   * The blocking-key kinds `search` serves; keys of other kinds are never sent to this source. Empty when
   * `search` is false.
   */
  readonly searchKeys: readonly BlockingKeyKind[];
  readonly orders: boolean;
  readonly tickets: boolean;
  readonly activities: boolean;
  /** Console lookup keys `search` answers (issue 14); absent or empty = none. */
  readonly lookupKinds?: readonly LookupKeyKind[];
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
   * True when every call answers with records and lists built for that call alone (parsed from its response or
   * rows), which the adapter does not keep: the resilience layer then writes each value's provenance (`fetch`)
   * onto it instead of copying it (issue 17: the copies were a third of what survived young-generation
   * collections). Merged calls (`createCoalescer`) hand the same values to each request they served, which
   * all stamp the same live fetch. Leave it unset when the adapter serves objects it holds (file sources).
   */
  readonly freshValues?: boolean;
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
  /**
   * Records by id **and** their related lists in as few upstream calls as the vendor allows (one Shopify
   * `nodes(ids:)` with each customer's orders; one SOQL on Contact with Case/Task child sub-queries). The
   * per-request loaders use it when the same operation asks for records and lists of a source at once, so a
   * warm 360 asks such a source once. Results keep key order and length, like every batch method; the lists
   * are the same lists the `*ByOwner` methods return. Only sources whose API can fuse implement it.
   */
  fetchWithRelated?(ids: readonly string[], want: RelatedWant, ctx: CallContext): Promise<BatchResult<RecordWithRelated>>;
  /**
   * Up to `limit` identity records, in any order, for training match weights (`c360 identity train`). File
   * sources return their records; a source without it contributes the records that searches find.
   */
  sample?(limit: number, ctx: CallContext): Promise<IdentityRecord[]>;
  /** Releases sockets and timers. */
  close?(): Promise<void>;
}
