import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { createSourceAdapter } from './adapters/createSourceAdapter.js';
import type { SourceAdapter } from './adapters/types.js';
import type { GatewayConfig } from './config.js';
import type { GatewayContext, SourceInfo } from './context.js';
import { GatewayErrorCode } from './errors.js';
import { createGraphQLHandler, sendError } from './http/index.js';
import { createIdentityResolver, type IdentityResolver } from './identity/index.js';
import { loadSchemaSdl } from './loadSchemaSdl.js';
import { createLoaders } from './loaders/index.js';
import { createLogger } from './logger.js';
import { createPartialErrorsPlugin, createRequestLogPlugin } from './plugins/index.js';
import { resolvers } from './resolvers/index.js';

/** Options of {@link createServer}. */
export interface CreateServerOptions {
  /** Logger; default pino at `config.logging.level` on stdout. */
  readonly logger?: Logger;
  /** Adapters to use instead of building them from `config.sources` (tests, embedding). */
  readonly adapters?: readonly SourceAdapter[];
}

/** A gateway instance: not listening until {@link GatewayServer.start}. */
export interface GatewayServer {
  /** Listens on `config.server.host:port`; resolves with the GraphQL URL. */
  start(): Promise<string>;
  /** Stops accepting requests, drains, closes source connections. Idempotent. */
  stop(): Promise<void>;
  readonly identity: IdentityResolver;
  readonly adapters: readonly SourceAdapter[];
  readonly logger: Logger;
}

/** Codes whose messages are safe to show as they are. Anything else is masked. */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(GatewayErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Builds the gateway (DESIGN.md §2–3): Apollo Server 5 over `node:http` with `/graphql`, `/healthz` and
 * `/readyz`; one adapter per configured source; the identity resolver with its crosswalk; per-request
 * DataLoaders. Unexpected errors are logged and masked as `INTERNAL_SERVER_ERROR`; no stack traces leave.
 */
export function createServer(config: GatewayConfig, options: CreateServerOptions = {}): GatewayServer {
  const logger = options.logger ?? createLogger(config.logging.level);
  const adapters = options.adapters ?? config.sources.map((source) => createSourceAdapter(source, logger));
  const sourceInfo: SourceInfo[] = adapters.map((adapter, priority) => ({
    name: adapter.name,
    kind: adapter.kind,
    priority,
    capabilities: Object.entries(adapter.capabilities)
      .filter(([, on]) => on)
      .map(([name]) => name),
  }));
  const identity = createIdentityResolver({
    defaultRegion: config.identity.defaultRegion,
    sourcePriority: adapters.map((a) => a.name),
    maxHops: config.identity.maxHops,
    maxRecordsPerKey: config.identity.maxRecordsPerKey,
    cacheMax: config.identity.cacheMax,
    cacheTtlMs: config.identity.cacheTtlMs,
  });

  const apollo = new ApolloServer<GatewayContext>({
    schema: makeExecutableSchema({ typeDefs: loadSchemaSdl(), resolvers }),
    introspection: config.server.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [createPartialErrorsPlugin(), createRequestLogPlugin()],
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const code = String(formatted.extensions?.code ?? '');
      const original = unwrapResolverError(error);
      if (PUBLIC_CODES.has(code) && (original instanceof GraphQLError || code !== GatewayErrorCode.InternalServerError)) return formatted;
      logger.error({ err: original, path: formatted.path }, 'unexpected error (masked)');
      return { message: 'Internal server error', ...(formatted.path ? { path: formatted.path } : {}), ...(formatted.locations ? { locations: formatted.locations } : {}), extensions: { code: GatewayErrorCode.InternalServerError } };
    },
  });

  let state: 'created' | 'starting' | 'ready' | 'stopping' | 'stopped' = 'created';
  let httpServer: http.Server | null = null;

  const graphqlHandler = createGraphQLHandler<GatewayContext>(
    apollo,
    async (req, signal) => {
      const incoming = req.headers['x-request-id'];
      const requestId = typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
      return {
        requestId,
        logger: logger.child({ requestId }),
        loaders: createLoaders(adapters, { signal }),
        identity,
        sources: sourceInfo,
        adapters,
        defaultRegion: config.identity.defaultRegion,
        partialErrors: [],
        members: new WeakMap(),
      };
    },
    config.server.bodyLimitBytes,
  );

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    if (url.pathname === '/graphql') return graphqlHandler(req, res, url);
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') {
      const ready = state === 'ready';
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : state, sources: sourceInfo.map((s) => ({ name: s.name, kind: s.kind })) });
    }
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/graphql' });
      res.end();
      return;
    }
    sendError(res, 404, 'NOT_FOUND', `no route ${url.pathname}; GraphQL is at /graphql`);
  }

  return {
    identity,
    adapters,
    logger,
    async start() {
      if (state !== 'created') throw new Error(`cannot start a gateway that is ${state}`);
      state = 'starting';
      await apollo.start();
      const server = http.createServer((req, res) => {
        route(req, res).catch((error: unknown) => {
          logger.error({ err: error }, 'unhandled error in HTTP handler');
          if (!res.headersSent) sendError(res, 500, GatewayErrorCode.InternalServerError, 'Internal server error');
          else res.destroy();
        });
      });
      server.keepAliveTimeout = 65_000;
      httpServer = server;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.server.port, config.server.host, () => resolve());
      });
      state = 'ready';
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const url = `http://${host}:${address.port}/graphql`;
      logger.info({ url, sources: sourceInfo.map((s) => s.name) }, 'gateway listening');
      return url;
    },
    async stop() {
      if (state === 'stopping' || state === 'stopped') return;
      const wasStarted = state === 'ready';
      state = 'stopping';
      if (httpServer) {
        const server = httpServer;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          // Requests still running after 5 s are cut so shutdown always ends.
          setTimeout(() => server.closeAllConnections(), 5_000).unref();
        });
      }
      if (wasStarted) await apollo.stop();
      await Promise.all(adapters.map((adapter) => adapter.close?.()));
      state = 'stopped';
    },
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
