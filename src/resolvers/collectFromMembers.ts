import type { GraphQLResolveInfo } from 'graphql';
import type DataLoader from 'dataloader';
import type { GatewayContext } from '../context.js';
import type { Cluster } from '../identity/index.js';
import type { SourceLoaders } from '../loaders/index.js';
import { sourceError } from './sourceError.js';

/**
 * Loads one related-record list (orders, tickets, activities) for every member of a cluster from the
 * sources that serve it, and concatenates them. A source that fails contributes nothing and adds one error
 * (code + source) at `info`'s path; the other sources' items are returned.
 */
export async function collectFromMembers<T>(
  cluster: Cluster,
  context: GatewayContext,
  info: GraphQLResolveInfo,
  pick: (loaders: SourceLoaders) => DataLoader<string, T[]> | null,
): Promise<T[]> {
  const calls = cluster.links.flatMap((link) => {
    const loaders = context.loaders.source(link.ref.source);
    const loader = loaders ? pick(loaders) : null;
    return loader ? [{ source: link.ref.source, promise: loader.load(link.ref.id) }] : [];
  });
  const settled = await Promise.allSettled(calls.map((c) => c.promise));
  const items: T[] = [];
  const failed = new Set<string>();
  settled.forEach((result, index) => {
    const source = calls[index]!.source;
    if (result.status === 'fulfilled') items.push(...result.value);
    else if (!failed.has(source)) {
      failed.add(source);
      context.partialErrors.push(sourceError(result.reason, source, info));
    }
  });
  return items;
}
