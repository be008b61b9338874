import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import { GatewayErrorCode, gatewayError } from '../errors.js';
import { classifyLookup, decodeCustomerId, type KeyMatch, type ResolutionFailure } from '../identity/index.js';
import type { SourceRef } from '../domain/index.js';
import type { CustomerParent } from './Customer.js';
import { sourceError } from './sourceError.js';

/** Most ids `customers(ids:)` takes in one call. */
export const MAX_CUSTOMERS_PER_QUERY = 100;
const MAX_SOURCE_ID_LENGTH = 256;

function reportFailures(failures: readonly ResolutionFailure[], context: GatewayContext, info: GraphQLResolveInfo): void {
  for (const failure of failures) context.partialErrors.push(sourceError(failure.error, failure.source, info));
}

async function customerByRef(ref: SourceRef, context: GatewayContext, info: GraphQLResolveInfo, notFound: string): Promise<CustomerParent> {
  if (!context.loaders.source(ref.source)) throw gatewayError(GatewayErrorCode.NotFound, notFound);
  let resolved;
  try {
    resolved = await context.identity.resolveRef(ref, context.loaders.identityAccess);
  } catch (error) {
    throw sourceError(error, ref.source);
  }
  if (!resolved.value) throw gatewayError(GatewayErrorCode.NotFound, notFound);
  reportFailures(resolved.failures, context, info);
  return { cluster: resolved.value };
}

async function customerById(id: string, context: GatewayContext, info: GraphQLResolveInfo): Promise<CustomerParent> {
  const anchor = decodeCustomerId(id);
  if (!anchor) throw gatewayError(GatewayErrorCode.BadUserInput, 'not a customer id: use an id returned in Customer.id', { argument: 'id' });
  return customerByRef(anchor, context, info, 'no customer with this id: its records no longer exist in any configured source');
}

function describeCandidate(match: KeyMatch, kind: string, others: number): string {
  const where = match.matchedRefs.map((r) => r.source).join(', ');
  return `${match.matchedRefs.length} record(s) of this person carry the ${kind} (${where}); ${others} other person(s) carry it too`;
}

/** Resolvers of the `Query` type. */
export const Query = {
  customer: (_root: unknown, args: { id: string }, context: GatewayContext, info: GraphQLResolveInfo) => customerById(args.id, context, info),

  customers: async (_root: unknown, args: { ids: readonly string[] }, context: GatewayContext, info: GraphQLResolveInfo) => {
    if (args.ids.length > MAX_CUSTOMERS_PER_QUERY) {
      throw gatewayError(GatewayErrorCode.BadUserInput, `at most ${MAX_CUSTOMERS_PER_QUERY} ids per call, got ${args.ids.length}`, { argument: 'ids' });
    }
    // An Error in a list slot becomes an error at that index; the other customers still resolve.
    return Promise.all(args.ids.map((id) => customerById(id, context, info).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))));
  },

  customerBySource: (_root: unknown, args: { source: string; id: string }, context: GatewayContext, info: GraphQLResolveInfo) => {
    if (!context.loaders.source(args.source)) {
      throw gatewayError(GatewayErrorCode.UnknownSource, `no source named ${JSON.stringify(args.source.slice(0, 64))}; see Query.sources`, {
        argument: 'source',
        known: context.loaders.sourceNames,
      });
    }
    const id = args.id.trim();
    if (id === '' || id.length > MAX_SOURCE_ID_LENGTH) {
      throw gatewayError(GatewayErrorCode.BadUserInput, `id must be 1..${MAX_SOURCE_ID_LENGTH} characters`, { argument: 'id' });
    }
    return customerByRef({ source: args.source, id }, context, info, `no record ${id} in source ${args.source}`);
  },

  customerLookup: async (_root: unknown, args: { query: string }, context: GatewayContext, info: GraphQLResolveInfo) => {
    const classified = classifyLookup(args.query, context.defaultRegion);
    if (classified.kind === 'invalid') throw gatewayError(GatewayErrorCode.InvalidLookup, `cannot look up this string: ${classified.reason}`, { argument: 'query' });
    const { key } = classified;
    const resolved = await context.identity.resolveKey(key, context.loaders.identityAccess);
    reportFailures(resolved.failures, context, info);
    const keyOut = { kind: key.kind === 'email' ? 'EMAIL' : 'PHONE', normalized: key.value };
    const resolution = resolved.value;
    switch (resolution.status) {
      case 'matched':
        return { status: 'MATCHED', key: keyOut, customer: { cluster: resolution.match.cluster }, candidates: [] };
      case 'ambiguous':
        return {
          status: 'AMBIGUOUS',
          key: keyOut,
          customer: null,
          candidates: resolution.matches.map((match) => ({
            customer: { cluster: match.cluster },
            reason: describeCandidate(match, key.kind, resolution.matches.length - 1),
            matchedRecords: match.matchedRefs,
          })),
        };
      case 'unmatched':
        return { status: 'NOT_FOUND', key: keyOut, customer: null, candidates: [] };
      default: {
        const unreachable: never = resolution;
        return unreachable;
      }
    }
  },

  sources: (_root: unknown, _args: unknown, context: GatewayContext) =>
    context.sources.map((source) => ({ ...source, breaker: context.breakerState?.(source.name) ?? 'CLOSED' })),
};
