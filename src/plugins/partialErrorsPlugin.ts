import type { GatewayContext } from '../context.js';
import type { RequestPlugin } from './RequestPlugin.js';

/**
 * Appends the errors resolvers collected beside data (a failing source inside a merged list, a member record
 * that could not load) to the response, so every partial answer names the source and path that is missing.
 */
export function createPartialErrorsPlugin(): RequestPlugin<GatewayContext> {
  return {
    requestDidStart() {
      return {
        willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || contextValue.partialErrors.length === 0) return;
          const result = response.body.singleResult;
          // Apollo has already formatted result.errors; ours are formatted the same way by formatError below.
          const extra = contextValue.partialErrors.map((error) => error.toJSON());
          result.errors = [...(result.errors ?? []), ...extra];
        },
      };
    },
  };
}
