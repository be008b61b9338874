import type { OperationRegistry } from './createOperationRegistry.js';

/** A GraphQL POST body after {@link applyPersistedOperation}, and whether it runs a registered operation. */
export interface PersistedOutcome {
  readonly body: unknown;
  readonly registered: boolean;
}

/**
 * Fills in the document of a registered operation sent by id only (Apollo's persisted-query shape,
 * `extensions.persistedQuery.sha256Hash`, no `query`), and says whether the request runs a registered
 * operation (by id, or by a `query` text that is registered). Anything else passes through untouched: an
 * unknown id without `query` is answered by Apollo with `PERSISTED_QUERY_NOT_FOUND`. Pure.
 */
export function applyPersistedOperation(body: unknown, registry: OperationRegistry): PersistedOutcome {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { body, registered: false };
  const request = body as { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
  const hash = request.extensions?.persistedQuery?.sha256Hash;
  if (typeof request.query === 'string') return { body, registered: registry.isRegistered(request.query) };
  if (typeof hash !== 'string') return { body, registered: false };
  const document = registry.documentOf(hash);
  return document === undefined ? { body, registered: false } : { body: { ...request, query: document }, registered: true };
}
