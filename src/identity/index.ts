export { normalizeEmail, type NormalizeEmailOptions } from './normalizeEmail.js';
export { normalizePhone } from './normalizePhone.js';
export { nameParts, normalizeName } from './normalizeName.js';
export { normalizeDate } from './normalizeDate.js';
export { normalizeStreet, normalizePostcode } from './normalizeAddress.js';
export { createNicknameIndex, DEFAULT_NICKNAMES, type NicknameTable } from './nicknames.js';
export { classifyLookup, MAX_LOOKUP_LENGTH, type LookupClassification } from './classifyLookup.js';
export { keyOf } from './keyOf.js';
export { recordKeys } from './recordKeys.js';
export { blockingKeys } from './blockingKeys.js';
export { toProfile, type RecordProfile, type ProfileOptions } from './RecordProfile.js';
export { createMatcher, type LevelWeight, type Matcher, type PairScore, type ValueStatus } from './createMatcher.js';
export { createBlocklist } from './isBlockedValue.js';
export { identityConfigShape, defaultIdentityTuning, type IdentityTuning, type MatchingConfig, type BlocklistConfig } from './identityConfigSchema.js';
export { buildClusters, type BuildClustersOptions, type ClusterSet } from './buildClusters.js';
export { expandCandidates, type ExpandOptions, type Expansion } from './expandCandidates.js';
export { encodeCustomerId, decodeCustomerId } from './customerId.js';
export type { Cluster, ClusterCandidate, ClusterLink, KeyMatch, MatchEvidence, MatchLevel, MatchRule, Resolution } from './Cluster.js';
export type { IdentitySourceAccess, ResolutionFailure } from './IdentitySourceAccess.js';
export { EMPTY_OVERRIDES, type OverrideState } from './OverrideState.js';
export {
  createIdentityResolver,
  type CrosswalkStats,
  type IdentityResolver,
  type IdentityResolverOptions,
  type Resolved,
} from './createIdentityResolver.js';
export type { OverrideChange, OverrideKind, OverrideStore } from './overrides/OverrideStore.js';
export { createMemoryOverrideStore } from './overrides/createMemoryOverrideStore.js';
export { createFileOverrideStore, overrideChangeSchema } from './overrides/createFileOverrideStore.js';
export type { SharedCrosswalk, SharedCrosswalkEntry, SharedLock } from './SharedCrosswalk.js';
export { crosswalkKeyHash, lookupKeyHash } from './crosswalkKeyHash.js';
export { createIdentityOverrides, foldOverrides, type IdentityOverrides, type IdentityOverridesOptions } from './overrides/createIdentityOverrides.js';
export { builtInModel, type MatchModel } from './comparisons/MatchModel.js';
export { DEFAULT_LEVELS, LEVEL_CATALOGUE, type ComparisonName } from './comparisons/levelCatalogue.js';
export { loadMatchModel, modelFileSchema, type ModelFile } from './training/matchModelFile.js';
export { trainMatchModel, type TrainMatchModelOptions } from './training/trainMatchModel.js';
export {
  findErasureTargets,
  type ErasureAttribute,
  type ErasureCandidate,
  type ErasureCandidateReason,
  type ErasureMatch,
  type ErasureTargets,
  type ErasureTargetsOptions,
} from './overrides/findErasureTargets.js';
