import type { GatewayContext } from '../context.js';
import type { RequestPlugin } from './RequestPlugin.js';
import type { GatewayMetrics } from '../metrics/index.js';

/**
 * Counts every GraphQL request into `metrics`: latency, outcome (`ok`, `partial` = data with errors,
 * `error` = no data) and the `extensions.code` of each error returned (including partial ones).
 */
export function createMetricsPlugin(metrics: GatewayMetrics): RequestPlugin<GatewayContext> {
  return {
    requestDidStart() {
      const started = performance.now();
      return {
        willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const codes = (result.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
          const hasData = result.data !== undefined && result.data !== null;
          metrics.recordRequest(performance.now() - started, !hasData ? 'error' : codes.length > 0 ? 'partial' : 'ok', codes);
        },
      };
    },
  };
}
