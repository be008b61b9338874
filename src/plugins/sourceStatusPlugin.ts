import type { GatewayContext } from '../context.js';
import type { RequestPlugin } from './RequestPlugin.js';

/**
 * Writes `extensions.sources` on every response: each source the request touched with its status (`OK`,
 * `STALE`, `TIMEOUT`, `ERROR`, `RATE_LIMITED`, `CIRCUIT_OPEN`), longest call latency, upstream calls,
 * retries and cache hits (DESIGN.md §7). A source that answered from its stale-if-error cache also gets one
 * error (code of the failure, `source`, `stale: true`, `staleAgeMs`) so a client knows the data is old
 * even though no field is null.
 */
export function createSourceStatusPlugin(): RequestPlugin<GatewayContext> {
  return {
    requestDidStart() {
      return {
        willSendResponse({ response, contextValue }) {
          const recorder = contextValue.sourceStatus;
          if (!recorder || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, sources: recorder.snapshot() };
          const notices = recorder.staleNotices();
          if (notices.length === 0) return;
          const stale = notices.map((notice) => ({
            message: `source ${notice.source} failed; serving values cached ${Math.round(notice.staleAgeMs / 1000)} s ago: ${notice.message}`,
            extensions: { code: notice.errorCode, source: notice.source, stale: true, staleAgeMs: notice.staleAgeMs },
          }));
          result.errors = [...(result.errors ?? []), ...stale];
        },
      };
    },
  };
}
