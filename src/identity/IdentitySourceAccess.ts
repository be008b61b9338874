import type { BlockingKey, BlockingKeyKind } from '../adapters/types.js';
import type { IdentityRecord } from '../domain/index.js';

/**
 * How the identity layer reads sources during one request: through the request's DataLoaders, so concurrent
 * resolutions share batched upstream calls. Both methods reject with the source's error.
 */
export interface IdentitySourceAccess {
  /** Names of the sources that can `search`, highest priority first. */
  readonly searchableSources: readonly string[];
  /** Names of the sources whose `search` serves this key kind (see `SourceCapabilities.searchKeys`), highest priority first. */
  sourcesFor(kind: BlockingKeyKind): readonly string[];
  search(source: string, key: BlockingKey): Promise<IdentityRecord[]>;
  getById(source: string, id: string): Promise<IdentityRecord | null>;
}

/** A source that failed while resolving, reported to the client as a partial error. */
export interface ResolutionFailure {
  readonly source: string;
  readonly error: Error;
}
