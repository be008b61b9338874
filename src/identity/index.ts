export { normalizeEmail } from './normalizeEmail.js';
export { normalizePhone } from './normalizePhone.js';
export { classifyLookup, MAX_LOOKUP_LENGTH, type LookupClassification } from './classifyLookup.js';
export { keyOf } from './keyOf.js';
export { recordKeys } from './recordKeys.js';
export { buildClusters, type BuildClustersOptions, type ClusterSet } from './buildClusters.js';
export { expandCandidates, type ExpandOptions, type Expansion } from './expandCandidates.js';
export { encodeCustomerId, decodeCustomerId } from './customerId.js';
export type { Cluster, ClusterLink, KeyMatch, MatchEvidence, MatchRule, Resolution } from './Cluster.js';
export type { IdentitySourceAccess, ResolutionFailure } from './IdentitySourceAccess.js';
export {
  createIdentityResolver,
  type CrosswalkStats,
  type IdentityResolver,
  type IdentityResolverOptions,
  type Resolved,
} from './createIdentityResolver.js';
