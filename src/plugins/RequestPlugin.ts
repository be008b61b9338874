import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext, GraphQLRequestContextDidResolveOperation, GraphQLRequestContextWillSendResponse } from '@apollo/server';

/**
 * What one of the gateway's own request plugins does for a request: synchronous hooks, run in the order
 * {@link combineRequestPlugins} was given the plugins.
 */
export interface RequestListener<TContext extends BaseContext> {
  didResolveOperation?(requestContext: GraphQLRequestContextDidResolveOperation<TContext>): void;
  willSendResponse?(requestContext: GraphQLRequestContextWillSendResponse<TContext>): void;
}

/** A gateway request plugin: per request, its listener, or undefined when it has nothing to do for that request. */
export interface RequestPlugin<TContext extends BaseContext> {
  requestDidStart(requestContext: GraphQLRequestContext<TContext>): RequestListener<TContext> | undefined;
}

/**
 * The gateway's request plugins as **one** Apollo plugin. Apollo calls every plugin's `requestDidStart` and each
 * of its request hooks for every listener, through an async function or `Promise.all` per hook and listener;
 * with six plugins that machinery cost more than what they do (BENCHMARKS.md, issue 17). Here each request
 * gets one listener, whose hooks call the plugins' in order: a plugin listed later sees what earlier ones wrote
 * (metrics last counts the errors the others append). A hook that throws stops the later ones of that hook and
 * fails the request as it would in Apollo.
 */
export function combineRequestPlugins<TContext extends BaseContext>(plugins: ReadonlyArray<RequestPlugin<TContext>>): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart(requestContext) {
      let resolving: Array<RequestListener<TContext>> | undefined;
      let sending: Array<RequestListener<TContext>> | undefined;
      for (const plugin of plugins) {
        const listener = plugin.requestDidStart(requestContext);
        if (listener?.didResolveOperation) (resolving ??= []).push(listener);
        if (listener?.willSendResponse) (sending ??= []).push(listener);
      }
      if (!resolving && !sending) return undefined;
      return {
        ...(resolving && {
          async didResolveOperation(context: GraphQLRequestContextDidResolveOperation<TContext>) {
            for (const listener of resolving!) listener.didResolveOperation!(context);
          },
        }),
        ...(sending && {
          async willSendResponse(context: GraphQLRequestContextWillSendResponse<TContext>) {
            for (const listener of sending!) listener.willSendResponse!(context);
          },
        }),
      };
    },
  };
}
