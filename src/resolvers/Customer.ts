import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { Activity, Order, Ticket } from '../domain/index.js';
import type { Cluster } from '../identity/index.js';
import { checkPageArgs, mergeContactPoints, paginate, type MergedContactPoints, type Page } from '../unify/index.js';
import { collectFromMembers } from './collectFromMembers.js';
import { Customer360, memo } from './Customer360.js';
import { loadMembers } from './loadMembers.js';
import { operationOrdersLimit } from './operationOrdersLimit.js';

/** What a `Customer` field resolves from: the cluster (refs + explanations). Profile data loads lazily. */
export interface CustomerParent {
  readonly cluster: Cluster;
}

interface PageArgs {
  readonly first: number;
  readonly after?: string | null;
}

/** Per request's memoised members (see loadMembers): their merged contact points, computed once. */
const merged = new WeakMap<object, MergedContactPoints>();

/** The cluster's contact points, merged once per request (displayName, names, emails, phones and addresses all read them). */
async function contactPoints(parent: CustomerParent, context: GatewayContext, info: GraphQLResolveInfo): Promise<MergedContactPoints> {
  const members = await loadMembers(parent.cluster, context, info);
  return memo(merged, members, () => mergeContactPoints(members.records, context.defaultRegion));
}

const flatten = <T extends object>(list: ReadonlyArray<{ value: T; primary: boolean; sources: readonly unknown[] }>) =>
  list.map((entry) => ({ ...entry.value, primary: entry.primary, sources: entry.sources }));

/**
 * A first page built from members' newest orders only (sources that were asked for a first page and told their
 * totals, see `Loaders.noteOrdersLimit`): `totalCount` and `hasNextPage` from those totals. Unchanged otherwise.
 */
function withOrderTotals(page: Page<Order>, items: readonly Order[], cluster: Cluster, context: GatewayContext): Page<Order> {
  let missing = 0;
  for (const link of cluster.links) {
    const total = context.loaders.source(link.ref.source)?.ordersTotal(link.ref.id);
    if (total === undefined) continue;
    const held = items.filter((o) => o.ownerRef.source === link.ref.source && o.ownerRef.id === link.ref.id).length;
    missing += Math.max(0, total - held);
  }
  if (missing === 0) return page;
  const totalCount = items.length + missing;
  return { ...page, totalCount, pageInfo: { ...page.pageInfo, hasNextPage: page.nodes.length < totalCount } };
}

/** Resolvers of the `Customer` type. */
export const Customer = {
  id: (parent: CustomerParent) => parent.cluster.customerId,
  displayName: async (parent: CustomerParent, _args: unknown, context: GatewayContext, info: GraphQLResolveInfo) => {
    const primary = (await contactPoints(parent, context, info)).names[0]?.value;
    if (!primary) return null;
    const composed = [primary.given, primary.family].filter(Boolean).join(' ');
    return composed || primary.full;
  },
  names: async (parent: CustomerParent, _args: unknown, context: GatewayContext, info: GraphQLResolveInfo) =>
    flatten((await contactPoints(parent, context, info)).names),
  emails: async (parent: CustomerParent, _args: unknown, context: GatewayContext, info: GraphQLResolveInfo) =>
    (await contactPoints(parent, context, info)).emails,
  phones: async (parent: CustomerParent, _args: unknown, context: GatewayContext, info: GraphQLResolveInfo) =>
    (await contactPoints(parent, context, info)).phones,
  addresses: async (parent: CustomerParent, _args: unknown, context: GatewayContext, info: GraphQLResolveInfo) =>
    flatten((await contactPoints(parent, context, info)).addresses),
  identity: (parent: CustomerParent) => ({
    anchor: parent.cluster.anchor,
    links: parent.cluster.links.map((link) => ({ ...link, source: link.ref.source, id: link.ref.id })),
  }),
  orders: async (parent: CustomerParent, args: PageArgs, context: GatewayContext, info: GraphQLResolveInfo): Promise<Page<Order>> => {
    checkPageArgs('orders', args.first, args.after); // before any upstream call
    context.loaders.noteOrdersLimit(operationOrdersLimit(info));
    const items = await collectFromMembers(parent.cluster, context, info, (l) => l.orders);
    return withOrderTotals(paginate(items, (o) => o.createdAt, args.first, args.after, 'orders'), items, parent.cluster, context);
  },
  tickets: async (parent: CustomerParent, args: PageArgs, context: GatewayContext, info: GraphQLResolveInfo): Promise<Page<Ticket>> => {
    checkPageArgs('tickets', args.first, args.after); // before any upstream call
    const items = await collectFromMembers(parent.cluster, context, info, (l) => l.tickets);
    return paginate(items, (t) => t.createdAt, args.first, args.after, 'tickets');
  },
  activities: async (parent: CustomerParent, args: PageArgs, context: GatewayContext, info: GraphQLResolveInfo): Promise<Page<Activity>> => {
    checkPageArgs('activities', args.first, args.after); // before any upstream call
    const items = await collectFromMembers(parent.cluster, context, info, (l) => l.activities);
    return paginate(items, (a) => a.occurredAt, args.first, args.after, 'activities');
  },
  ...Customer360,
};
