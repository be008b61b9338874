import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics/index.js';

const probes = { breakerStates: () => [], crosswalk: () => ({ size: 3, hits: 5, misses: 2, sharedHits: 4 }), recordCacheSizes: () => [] };

describe('metrics: shared state gauges', () => {
  it('shows Redis up or down, round trips and L2 hits with state.redis', async () => {
    let redis: 'up' | 'down' = 'up';
    const metrics = createMetrics({ ...probes, sharedState: () => ({ mode: 'redis', redis, counters: { roundTrips: 12, failures: 1 } }) });
    expect(await metrics.render()).toMatch(/^c360_state_redis_up 1$/m);
    redis = 'down';
    const text = await metrics.render();
    expect(text).toMatch(/^c360_state_redis_up 0$/m);
    expect(text).toMatch(/^c360_state_redis_round_trips 12$/m);
    expect(text).toMatch(/^c360_state_redis_failures 1$/m);
    expect(text).toMatch(/^c360_crosswalk_shared_hits 4$/m);
  });

  it('has no Redis gauges on a one-process gateway (an unset gauge would read as "down")', async () => {
    const text = await createMetrics({ ...probes, sharedState: () => ({ mode: 'local' }) }).render();
    expect(text).not.toMatch(/c360_state_redis/);
  });
});
