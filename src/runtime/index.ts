export { createIdleScavenger, IDLE_SCAVENGE_MAX_REQUESTS, IDLE_SCAVENGE_MIN_BYTES } from './createIdleScavenger.js';
export type { IdleScavenger, IdleScavengerOptions, UpstreamWaits } from './createIdleScavenger.js';
