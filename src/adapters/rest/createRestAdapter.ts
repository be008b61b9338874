import { isBlockingKeyKind } from '../blockingKeyParams.js';
import type { Logger } from 'pino';
import type { IdentityRecord, SourceRef } from '../../domain/index.js';
import type { HttpClient } from '../http.js';
import { MappingError, newestFirst, ownerOf, toActivity, toIdentityRecord, toOrder, toTicket } from '../mappedRecords.js';
import type { BatchResult, CallContext, SourceAdapter } from '../types.js';
import { UpstreamError } from '../UpstreamError.js';
import { callRestEndpoint, compileEndpoint, type CompiledEndpoint, type RestCallDeps } from './callRestEndpoint.js';
import { compileExpression, type Expression } from './compileExpression.js';
import { createRestAuth } from './createRestAuth.js';
import type { RestSecrets, RestSourceSettings } from './restSourceSchema.js';

/** Options of {@link createRestAdapter}. */
export interface RestAdapterOptions {
  readonly settings: RestSourceSettings;
  /** Secrets read from the environment by the config loader (token, password, client secret, ...). */
  readonly secrets?: RestSecrets;
  /** Client of `baseUrl` (keep-alive, timeout); no auth headers: the adapter adds them per call. */
  readonly http: HttpClient;
  /** Client of the OAuth2 token URL's origin (auth `oauth2ClientCredentials` only). */
  readonly tokenHttp?: HttpClient;
  readonly logger?: Logger | undefined;
}

/**
 * A `kind: rest` source (issue 15): a JSON/REST API described by config only. Each capability is an endpoint
 * template (see restSourceSchema) called with batch style `each` (one call per id or key, `concurrency` at
 * once) or `all` (one call per `max` ids, results matched back by the mapped `id` / `owner`); pages followed
 * per `pagination`; items mapped by JSONata (`identity`, `map`) onto the shared flat records. getByIds: a
 * 404 in style `each` is `null`. search: one call per key of a kind that has an endpoint, `[]` for other
 * kinds. A failed call rejects the batch with an UpstreamError (see callRestEndpoint for the status mapping,
 * Retry-After and X-RateLimit-* handling, which the resilience layer honours); an item the mapping cannot
 * read fails only its key with SOURCE_BAD_RESPONSE. Lifetime: one per gateway.
 */
export function createRestAdapter(options: RestAdapterOptions): SourceAdapter {
  const { settings } = options;
  const source = settings.name;
  const deps: RestCallDeps = {
    source,
    http: options.http,
    auth: createRestAuth(source, settings.auth, options.secrets ?? {}, options.tokenHttp),
    rateLimit: settings.rateLimit,
    pause: { until: 0 },
  };
  const identity = compileExpression(settings.identity);
  const getByIds = compileEndpoint(settings.getByIds);
  const search = new Map(Object.entries(settings.search).map(([kind, spec]) => [kind, compileEndpoint(spec)] as const));
  // Search calls one endpoint per key: as many in flight as the most permissive search endpoint allows.
  const searchConcurrency = Math.max(1, ...[...search.values()].map((endpoint) => endpoint.spec.concurrency));
  const related = (spec: RestSourceSettings['orders']) => (spec ? { endpoint: compileEndpoint(spec), map: compileExpression(spec.map), batch: spec.batch } : undefined);
  const orders = related(settings.orders);
  const tickets = related(settings.tickets);
  const activities = related(settings.activities);

  const truncated = (capability: string) => (pages: number) => options.logger?.warn({ source, capability, pages }, 'rest source: more pages than pagination.maxPages; the rest is not read');
  const badItem = (capability: string, error: unknown) =>
    new UpstreamError({ source, kind: 'bad_response', message: `${capability}: ${error instanceof MappingError ? error.message : `mapping failed: ${(error as Error).message}`}` });

  async function mapItem<T>(capability: string, expression: Expression, item: unknown, convert: (flat: unknown) => T): Promise<{ flat: unknown; value: T | Error }> {
    let flat: unknown;
    try {
      flat = await expression.evaluate(item);
      return { flat, value: convert(flat) };
    } catch (error) {
      return { flat, value: badItem(capability, error) };
    }
  }

  /** Calls `endpoint` for `ids` in its batch style; resolves to the items per call with the ids each call was for. */
  async function callForIds(capability: string, endpoint: CompiledEndpoint, batch: { style: 'each' | 'all'; max: number }, ids: readonly string[], ctx: CallContext, notFoundAsNull: boolean) {
    const unique = [...new Set(ids)];
    const groups = batch.style === 'each' ? unique.map((id) => [id]) : chunk(unique, batch.max);
    return mapLimited(groups, endpoint.spec.concurrency, async (group) => ({
      ids: group,
      items: await callRestEndpoint(deps, endpoint, capability, batch.style === 'each' ? { id: group[0] } : { ids: group }, ctx, { notFoundAsNull, onTruncated: truncated(capability) }),
    }));
  }

  function owned<T>(capability: string, spec: ReturnType<typeof related>, convert: (owner: SourceRef, flat: unknown) => T, at: (item: T) => string) {
    if (!spec) return undefined;
    return async (ownerIds: readonly string[], ctx: CallContext): Promise<BatchResult<T[]>> => {
      if (ownerIds.length === 0) return [];
      const byOwner = new Map<string, Array<T | Error>>();
      for (const call of await callForIds(capability, spec.endpoint, spec.batch, ownerIds, ctx, true)) {
        for (const item of call.items ?? []) {
          let owner: string | null = spec.batch.style === 'each' ? call.ids[0]! : null;
          const mapped = await mapItem(capability, spec.map, item, (flat) => {
            owner ??= ownerOf(flat);
            if (owner === null) throw new MappingError(`mapped record: owner: is required when batch.style is all`);
            return convert({ source, id: owner }, flat);
          });
          if (owner !== null) byOwner.set(owner, [...(byOwner.get(owner) ?? []), mapped.value]);
        }
      }
      return ownerIds.map((id) => {
        const items = byOwner.get(id) ?? [];
        return items.find((i): i is Error => i instanceof Error) ?? newestFirst(items as T[], at);
      });
    };
  }

  const ordersByOwner = owned('ordersByOwner', orders, toOrder, (o) => o.createdAt);
  const ticketsByOwner = owned('ticketsByOwner', tickets, toTicket, (t) => t.createdAt);
  const activitiesByOwner = owned('activitiesByOwner', activities, toActivity, (a) => a.occurredAt);

  return {
    name: source,
    kind: 'rest',
    // Every call builds its records from its own response: provenance is stamped on them, not on copies.
    freshValues: true,
    capabilities: { search: search.size > 0, searchKeys: [...search.keys()].filter(isBlockingKeyKind), orders: orders !== undefined, tickets: tickets !== undefined, activities: activities !== undefined },
    async getByIds(ids, ctx): Promise<BatchResult<IdentityRecord | null>> {
      if (ids.length === 0) return [];
      const byId = new Map<string, IdentityRecord | Error>();
      for (const call of await callForIds('getByIds', getByIds, settings.getByIds.batch, ids, ctx, settings.getByIds.batch.style === 'each')) {
        for (const item of call.items ?? []) {
          const mapped = await mapItem('getByIds', identity, item, (flat) => toIdentityRecord(source, flat));
          const id = mapped.value instanceof Error ? (settings.getByIds.batch.style === 'each' ? call.ids[0]! : ownerOf({ owner: (mapped.flat as { id?: unknown } | undefined)?.id })) : mapped.value.ref.id;
          if (id !== null && !byId.has(id)) byId.set(id, mapped.value);
        }
      }
      return ids.map((id) => byId.get(id) ?? null);
    },
    async search(keys, ctx): Promise<BatchResult<IdentityRecord[]>> {
      return mapLimited(keys, searchConcurrency, async (key) => {
        const endpoint = search.get(key.kind);
        if (!endpoint) return [];
        const capability = `search.${key.kind}`;
        const items = (await callRestEndpoint(deps, endpoint, capability, { key }, ctx, { onTruncated: truncated(capability) })) ?? [];
        const found: IdentityRecord[] = [];
        for (const item of items) {
          const mapped = await mapItem(capability, identity, item, (flat) => toIdentityRecord(source, flat));
          if (mapped.value instanceof Error) return mapped.value;
          const record = mapped.value;
          if (!found.some((r) => r.ref.id === record.ref.id)) found.push(record);
        }
        return found;
      });
    },
    ...(ordersByOwner ? { ordersByOwner } : {}),
    ...(ticketsByOwner ? { ticketsByOwner } : {}),
    ...(activitiesByOwner ? { activitiesByOwner } : {}),
  };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `fn` over `items` with at most `limit` in flight; results in input order; the first rejection rejects. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
