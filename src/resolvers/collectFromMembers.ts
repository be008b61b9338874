import type { GraphQLResolveInfo } from 'graphql';
import type DataLoader from 'dataloader';
import type { GatewayContext } from '../context.js';
import type { Cluster } from '../identity/index.js';
import type { SourceLoaders } from '../loaders/index.js';
import { operationReadsLineItems } from './operationReadsLineItems.js';
import { sourceError } from './sourceError.js';

/** A related-record list of a cluster and the sources that failed to give theirs (one entry per source). */
export interface Collected<T> {
  readonly items: T[];
  readonly failures: ReadonlyArray<{ readonly source: string; readonly reason: unknown }>;
}

/**
 * Loads one related-record list (orders, tickets, activities) for every member of a cluster from the
 * sources that serve it, and concatenates them; a source that fails contributes nothing and is listed once
 * in `failures`. Reports nothing: see {@link collectFromMembers} and {@link reportFailures}.
 */
export async function gatherFromMembers<T>(cluster: Cluster, context: GatewayContext, pick: (loaders: SourceLoaders) => DataLoader<string, T[]> | null): Promise<Collected<T>> {
  const calls = cluster.links.flatMap((link) => {
    const loaders = context.loaders.source(link.ref.source);
    const loader = loaders ? pick(loaders) : null;
    return loader ? [{ source: link.ref.source, promise: loader.load(link.ref.id) }] : [];
  });
  const settled = await Promise.allSettled(calls.map((c) => c.promise));
  const items: T[] = [];
  const failures: Array<{ source: string; reason: unknown }> = [];
  settled.forEach((result, index) => {
    const source = calls[index]!.source;
    if (result.status === 'fulfilled') items.push(...result.value);
    else if (!failures.some((f) => f.source === source)) failures.push({ source, reason: result.reason });
  });
  return { items, failures };
}

/** Adds one error (code + source) per failure at `info`'s path, so each field computed from a partial set says so. */
export function reportFailures(failures: Collected<unknown>['failures'], context: GatewayContext, info: GraphQLResolveInfo): void {
  for (const { source, reason } of failures) context.partialErrors.push(sourceError(reason, source, info));
}

/**
 * {@link gatherFromMembers}, reporting each failed source as one error at `info`'s path; the other sources'
 * items are returned.
 */
export async function collectFromMembers<T>(
  cluster: Cluster,
  context: GatewayContext,
  info: GraphQLResolveInfo,
  pick: (loaders: SourceLoaders) => DataLoader<string, T[]> | null,
): Promise<T[]> {
  context.loaders.noteLineItems(operationReadsLineItems(info));
  const { items, failures } = await gatherFromMembers(cluster, context, pick);
  reportFailures(failures, context, info);
  return items;
}
