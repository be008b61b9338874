import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { Activity, Order, Ticket } from '../domain/index.js';
import type { Cluster } from '../identity/index.js';
import { buildTimeline, defaultUnifyConfig, foldDuplicateEvents, type TimelineEvent, type UnifyConfig } from '../unify/index.js';
import { collectFromMembers } from './collectFromMembers.js';

/** A person's related records and their folded timeline events (unsorted). */
export interface Interactions {
  readonly orders: readonly Order[];
  readonly tickets: readonly Ticket[];
  readonly activities: readonly Activity[];
  readonly events: readonly TimelineEvent[];
}

/** The request's `unify` config, or the defaults. */
export function unifyConfigOf(context: GatewayContext): UnifyConfig {
  return context.unify ?? DEFAULTS;
}
const DEFAULTS = defaultUnifyConfig();

/** The request's time (ISO 8601), the "now" of metrics and the fetch time of live values. */
export function requestTimeOf(context: GatewayContext): string {
  return context.requestTime ?? new Date().toISOString();
}

/**
 * Orders, tickets/cases and activities of every member (through the request's DataLoaders, so repeated
 * calls from several fields share one upstream call per source), and the timeline events built from them
 * with duplicates folded. A failing source adds one error at `info`'s path and contributes nothing, so
 * each field computed from a partial set says so.
 */
export async function loadInteractions(cluster: Cluster, context: GatewayContext, info: GraphQLResolveInfo): Promise<Interactions> {
  const [orders, tickets, activities] = await Promise.all([
    collectFromMembers(cluster, context, info, (l) => l.orders),
    collectFromMembers(cluster, context, info, (l) => l.tickets),
    collectFromMembers(cluster, context, info, (l) => l.activities),
  ]);
  const raw = buildTimeline({ orders, tickets, activities }, requestTimeOf(context));
  const events = foldDuplicateEvents(raw, unifyConfigOf(context).timeline.duplicateWindowMinutes, context.loaders.sourceNames);
  return { orders, tickets, activities, events };
}
