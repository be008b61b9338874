import type { GraphQLError } from 'graphql';
import type { CountryCode } from 'libphonenumber-js';
import type { Logger } from 'pino';
import type { SourceAdapter } from './adapters/types.js';
import type { IdentityRecord } from './domain/index.js';
import type { Cluster, IdentityResolver } from './identity/index.js';
import type { Loaders } from './loaders/index.js';

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
  readonly partialErrors: GraphQLError[];
  /** Member records per cluster, memoised for this request. */
  readonly members: WeakMap<Cluster, Promise<ClusterMembers>>;
}
