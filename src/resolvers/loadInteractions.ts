import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { Activity, Order, Ticket } from '../domain/index.js';
import type { Cluster } from '../identity/index.js';
import { buildTimeline, defaultUnifyConfig, foldDuplicateEvents, type TimelineEvent, type UnifyConfig } from '../unify/index.js';
import { gatherFromMembers, reportFailures, type Collected } from './collectFromMembers.js';
import { operationReadsLineItems } from './operationReadsLineItems.js';

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

interface Gathered extends Interactions {
  readonly failures: Collected<unknown>['failures'];
}

/** Per request (the context object) and cluster: the gathered interactions, computed once. */
const gatheredByRequest = new WeakMap<GatewayContext, WeakMap<Cluster, Promise<Gathered>>>();

/**
 * Orders, tickets/cases and activities of every member (through the request's DataLoaders, so repeated
 * calls from several fields share one upstream call per source), and the timeline events built from them
 * with duplicates folded. Built once per request and cluster (metrics, segments, journey stage, timeline and
 * data quality all read it). A failing source contributes nothing and adds one error at **each** calling
 * field's path (`info`), so every field computed from a partial set says so.
 */
export async function loadInteractions(cluster: Cluster, context: GatewayContext, info: GraphQLResolveInfo): Promise<Interactions> {
  let perCluster = gatheredByRequest.get(context);
  if (!perCluster) {
    perCluster = new WeakMap();
    gatheredByRequest.set(context, perCluster);
  }
  let pending = perCluster.get(cluster);
  if (!pending) {
    context.loaders.noteLineItems(operationReadsLineItems(info));
    context.loaders.noteOrdersLimit(null); // metrics, timeline and data quality count every order
    pending = gatherInteractions(cluster, context);
    perCluster.set(cluster, pending);
  }
  const gathered = await pending;
  reportFailures(gathered.failures, context, info);
  return gathered;
}

async function gatherInteractions(cluster: Cluster, context: GatewayContext): Promise<Gathered> {
  const [orders, tickets, activities] = await Promise.all([
    gatherFromMembers(cluster, context, (l) => l.orders),
    gatherFromMembers(cluster, context, (l) => l.tickets),
    gatherFromMembers(cluster, context, (l) => l.activities),
  ]);
  const raw = buildTimeline({ orders: orders.items, tickets: tickets.items, activities: activities.items }, requestTimeOf(context));
  const events = foldDuplicateEvents(raw, unifyConfigOf(context).timeline.duplicateWindowMinutes, context.loaders.sourceNames);
  return { orders: orders.items, tickets: tickets.items, activities: activities.items, events, failures: [...orders.failures, ...tickets.failures, ...activities.failures] };
}
