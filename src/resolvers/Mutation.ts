import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { IdentityRecord, SourceRef } from '../domain/index.js';
import { GatewayErrorCode, gatewayError } from '../errors.js';
import { decodeCustomerId, type IdentityOverrides, type OverrideChange } from '../identity/index.js';
import { sourceError } from './sourceError.js';

/** Longest `reason` accepted, characters. */
const MAX_REASON_LENGTH = 500;
const MAX_ID_LENGTH = 256;

interface RecordInput {
  readonly source: string;
  readonly id: string;
}

function requireOverrides(context: GatewayContext): IdentityOverrides {
  if (!context.identityOverrides) {
    throw gatewayError(GatewayErrorCode.Forbidden, 'identity overrides are disabled on this gateway: set identity.overrides.enabled: true in its config');
  }
  return context.identityOverrides;
}

function checkReason(reason: string): string {
  const text = reason.trim();
  if (text === '' || text.length > MAX_REASON_LENGTH) throw gatewayError(GatewayErrorCode.BadUserInput, `reason must be 1..${MAX_REASON_LENGTH} characters`, { argument: 'reason' });
  return text;
}

function checkRecord(input: RecordInput, argument: string, context: GatewayContext): SourceRef {
  if (!context.loaders.source(input.source)) {
    throw gatewayError(GatewayErrorCode.UnknownSource, `no source named ${JSON.stringify(input.source.slice(0, 64))}; see Query.sources`, { argument, known: context.loaders.sourceNames });
  }
  const id = input.id.trim();
  if (id === '' || id.length > MAX_ID_LENGTH) throw gatewayError(GatewayErrorCode.BadUserInput, `${argument}.id must be 1..${MAX_ID_LENGTH} characters`, { argument });
  return { source: input.source, id };
}

async function requireExists(ref: SourceRef, argument: string, context: GatewayContext): Promise<void> {
  let record;
  try {
    record = await context.loaders.identityAccess.getById(ref.source, ref.id);
  } catch (error) {
    throw sourceError(error, ref.source);
  }
  if (!record) throw gatewayError(GatewayErrorCode.NotFound, `no record ${ref.id} in source ${ref.source}`, { argument });
}

/** The linked records' data, for their values; a source that fails to answer is reported, not thrown. */
async function loadRecords(refs: readonly SourceRef[], context: GatewayContext): Promise<{ members: IdentityRecord[]; failedSources: string[] }> {
  const failedSources: string[] = [];
  const loaded = await Promise.all(
    refs.map((ref) =>
      context.loaders.identityAccess.getById(ref.source, ref.id).catch(() => {
        failedSources.push(ref.source);
        return null;
      }),
    ),
  );
  return { members: loaded.filter((record): record is IdentityRecord => record !== null), failedSources };
}

function output(change: OverrideChange, customerRef: SourceRef | null) {
  return {
    id: change.id,
    kind: change.kind.toUpperCase(),
    records: change.refs.map((text) => ({ source: text.slice(0, text.indexOf('/')), id: text.slice(text.indexOf('/') + 1) })),
    reason: change.reason,
    actor: change.actor,
    createdAt: change.at,
    customerRef,
  };
}

async function pairOverride(kind: 'link' | 'unlink', args: { a: RecordInput; b: RecordInput; reason: string }, context: GatewayContext) {
  const overrides = requireOverrides(context);
  const reason = checkReason(args.reason);
  const a = checkRecord(args.a, 'a', context);
  const b = checkRecord(args.b, 'b', context);
  if (a.source === b.source && a.id === b.id) throw gatewayError(GatewayErrorCode.BadUserInput, 'a and b name the same record', { argument: 'b' });
  await Promise.all([requireExists(a, 'a', context), requireExists(b, 'b', context)]);
  const change = await overrides.record(kind, [a, b], reason, context.actor ?? 'anonymous');
  return output(change, a);
}

/** Resolvers of the `Mutation` type: identity overrides and erasure (DESIGN.md §5). */
export const Mutation = {
  linkRecords: (_root: unknown, args: { a: RecordInput; b: RecordInput; reason: string }, context: GatewayContext) => pairOverride('link', args, context),
  unlinkRecords: (_root: unknown, args: { a: RecordInput; b: RecordInput; reason: string }, context: GatewayContext) => pairOverride('unlink', args, context),

  suppressPerson: async (_root: unknown, args: { record?: RecordInput | null; customerId?: string | null; reason: string }, context: GatewayContext) => {
    const overrides = requireOverrides(context);
    const reason = checkReason(args.reason);
    if ((args.record ? 1 : 0) + (args.customerId ? 1 : 0) !== 1) {
      throw gatewayError(GatewayErrorCode.BadUserInput, 'name the person by exactly one of record or customerId', { argument: args.record ? 'customerId' : 'record' });
    }
    let seed: SourceRef;
    if (args.customerId) {
      const anchor = decodeCustomerId(args.customerId);
      if (!anchor) throw gatewayError(GatewayErrorCode.BadUserInput, 'not a customer id: use an id returned in Customer.id', { argument: 'customerId' });
      seed = anchor;
    } else {
      seed = checkRecord(args.record!, 'record', context);
    }
    let refs: SourceRef[] = [seed];
    try {
      const resolved = await context.identity.resolveRef(seed, context.loaders.identityAccess);
      if (resolved.value) refs = resolved.value.links.map((link) => link.ref);
      else if (args.customerId) throw gatewayError(GatewayErrorCode.NotFound, 'no customer with this id');
    } catch (error) {
      if (error instanceof Error && 'extensions' in error) throw error;
      throw sourceError(error, seed.source);
    }
    // Erasure is as complete as the search, not only as matching: records the resolver did not link but that
    // hold one of the person's own values are suppressed too; those holding a value someone else shares are
    // listed for a steward.
    const { members, failedSources } = await loadRecords(refs, context);
    const targets = await overrides.findErasureTargets(members, context.loaders.identityAccess);
    const suppressed = [...refs, ...targets.matched.map((m) => m.ref)];
    // Erasure must hold even for a record no source returns right now, so the seed itself is always suppressed.
    const change = await overrides.record('suppress', suppressed, reason, context.actor ?? 'anonymous');
    context.purgeSourceCaches?.(suppressed);
    const toRef = (ref: SourceRef) => ({ source: ref.source, id: ref.id });
    return {
      ...output(change, null),
      erasure: {
        linked: refs.map(toRef),
        matched: targets.matched.map((m) => ({ record: toRef(m.ref), attribute: m.attribute })),
        candidates: targets.candidates.map((c) => ({ record: toRef(c.ref), attribute: c.attribute, reason: c.reason })),
        incompleteSources: [...new Set([...failedSources, ...targets.failedSources])].sort(),
      },
    };
  },
};

/** Resolvers of the `IdentityOverride` type. */
export const IdentityOverride = {
  customer: async (parent: { customerRef: SourceRef | null }, _args: unknown, context: GatewayContext, _info: GraphQLResolveInfo) => {
    if (!parent.customerRef) return null;
    const resolved = await context.identity.resolveRef(parent.customerRef, context.loaders.identityAccess);
    return resolved.value ? { cluster: resolved.value } : null;
  },
};
