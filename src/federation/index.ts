export { createSubgraphSchema, type SubgraphSchemaOptions } from './createSubgraphSchema.js';
export { DEFAULT_MAX_REPRESENTATIONS, federationConfigSchema, type FederationConfig } from './federationConfigSchema.js';
export { resolveCustomerReference } from './resolveCustomerReference.js';
