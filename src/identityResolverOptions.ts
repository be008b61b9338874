import { ConfigError, type GatewayConfig } from './config.js';
import { loadMatchModel, type IdentityResolverOptions, type MatchModel } from './identity/index.js';

/**
 * The identity resolver's options from a validated config: region, closure and crosswalk bounds, tuning and the
 * trained model: `model` when given (already loaded), else the file at `identity.model`. Callers add what only
 * they have (overrides, logger). Throws ConfigError when the model file is missing or invalid, naming it.
 */
export function identityResolverOptions(config: GatewayConfig, sourcePriority: readonly string[], model?: MatchModel): IdentityResolverOptions {
  const trained = model ?? (config.identity.model === undefined ? undefined : loadConfiguredModel(config.identity.model));
  return {
    defaultRegion: config.identity.defaultRegion,
    sourcePriority,
    maxHops: config.identity.maxHops,
    maxRecordsPerKey: config.identity.maxRecordsPerKey,
    cacheMax: config.identity.cacheMax,
    cacheTtlMs: config.identity.cacheTtlMs,
    tuning: config.identity,
    ...(trained ? { model: trained } : {}),
  };
}

/** The model file at `path`, or a ConfigError naming it. */
export function loadConfiguredModel(path: string): MatchModel {
  try {
    return loadMatchModel(path);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}
