import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { readJsonBody } from './readJsonBody.js';
import { CallSignal } from '../adapters/callSignal.js';

/**
 * Builds the per-request context from the Node request; `signal` aborts when the client goes away. What is
 * handed to `atEnd` runs once the response is finished or the connection closed (e.g. clearing the request's
 * deadline timer, so that nothing of a finished request waits for its deadline to be collected). `body` is the
 * parsed POST body Apollo will run (undefined for GET).
 */
export type ContextFactory<TContext extends BaseContext> = (req: IncomingMessage, signal: AbortSignal, atEnd: (release: () => void) => void, body: unknown) => Promise<TContext>;

/**
 * A Node `http` request handler for Apollo Server 5 (the integration contract is
 * `executeHTTPGraphQLRequest`; see Apollo's "building integrations" guide). Bodies over `bodyLimitBytes`
 * get 413 and invalid JSON gets 400, both as GraphQL-shaped errors with a stable code.
 */
export function createGraphQLHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  contextFactory: ContextFactory<TContext>,
  bodyLimitBytes: number,
  /** Rewrites a parsed POST body before Apollo sees it (registered operations sent by id). Default none. */
  rewriteBody?: (body: unknown, req: IncomingMessage) => unknown,
): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  return async (req, res, url) => {
    const outcome = await readJsonBody(req, bodyLimitBytes);
    switch (outcome.kind) {
      case 'tooLarge':
        sendError(res, 413, 'BAD_REQUEST', `request body larger than ${bodyLimitBytes} bytes`);
        return;
      case 'invalidJson':
        sendError(res, 400, 'BAD_REQUEST', 'request body is not valid JSON');
        return;
      case 'aborted':
        res.destroy();
        return;
      case 'ok':
        break;
      default: {
        const unreachable: never = outcome;
        return unreachable;
      }
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    // Aborted when the client goes away first. A CallSignal, not an AbortController: see its doc.
    const clientGone = new CallSignal();
    const releases: Array<() => void> = [];
    res.on('close', () => {
      if (!res.writableFinished) clientGone.abort();
      for (const release of releases) release();
    });
    const method = (req.method ?? 'GET').toUpperCase();
    const body = rewriteBody ? rewriteBody(outcome.body, req) : outcome.body;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: url.search, body },
      context: () => contextFactory(req, clientGone, (release) => releases.push(release), method === 'POST' ? body : undefined),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

/** Writes a GraphQL-shaped error response. */
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
