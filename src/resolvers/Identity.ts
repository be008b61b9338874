import type { GatewayContext } from '../context.js';
import type { SourceRef } from '../domain/index.js';
import type { ClusterCandidate } from '../identity/index.js';

/** What `Customer.identity` resolves to (built in Customer.ts); candidates are read from the crosswalk. */
interface IdentityParent {
  readonly anchor: SourceRef;
}

/** Resolvers of the `Identity` type: `candidates` comes from the cluster of the anchor (a crosswalk hit). */
export const Identity = {
  candidates: async (parent: IdentityParent, _args: unknown, context: GatewayContext) => {
    const resolved = await context.identity.resolveRef(parent.anchor, context.loaders.identityAccess);
    return (resolved.value?.candidates ?? []).map((candidate: ClusterCandidate) => ({ ...candidate, source: candidate.ref.source, id: candidate.ref.id }));
  },
};
