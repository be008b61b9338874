import type { Logger } from 'pino';
import type { GatewayContext } from '../context.js';
import type { RequestPlugin } from './RequestPlugin.js';

/**
 * Logs one line per GraphQL operation: operation name, duration and error codes. Never variables or
 * results (they hold PII). Below level `info` (the gateway's `logger`, whose children the requests' loggers are)
 * it does nothing per request, and no request's child logger is made for it.
 */
export function createRequestLogPlugin(logger: Logger): RequestPlugin<GatewayContext> {
  return {
    requestDidStart({ contextValue }) {
      if (!logger.isLevelEnabled('info')) return undefined;
      const started = performance.now();
      return {
        willSendResponse({ response, operationName, errors }) {
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const codes = [...(errors ?? []), ...contextValue.partialErrors].map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
          contextValue.logger.info(
            {
              operationName: operationName ?? null,
              durationMs: Math.round((performance.now() - started) * 100) / 100,
              status: response.http.status ?? 200,
              errors: codes.length > 0 ? codes : undefined,
              hasData: single?.data !== undefined && single.data !== null,
            },
            'graphql request',
          );
        },
      };
    },
  };
}
