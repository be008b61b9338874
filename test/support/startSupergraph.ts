import type { IncomingHttpHeaders } from 'node:http';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { parse } from 'graphql';

/** Headers the router forwards from its caller to every subgraph (README "Federation"). */
export const FORWARDED_HEADERS = ['authorization', 'x-c360-purpose', 'x-c360-deadline-ms', 'x-request-id'] as const;

/** A subgraph to compose: its name, URL and SDL (as its `_service { sdl }` returns it). */
export interface SubgraphDefinition {
  readonly name: string;
  readonly url: string;
  readonly sdl: string;
}

/** Per-request context of the test router. */
interface RouterContext {
  readonly headers: IncomingHttpHeaders;
  /** `extensions.sources` of every c360 subgraph response of this request. */
  readonly sources: unknown[];
}

/** A running router (Apollo Gateway) over a composed supergraph, on loopback. */
export interface Supergraph {
  readonly url: string;
  readonly supergraphSdl: string;
  /** HTTP requests the router sent, per subgraph name, in order (with the headers it forwarded). */
  readonly fetches: Array<{ subgraph: string; query: string; representations: number; headers: Record<string, string> }>;
  close(): Promise<void>;
}

/**
 * Fetches each subgraph's SDL over HTTP (`_service { sdl }`, sent with `credential`: needs scope
 * `schema:read` unless introspection is open).
 */
export async function fetchSubgraphSdl(url: string, credential: string): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
  const body = (await res.json()) as { data?: { _service?: { sdl?: string } }; errors?: unknown };
  if (!body.data?._service?.sdl) throw new Error(`no SDL from ${url}: ${JSON.stringify(body.errors)}`);
  return body.data._service.sdl;
}

/**
 * Composes the subgraphs with `@apollo/composition` (throws on any composition error) and serves the
 * supergraph with `@apollo/gateway` on 127.0.0.1. The data source forwards {@link FORWARDED_HEADERS} and
 * copies the c360 subgraph's `extensions.sources` into the router's response (Apollo Gateway drops subgraph
 * extensions otherwise).
 */
export async function startSupergraph(subgraphs: readonly SubgraphDefinition[]): Promise<Supergraph> {
  const composed = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (composed.errors) throw new Error(`composition failed:\n${composed.errors.map((e) => e.message).join('\n')}`);
  const supergraphSdl = composed.supergraphSdl;
  const fetches: Supergraph['fetches'] = [];
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<RouterContext>({
        url: url!,
        willSendRequest({ request, context }) {
          for (const header of FORWARDED_HEADERS) {
            const value = context.headers?.[header];
            if (typeof value === 'string') request.http!.headers.set(header, value);
          }
          const representations = request.variables?.representations;
          fetches.push({ subgraph: name, query: request.query ?? '', representations: Array.isArray(representations) ? representations.length : 0, headers: Object.fromEntries(request.http!.headers) });
        },
        didReceiveResponse({ response, context }) {
          const sources = response.extensions?.sources;
          if (Array.isArray(sources)) context.sources?.push(...sources);
          return response;
        },
      }),
  });
  const server = new ApolloServer<RouterContext>({
    gateway: gateway as never,
    includeStacktraceInErrorResponses: false,
    plugins: [
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response, contextValue }) {
              if (response.body.kind === 'single' && contextValue.sources.length > 0) {
                response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sources: contextValue.sources };
              }
            },
          };
        },
      },
    ],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' }, context: async ({ req }) => ({ headers: req.headers, sources: [] }) });
  return { url, supergraphSdl, fetches, close: () => server.stop() };
}
