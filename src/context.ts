import type { GraphQLError } from 'graphql';
import type { CountryCode } from 'libphonenumber-js';
import type { Logger } from 'pino';
import type { SourceAdapter } from './adapters/types.js';
import type { IdentityRecord, SourceRef } from './domain/index.js';
import type { Cluster, IdentityOverrides, IdentityResolver } from './identity/index.js';
import type { Loaders } from './loaders/index.js';
import type { AuditTrail } from './audit/AuditTrail.js';
import type { Principal } from './auth/Principal.js';
import type { Purpose } from './auth/scopes.js';
import type { UnifyConfig } from './unify/unifyConfig.js';
import type { BreakerState, SourceStatusRecorder } from './resilience/index.js';
import type { CallPlanHandle } from './resolvers/createCallPlans.js';

/** A configured source as the schema's `sources` field shows it. */
export interface SourceInfo {
  readonly name: string;
  readonly kind: string;
  readonly priority: number;
  readonly capabilities: readonly string[];
}

/** Member records of one cluster, loaded once per request. */
export interface ClusterMembers {
  /** Records that loaded, in cluster order (anchor first). */
  readonly records: readonly IdentityRecord[];
}

/**
 * Per-request context (DESIGN.md §3). Built for each HTTP request; resolvers reach sources only through
 * `loaders`. `partialErrors` collects errors for fields that still returned data (a failing source inside a
 * merged list); the partial-errors plugin appends them to the response.
 */
export interface GatewayContext {
  readonly requestId: string;
  readonly logger: Logger;
  readonly loaders: Loaders;
  readonly identity: IdentityResolver;
  readonly sources: readonly SourceInfo[];
  readonly adapters: readonly SourceAdapter[];
  readonly defaultRegion: CountryCode;
  /** Declared identifier types (`identity.identifiers`) a console lookup tries, e.g. `loyaltyNumber`. Default none. */
  readonly identifierTypes?: readonly string[];
  readonly partialErrors: GraphQLError[];
  /** Member records per cluster, memoised for this request. */
  readonly members: WeakMap<Cluster, Promise<ClusterMembers>>;
  /** Identity overrides for the link/unlink/suppress mutations; null when `identity.overrides.enabled` is false. */
  readonly identityOverrides?: IdentityOverrides | null;
  /** Who is calling, for the override audit log: the authenticated principal's subject. */
  readonly actor?: string;
  /**
   * Drops every cached value of these source records from the resilience layer's stale-if-error caches, at
   * once (erasure). Refs of unknown sources are ignored.
   */
  purgeSourceCaches(refs: readonly SourceRef[]): void;
  /** This request's per-source call tally, written to `extensions.sources` (absent outside the server). */
  readonly sourceStatus?: SourceStatusRecorder | undefined;
  /** Breaker state of a configured source (`CLOSED`, `OPEN`, `HALF_OPEN`, `ISOLATED`), for `Query.sources`. */
  readonly breakerState?: ((source: string) => BreakerState | undefined) | undefined;
  /** The `unify:` config (survivorship, segments, ...); the defaults when absent. */
  readonly unify?: UnifyConfig | undefined;
  /** The authenticated caller (set by the server before execution; absent = every guarded field is FORBIDDEN). */
  readonly principal?: Principal | undefined;
  /** Declared purpose (`x-c360-purpose`), or the role's first purpose when the header is absent. */
  readonly purpose?: Purpose | null | undefined;
  /** PII fields and customers this request touched, for the audit event. */
  readonly audit?: AuditTrail | undefined;
  /** When the request arrived, ISO 8601: "now" for metrics and the fetch time of live values. Absent = read the clock. */
  readonly requestTime?: string | undefined;
  /**
   * The plans of repeated `customer` / `customerBySource` operations and this request's operation key
   * (`performance.earlyCalls`): those resolvers remember their operation there. Absent: off, or the request has no
   * query text or persisted-query hash.
   */
  readonly callPlans?: CallPlanHandle | undefined;
}
