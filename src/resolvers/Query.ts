import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import { GatewayErrorCode, gatewayError } from '../errors.js';
import { decodeCustomerId, type ResolutionFailure } from '../identity/index.js';
import { planLookup, runLookup, type LookupReading } from '../lookup/index.js';
import type { SourceRef } from '../domain/index.js';
import type { CustomerParent } from './Customer.js';
import { sourceError } from './sourceError.js';

/** Most ids `customers(ids:)` takes in one call. */
export const MAX_CUSTOMERS_PER_QUERY = 100;
const MAX_SOURCE_ID_LENGTH = 256;

function reportFailures(failures: readonly ResolutionFailure[], context: GatewayContext, info: GraphQLResolveInfo): void {
  for (const failure of failures) context.partialErrors.push(sourceError(failure.error, failure.source, info));
}

/** `customerBySource`'s arguments as a ref of a configured source (id trimmed); throws its input errors otherwise. */
export function sourceRefOf(source: string, rawId: string, context: GatewayContext): SourceRef {
  if (!context.loaders.source(source)) {
    throw gatewayError(GatewayErrorCode.UnknownSource, `no source named ${JSON.stringify(source.slice(0, 64))}; see Query.sources`, {
      argument: 'source',
      known: context.loaders.sourceNames,
    });
  }
  const id = rawId.trim();
  if (id === '' || id.length > MAX_SOURCE_ID_LENGTH) {
    throw gatewayError(GatewayErrorCode.BadUserInput, `id must be 1..${MAX_SOURCE_ID_LENGTH} characters`, { argument: 'id' });
  }
  return { source, id };
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

const KIND_ENUM: Record<LookupReading['kind'], string> = {
  email: 'EMAIL',
  phone: 'PHONE',
  orderNumber: 'ORDER_NUMBER',
  ticketNumber: 'TICKET_NUMBER',
  identifier: 'IDENTIFIER',
  name: 'NAME',
};

function normalizedOf(reading: LookupReading): string {
  switch (reading.kind) {
    case 'name': {
      const narrow = reading.birthDate ?? reading.postcode;
      return `${reading.key.given ? `${reading.key.given} ` : ''}${reading.key.family}${narrow ? ` ${narrow}` : ''}`;
    }
    default:
      return reading.key.value;
  }
}

/** Resolvers of the `Query` type. */
export const Query = {
  customer: async (_root: unknown, args: { id: string }, context: GatewayContext, info: GraphQLResolveInfo) => {
    const customer = await customerById(args.id, context, info);
    // The next request with this operation can start its source calls before it executes (createCallPlans).
    if (context.callPlans) context.callPlans.plans.remember(context.callPlans.key, info);
    return customer;
  },

  customers: async (_root: unknown, args: { ids: readonly string[] }, context: GatewayContext, info: GraphQLResolveInfo) => {
    if (args.ids.length > MAX_CUSTOMERS_PER_QUERY) {
      throw gatewayError(GatewayErrorCode.BadUserInput, `at most ${MAX_CUSTOMERS_PER_QUERY} ids per call, got ${args.ids.length}`, { argument: 'ids' });
    }
    // An Error in a list slot becomes an error at that index; the other customers still resolve.
    return Promise.all(args.ids.map((id) => customerById(id, context, info).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))));
  },

  customerBySource: async (_root: unknown, args: { source: string; id: string }, context: GatewayContext, info: GraphQLResolveInfo) => {
    const ref = sourceRefOf(args.source, args.id, context);
    const customer = await customerByRef(ref, context, info, `no record ${ref.id} in source ${ref.source}`);
    if (context.callPlans) context.callPlans.plans.remember(context.callPlans.key, info);
    return customer;
  },

  customerLookup: async (_root: unknown, args: { query: string }, context: GatewayContext, info: GraphQLResolveInfo) => {
    const plan = planLookup(args.query, context.defaultRegion, context.identifierTypes ?? []);
    if (plan.kind === 'invalid') throw gatewayError(GatewayErrorCode.InvalidLookup, `cannot look up this string: ${plan.reason}`, { argument: 'query' });
    const outcome = await runLookup(plan.readings, { identity: context.identity, access: context.loaders.identityAccess, adapters: context.adapters });
    reportFailures(outcome.failures, context, info);
    const tried = plan.readings.map((r) => KIND_ENUM[r.kind]);
    // The key shown is the first reading that found someone (plan order), else the first one tried.
    const shown = plan.readings.find((r) => outcome.matchedKinds.includes(r.kind)) ?? plan.readings[0]!;
    const keyOut = { kind: KIND_ENUM[shown.kind], normalized: normalizedOf(shown), identifierType: shown.kind === 'identifier' ? shown.key.type : null };
    const base = { key: keyOut, triedKinds: [...new Set(tried)], matchedKinds: outcome.matchedKinds.map((k) => KIND_ENUM[k]), truncated: outcome.truncated };
    const candidates = outcome.hits.map((hit) => ({
      customer: { cluster: hit.cluster },
      reason: hit.reasons.join('; '),
      matchedRecords: hit.matchedRefs,
      matchedKinds: hit.kinds.map((k) => KIND_ENUM[k]),
      score: hit.score,
    }));
    if (candidates.length === 0) return { ...base, status: 'NOT_FOUND', customer: null, candidates: [] };
    if (candidates.length === 1) return { ...base, status: 'MATCHED', customer: candidates[0]!.customer, candidates: [] };
    return { ...base, status: 'AMBIGUOUS', customer: null, candidates };
  },

  sources: (_root: unknown, _args: unknown, context: GatewayContext) =>
    context.sources.map((source) => ({ ...source, breaker: context.breakerState?.(source.name) ?? 'CLOSED' })),
};
