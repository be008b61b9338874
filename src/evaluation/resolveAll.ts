import type { SourceAdapter } from '../adapters/types.js';
import type { GatewayConfig } from '../config.js';
import { formatRef, parseRef } from '../domain/index.js';
import { createIdentityResolver, type IdentityTuning, type MatchModel } from '../identity/index.js';
import { identityResolverOptions } from '../identityResolverOptions.js';
import { createLoaders } from '../loaders/index.js';
import type { Prediction } from './scorePairs.js';

/** Options of {@link resolveAll}. */
export interface ResolveAllOptions {
  readonly adapters: readonly SourceAdapter[];
  /** The gateway config: identity keys (region, hops, per-key cap, crosswalk size) as `c360 serve` uses them. */
  readonly config: GatewayConfig;
  /** Matching settings of this run (the config's, or a sweep's thresholds). */
  readonly tuning: IdentityTuning;
  /** The trained model (`identity.model`); the built-in one when absent. */
  readonly model?: MatchModel | undefined;
  /** `source/id` of every record to resolve. */
  readonly refs: readonly string[];
  /** Resolutions in flight at once. */
  readonly concurrency: number;
}

/** What a run gave: one prediction per resolved ref, and the refs that did not resolve completely. */
export interface ResolveAllResult {
  readonly predicted: Map<string, Prediction>;
  /** Refs whose record the source did not return (a bad row, or suppressed). */
  readonly notFound: number;
  /** Refs resolved while a source failed (the figures may be low); the first error's message. */
  readonly incomplete: number;
  readonly firstFailure: string | null;
  readonly elapsedMs: number;
  /** CPU time of this process during the run (user + system), ms: the figure that does not depend on machine load. */
  readonly cpuMs: number;
}

/**
 * Resolves every ref as the gateway would: one identity resolver (with its crosswalk) for the run, and a fresh
 * set of per-request loaders for each resolution, `concurrency` at a time. Never throws for a source failure:
 * such resolutions are counted in `incomplete`.
 */
export async function resolveAll(options: ResolveAllOptions): Promise<ResolveAllResult> {
  const { adapters, config } = options;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const resolver = createIdentityResolver({
    ...identityResolverOptions(config, adapters.map((a) => a.name), options.model),
    tuning: { ...options.tuning, statsLogIntervalMs: 0 },
  });
  const predicted = new Map<string, Prediction>();
  let notFound = 0;
  let incomplete = 0;
  let firstFailure: string | null = null;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < options.refs.length) {
      const key = options.refs[next++]!;
      const ref = parseRef(key)!;
      const loaders = createLoaders(adapters, {});
      const resolved = await resolver.resolveRef(ref, loaders.identityAccess);
      if (resolved.failures.length > 0) {
        incomplete += 1;
        firstFailure ??= resolved.failures[0]!.error.message;
      }
      if (!resolved.value) {
        notFound += 1;
        continue;
      }
      predicted.set(key, { customerId: resolved.value.customerId, candidates: (resolved.value.candidates ?? []).map((c) => formatRef(c.ref)) });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  } finally {
    resolver.close();
  }
  return { predicted, notFound, incomplete, firstFailure, elapsedMs: Math.round(performance.now() - started), cpuMs: cpuMs(process.cpuUsage(cpuStart)) };
}

const cpuMs = (usage: NodeJS.CpuUsage): number => Math.round((usage.user + usage.system) / 1000);
