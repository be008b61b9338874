import type { GraphQLResolveInfo } from 'graphql';
import type { ClusterMembers, GatewayContext } from '../context.js';
import type { IdentityRecord } from '../domain/index.js';
import type { Cluster } from '../identity/index.js';
import { sourceError } from './sourceError.js';

/**
 * The member records of a cluster, through the request's record loaders (one batched call per source for
 * every customer in the operation), memoised per request. A member whose source fails is left out and an
 * error naming the source is added at `info`'s path; a member that no longer exists is left out silently
 * (the source deleted it since the crosswalk cached the cluster).
 */
export function loadMembers(cluster: Cluster, context: GatewayContext, info: GraphQLResolveInfo): Promise<ClusterMembers> {
  const existing = context.members.get(cluster);
  if (existing) return existing;
  const promise = (async () => {
    const settled = await Promise.allSettled(
      cluster.links.map(async (link) => {
        const loaders = context.loaders.source(link.ref.source);
        return loaders ? loaders.records.load(link.ref.id) : null;
      }),
    );
    const records: IdentityRecord[] = [];
    const failedSources = new Set<string>();
    settled.forEach((result, index) => {
      if (result.status === 'fulfilled') {
        if (result.value) records.push(result.value);
        return;
      }
      const source = cluster.links[index]!.ref.source;
      if (!failedSources.has(source)) {
        failedSources.add(source);
        context.partialErrors.push(sourceError(result.reason, source, info));
      }
    });
    return { records };
  })();
  context.members.set(cluster, promise);
  return promise;
}
