import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import { GatewayErrorCode, gatewayError } from '../errors.js';
import {
  assessDataQuality,
  assignJourneyStage,
  assignSegments,
  buildProfile,
  computeMetrics,
  mergeConsent,
  checkPageArgs,
  paginateBy,
  type Page,
  type Profile,
  type TimelineEvent,
  type TimelineEventKind,
} from '../unify/index.js';
import type { Cluster } from '../identity/index.js';
import { loadInteractions, requestTimeOf, unifyConfigOf } from './loadInteractions.js';
import { loadMembers } from './loadMembers.js';

/** What the 360 fields resolve from (the `Customer` parent). */
interface CustomerParent {
  readonly cluster: Cluster;
}

interface TimelineArgs {
  readonly first: number;
  readonly after?: string | null;
  readonly kinds?: readonly TimelineEventKind[] | null;
  readonly since?: string | null;
}

// Computed once per request: each memo is keyed by an object that itself lives only for the request (the
// request's memoised members, the request's gathered interactions), so several fields reading the same
// derived value (profile and dataQuality; metrics, segments and journeyStage) share one computation.
const profiles = new WeakMap<object, Profile>();
const consents = new WeakMap<object, ReturnType<typeof mergeConsent>>();
const metricsMemo = new WeakMap<object, ReturnType<typeof computeMetrics>>();

/** `map`'s value for `key`, computed and kept on first use (per-request memos keyed by request-scoped objects). */
export function memo<K extends object, V>(map: WeakMap<K, V>, key: K, compute: () => V): V {
  const existing = map.get(key);
  if (existing !== undefined) return existing;
  const value = compute();
  map.set(key, value);
  return value;
}

async function profileOf(parent: CustomerParent, context: GatewayContext, info: GraphQLResolveInfo): Promise<Profile> {
  const members = await loadMembers(parent.cluster, context, info);
  return memo(profiles, members, () => buildProfile(members.records, unifyConfigOf(context).survivorship, context.loaders.sourceNames, requestTimeOf(context), context.defaultRegion));
}

async function consentOf(parent: CustomerParent, context: GatewayContext, info: GraphQLResolveInfo) {
  const members = await loadMembers(parent.cluster, context, info);
  return memo(consents, members, () => mergeConsent(members.records, requestTimeOf(context)));
}

async function metricsOf(parent: CustomerParent, context: GatewayContext, info: GraphQLResolveInfo) {
  const interactions = await loadInteractions(parent.cluster, context, info);
  const { orders, tickets, events } = interactions;
  return memo(metricsMemo, interactions, () => computeMetrics(orders, tickets, events, Date.parse(requestTimeOf(context)), unifyConfigOf(context).recentDays));
}

/** `timeline(since:)` as ms since the epoch (null: absent); `BAD_USER_INPUT` when it is not an ISO 8601 date. */
export function parseSince(since: string | null | undefined): number | null {
  if (since === null || since === undefined) return null;
  const ms = /^\d{4}-\d{2}-\d{2}/.test(since.trim()) ? Date.parse(since.trim()) : Number.NaN;
  if (Number.isNaN(ms)) throw gatewayError(GatewayErrorCode.BadUserInput, 'since must be an ISO 8601 date or date-time, e.g. 2026-01-31 or 2026-01-31T12:00:00Z', { argument: 'since' });
  return ms;
}

/** The 360 fields of `Customer`: profile, timeline, metrics, segments, journey stage, consent, data quality. */
export const Customer360 = {
  profile: (parent: CustomerParent, _args: unknown, context: GatewayContext, info: GraphQLResolveInfo) => profileOf(parent, context, info),

  timeline: async (parent: CustomerParent, args: TimelineArgs, context: GatewayContext, info: GraphQLResolveInfo): Promise<Page<TimelineEvent>> => {
    const sinceMs = parseSince(args.since);
    // Validate paging arguments before any upstream call.
    checkPageArgs('timeline', args.first, args.after);
    const { events } = await loadInteractions(parent.cluster, context, info);
    const kinds = args.kinds && args.kinds.length > 0 ? new Set(args.kinds) : null;
    const kept = events.filter((e) => (kinds === null || kinds.has(e.kind)) && (sinceMs === null || Date.parse(e.occurredAt) >= sinceMs));
    return paginateBy(kept, (e) => e.occurredAt, (e) => e.key, args.first, args.after, 'timeline');
  },

  metrics: (parent: CustomerParent, _args: unknown, context: GatewayContext, info: GraphQLResolveInfo) => metricsOf(parent, context, info),

  segments: async (parent: CustomerParent, _args: unknown, context: GatewayContext, info: GraphQLResolveInfo) =>
    assignSegments(await metricsOf(parent, context, info), unifyConfigOf(context).segments),

  journeyStage: async (parent: CustomerParent, _args: unknown, context: GatewayContext, info: GraphQLResolveInfo) =>
    assignJourneyStage(await metricsOf(parent, context, info), unifyConfigOf(context).journey),

  consent: (parent: CustomerParent, _args: unknown, context: GatewayContext, info: GraphQLResolveInfo) => consentOf(parent, context, info),

  dataQuality: async (parent: CustomerParent, _args: unknown, context: GatewayContext, info: GraphQLResolveInfo) => {
    const config = unifyConfigOf(context);
    const needsRecords = config.expectedAttributes.some((a) => a === 'orders' || a === 'tickets');
    const [profile, consent, interactions] = await Promise.all([
      profileOf(parent, context, info),
      consentOf(parent, context, info),
      needsRecords ? loadInteractions(parent.cluster, context, info) : null,
    ]);
    const counts = { orders: interactions?.orders.length ?? 0, tickets: interactions?.tickets.length ?? 0 };
    return assessDataQuality(profile, consent, counts, config.expectedAttributes, Date.parse(requestTimeOf(context)));
  },
};
