import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import { unwrapResolverError } from '@apollo/server/errors';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { createSourceAdapter } from './adapters/createSourceAdapter.js';
import type { SourceAdapter } from './adapters/types.js';
import type { GatewayConfig } from './config.js';
import { identityResolverOptions } from './identityResolverOptions.js';
import type { GatewayContext, SourceInfo } from './context.js';
import { GatewayErrorCode, gatewayError } from './errors.js';
import { createClientErrorHandler, createGraphQLHandler, sendError } from './http/index.js';
import { createFileOverrideStore, createIdentityOverrides, createIdentityResolver, createMemoryOverrideStore, type IdentityOverrides, type IdentityResolver, type OverrideStore } from './identity/index.js';
import { loadSchemaSdl } from './loadSchemaSdl.js';
import { createCallPlans } from './resolvers/createCallPlans.js';
import { createLoaders } from './loaders/index.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics/index.js';
import { createMetricsPlugin, createPartialErrorsPlugin, createRequestLogPlugin, createSourceStatusPlugin } from './plugins/index.js';
import { createResilienceLayer, DEADLINE_HEADER } from './resilience/index.js';
import { resolvers } from './resolvers/index.js';
import { createAuditSink, createAuditTrail, type AuditSink } from './audit/index.js';
import { applyAuthorization, authConfigSchema, createAuthenticator, resolvePurpose } from './auth/index.js';
import { auditConfigSchema } from './audit/auditConfigSchema.js';
import { limitsConfigSchema } from './plugins/limitsConfigSchema.js';
import { createAuditPlugin } from './plugins/auditPlugin.js';
import { createIntrospectionGatePlugin } from './plugins/introspectionGatePlugin.js';
import { combineRequestPlugins } from './plugins/RequestPlugin.js';
import { withLimitCode } from './plugins/limitErrorCode.js';
import { queryLimitRules } from './plugins/queryLimitRules.js';
import { applyPersistedOperation, CONSOLE_OPERATIONS, createConsoleRoutes, createGraphiqlRoute, createOperationRegistry } from './console/index.js';
import { createSubgraphSchema } from './federation/index.js';
import type { ChangeFeed } from './state/ChangeFeed.js';
import { createSharedState, type SharedState } from './state/createSharedState.js';
import { createReplayGuard, createWebhookRoutes, type ReplayGuard } from './webhooks/index.js';
import { createIdleScavenger } from './runtime/index.js';

/** Options of {@link createServer}. */
export interface CreateServerOptions {
  /** Logger; default pino at `config.logging.level` on stdout. */
  readonly logger?: Logger;
  /** Adapters to use instead of building them from `config.sources` (tests, embedding). */
  readonly adapters?: readonly SourceAdapter[];
  /** Identity overrides store instead of the file at `identity.overrides.file` (tests, Redis later). */
  readonly overrideStore?: OverrideStore;
  /** Audit sink instead of the one `config.audit` describes (tests). */
  readonly auditSink?: AuditSink;
  /** Where changes that invalidate cached answers are announced; default the shared state's feed (local, or Redis with `state.redis`). */
  readonly changeFeed?: ChangeFeed;
  /** Shared state instead of the one `config.state` describes (tests, embedding); the caller closes it. */
  readonly sharedState?: SharedState;
  /** Remembers webhook delivery ids (replay refusal); default the shared state's (Redis `SET NX` with `state.redis`, else in process: {@link createReplayGuard}). */
  readonly webhookReplayGuard?: ReplayGuard;
}

/** A gateway instance: not listening until {@link GatewayServer.start}. */
export interface GatewayServer {
  /** Listens on `config.server.host:port`; resolves with the GraphQL URL. */
  start(): Promise<string>;
  /** Stops accepting requests, drains, closes source connections. Idempotent. */
  stop(): Promise<void>;
  readonly identity: IdentityResolver;
  /** Identity overrides (link/unlink/suppress); read-only unless `identity.overrides.enabled`. */
  readonly overrides: IdentityOverrides;
  readonly adapters: readonly SourceAdapter[];
  readonly logger: Logger;
  /** Announce a change here (webhooks, overrides) to drop the cached answers it makes wrong, on every replica. */
  readonly changes: ChangeFeed;
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

/** The fields of a request's context that are its own (the rest is shared by every request: see createServer). */
type RequestContextOwn = Pick<GatewayContext, 'requestId' | 'loaders' | 'partialErrors' | 'members' | 'actor' | 'principal' | 'purpose' | 'audit' | 'sourceStatus' | 'requestTime' | 'callPlans'>;
/** A request's context while the server fills in its own fields. */
type RequestContextFields = Omit<GatewayContext, keyof RequestContextOwn> & { -readonly [K in keyof RequestContextOwn]: RequestContextOwn[K] };

/** `/graphql` as route() parses it, made once. */
const GRAPHQL_URL = new URL('/graphql', 'http://gateway.invalid');

/**
 * Builds the gateway (DESIGN.md §2–3): Apollo Server 5 over `node:http` with `/graphql`, `/healthz` and
 * `/readyz`; one adapter per configured source; the identity resolver with its crosswalk; per-request
 * DataLoaders. Unexpected errors are logged and masked as `INTERNAL_SERVER_ERROR`; no stack traces leave.
 */
export function createServer(config: GatewayConfig, options: CreateServerOptions = {}): GatewayServer {
  const logger = options.logger ?? createLogger(config.logging.level);
  // One place decides what replicas share (src/state): per process by default, Redis with `state.redis`.
  const shared = options.sharedState ?? createSharedState(config.state, logger);
  const rawAdapters = options.adapters ?? config.sources.map((source) => createSourceAdapter(source, logger, shared.budget));
  // Young-generation collections moved into time spent waiting for sources, at light load (issue 17, p99).
  const scavenger = config.performance?.idleScavenge === false ? null : createIdleScavenger({ requestsInFlight: () => inFlight.size });
  // At light load a repeated customer query starts its source calls before it executes (issue 17, p50); under
  // load its calls wait their turn to merge with other requests' (createCoalescer).
  const callPlans = config.performance?.earlyCalls === false ? null : createCallPlans();
  // Policies wrap every adapter, injected ones too (DESIGN.md §7); probes are read lazily at scrape time.
  const metrics = createMetrics({
    ...(scavenger?.active ? { idleScavenges: () => scavenger.scavenges } : {}),
    ...(callPlans ? { earlyCallStarts: () => callPlans.started } : {}),
    breakerStates: () => resilience.breakerStates().map(({ source, state }) => ({ source, state: BREAKER_GAUGE[state] })),
    crosswalk: () => identity.stats(),
    recordCacheSizes: () => resilience.adapters.map((a) => ({ source: a.name, size: a.cacheSize() })),
    sharedState: () => shared.status(),
  });
  const resilience = createResilienceLayer(rawAdapters, { sources: config.sources, deadlineMs: config.server.deadlineMs, onReport: (r) => metrics.recordSourceCall(r), onCoalescedCall: (c) => metrics.recordCoalescedCall(c), upstreamWaits: scavenger?.active ? scavenger : undefined });
  const adapters: readonly SourceAdapter[] = resilience.adapters;
  const sourceInfo: SourceInfo[] = adapters.map((adapter, priority) => ({
    name: adapter.name,
    kind: adapter.kind,
    priority,
    capabilities: [
      ...Object.entries(adapter.capabilities)
        .filter(([, on]) => on === true)
        .map(([name]) => name),
      ...(adapter.capabilities.lookupKinds ?? []).map((kind) => `lookup:${kind}`),
    ],
  }));
  // Disabled overrides read and write nothing (no file is touched); enabled ones apply on every resolution.
  const identityOverrides = createIdentityOverrides({
    store: config.identity.overrides.enabled ? (options.overrideStore ?? shared.overrideStore ?? createFileOverrideStore(config.identity.overrides.file)) : createMemoryOverrideStore(),
    logger,
    erasure: { defaultRegion: config.identity.defaultRegion, tuning: config.identity, maxRecordsPerKey: config.identity.maxRecordsPerKey },
  });
  const identity = createIdentityResolver({
    ...identityResolverOptions(config, adapters.map((a) => a.name)),
    overrides: identityOverrides.state,
    logger,
    ...(shared.crosswalk ? { shared: shared.crosswalk } : {}),
  });
  // Every change that makes cached answers wrong goes through one feed (one process: local; replicas: shared).
  const changes = options.changeFeed ?? shared.changes;
  changes.subscribe((change) => {
    identity.invalidate(change.refs, change.keys, change.keyHashes);
    if (change.purgeRecords) resilience.purge(change.refs);
    // Another replica changed the shared overrides: read them, then drop again what was resolved meanwhile
    // under the old ones (the first invalidation is immediate, so nothing waits for the read).
    if (shared.mode === 'redis' && (change.reason === 'override' || change.reason === 'suppression' || change.reason === 'erasure')) {
      identityOverrides
        .refresh()
        .then(() => identity.invalidate(change.refs))
        .catch((err: unknown) => logger.error({ err }, 'overrides: refresh after a change failed; the last state read stays in force'));
    }
  });
  identityOverrides.onChange((refs, change) => {
    const suppression = change.kind === 'suppress';
    void changes.publish({ reason: suppression ? 'suppression' : 'override', refs, ...(suppression ? { purgeRecords: true } : {}) }).catch((err: unknown) => logger.error({ err }, 'change feed: publish failed'));
  });
  // Redis back after an outage: changes published meanwhile were missed, so process caches go and overrides are re-read.
  shared.onReconnect(() => {
    identity.clear();
    identityOverrides.refresh().catch((err: unknown) => logger.error({ err }, 'overrides: refresh after reconnect failed'));
  });
  // Security (DESIGN.md §8): who is calling, what they may read, what gets audited, how big a query may be.
  const authConfig = config.auth ?? authConfigSchema.parse({});
  const authenticate = createAuthenticator(authConfig);
  if (authConfig.apiKeys.length === 0 && !authConfig.jwt) logger.warn('auth: no apiKeys and no jwt configured: every request is refused with 401');
  const auditSink = options.auditSink ?? createAuditSink(config.audit ?? auditConfigSchema.parse({}), (err) => logger.error({ err }, 'audit write failed'));
  const limits = config.limits ?? limitsConfigSchema.parse({});

  const apollo = new ApolloServer<GatewayContext>({
    // Subgraph mode adds the Customer keys, `_service` and `_entities` (README "Federation"); same resolvers.
    schema: applyAuthorization(config.federation?.enabled ? createSubgraphSchema(config.federation) : makeExecutableSchema({ typeDefs: loadSchemaSdl(), resolvers })),
    validationRules: queryLimitRules(limits),
    parseOptions: { maxTokens: limits.maxTokens },
    // No "Did you mean ...?" field suggestions: they leak the schema to callers who may not introspect it.
    hideSchemaDetailsFromClientErrors: true,
    // Apollo answers introspection; the gate plugin lets only `schema:read` through unless config opens it.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // APQ registrations shared by replicas with `state.redis`; Apollo's bounded in-memory cache otherwise.
    ...(shared.apqCache ? { cache: shared.apqCache } : {}),
    // Off: with it on (Apollo's default outside NODE_ENV=test) Apollo stops itself on SIGINT/SIGTERM while
    // requests are still running and then re-sends the signal, so the CLI exits 130 and in-flight requests get
    // no answer. Shutdown is ours: stop() drains HTTP first (server.shutdownGraceMs), then stops Apollo.
    stopOnTerminationSignals: false,
    // Metrics last: it counts the errors the other plugins append.
    plugins: [
      // No HTTP cache hints are served, and the plugin wraps every field resolver (~5 % of a 360 query's CPU).
      ApolloServerPluginCacheControlDisabled(),
      // Subgraph mode: no federated traces (ftv1) for a router that asks; they would expose per-field timings
      // to any caller who sends the header, and Apollo would print a non-JSON line on stdout at start.
      ApolloServerPluginInlineTraceDisabled(),
      // Explicit, so that NODE_ENV (production by default in the CLI) does not change it: GET /graphql in a
      // browser gets GraphiQL (served locally, see createGraphiqlRoute) where the console is on; otherwise Apollo Sandbox where introspection is open, a plain page otherwise.
      config.server.introspection ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageProductionDefault(),
      // The gateway's own plugins as one Apollo plugin (one listener per request; see combineRequestPlugins).
      combineRequestPlugins([createPartialErrorsPlugin(), createSourceStatusPlugin(), createRequestLogPlugin(logger), createIntrospectionGatePlugin(config.server.introspection), createAuditPlugin(auditSink), createMetricsPlugin(metrics)]),
    ],
    formatError: (raw: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const formatted = withLimitCode(raw, error);
      const code = String(formatted.extensions?.code ?? '');
      const original = unwrapResolverError(error);
      if (PUBLIC_CODES.has(code) && (original instanceof GraphQLError || code !== GatewayErrorCode.InternalServerError)) return formatted;
      logger.error({ err: original, path: formatted.path }, 'unexpected error (masked)');
      return { message: 'Internal server error', ...(formatted.path ? { path: formatted.path } : {}), ...(formatted.locations ? { locations: formatted.locations } : {}), extensions: { code: GatewayErrorCode.InternalServerError } };
    },
  });

  let state: 'created' | 'starting' | 'ready' | 'stopping' | 'stopped' = 'created';
  let httpServer: http.Server | null = null;
  // Requests being answered, so stop() can wait for them (and tell their connections to close afterwards).
  const inFlight = new Set<http.ServerResponse>();
  let drained: (() => void) | null = null;

  // Agent console (issue 14): its operations are registered in the build; credentials listed in
  // console.registeredOnly may run only those.
  const operationRegistry = createOperationRegistry(CONSOLE_OPERATIONS);
  const registeredRequests = new WeakMap<http.IncomingMessage, boolean>();
  const consoleConfig = config.console ?? { enabled: true, registeredOnly: [] };
  const registeredOnly = new Set(consoleConfig.registeredOnly);
  const consoleRoutes = consoleConfig.enabled ? createConsoleRoutes(operationRegistry) : null;
  const graphiqlRoute = consoleConfig.enabled && config.server.introspection ? createGraphiqlRoute() : null;
  // Change webhooks (README "Change webhooks"): verified vendor deliveries publish to the change feed.
  const webhooks = config.webhooks;
  const replayMs = 2 * (webhooks?.toleranceSeconds ?? 0) * 1000;
  const webhookRoutes = webhooks
    ? createWebhookRoutes({
        config: webhooks,
        changes,
        // Shared by the replicas with `state.redis` (a vendor's retry may reach another one), in process otherwise.
        replayGuard: options.webhookReplayGuard ?? shared.replayGuard(createReplayGuard({ max: webhooks.replayMemory, ttlMs: replayMs }), replayMs),
        defaultRegion: config.identity.defaultRegion,
        logger,
        record: (vendor, source, outcome) => metrics.recordWebhook(vendor, source, outcome),
      })
    : null;

  // What every request's context shares, as the prototype of each request's context. Apollo copies a request's
  // context before running it (Object.assign of its own fields): only the request's own fields are copied, and
  // the request's logger, on the prototype too, is made on first use (pino's child() serialises its bindings and
  // applies redaction at once, ~1 % of a query's CPU at saturation, and at the usual levels a request logs
  // nothing: BENCHMARKS.md, issue 17).
  const requestLoggers = new WeakMap<object, Logger>();
  const sharedContext: Omit<GatewayContext, keyof RequestContextOwn> = {
    get logger(): Logger {
      let child = requestLoggers.get(this);
      if (!child) {
        child = logger.child({ requestId: (this as unknown as GatewayContext).requestId });
        requestLoggers.set(this, child);
      }
      return child;
    },
    identity,
    sources: sourceInfo,
    adapters,
    defaultRegion: config.identity.defaultRegion,
    identifierTypes: config.identity.identifiers.map((entry) => (typeof entry === 'string' ? entry : entry.type)),
    identityOverrides: config.identity.overrides.enabled ? identityOverrides : null,
    purgeSourceCaches: (refs) => resilience.purge(refs),
    breakerState: (source) => resilience.breakerState(source),
    unify: config.unify,
  };
  const loaderOptions = { batch: config.performance?.batching ?? true, maxSearchResults: config.identity.maxRecordsPerKey };

  const graphqlHandler = createGraphQLHandler<GatewayContext>(
    apollo,
    async (req, signal, atEnd, body) => {
      const incoming = req.headers['x-request-id'];
      const requestId = typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
      // Before anything else: a missing or bad credential is a 401 here, so no loader (no source call) exists.
      const principal = await authenticate(req.headers);
      if (registeredOnly.has(principal.subject) && registeredRequests.get(req) !== true) {
        throw gatewayError(GatewayErrorCode.OperationNotRegistered, 'this credential may run only the console\'s registered operations: send one by its id (extensions.persistedQuery.sha256Hash)', { http: { status: 403 } });
      }
      const purpose = resolvePurpose(req.headers['x-c360-purpose'], principal);
      const perRequest = resilience.forRequest(req.headers[DEADLINE_HEADER], signal);
      atEnd(perRequest.release);
      const planKey = callPlans?.keyOf(body) ?? null;
      // The request's own fields on an object whose prototype holds what every request shares (sharedContext).
      const context = Object.create(sharedContext) as RequestContextFields;
      context.requestId = requestId;
      context.loaders = createLoaders(adapters, perRequest.callContext, loaderOptions);
      context.partialErrors = [];
      context.members = new WeakMap();
      context.actor = principal.subject;
      context.principal = principal;
      context.purpose = purpose;
      context.audit = createAuditTrail();
      context.sourceStatus = perRequest.recorder;
      context.requestTime = new Date().toISOString();
      context.callPlans = callPlans && planKey !== null ? { plans: callPlans, key: planKey } : undefined;
      // Alone in the gateway: nothing to merge its calls with, and its latency is the sources' plus this.
      if (callPlans && planKey !== null && inFlight.size <= 1) await callPlans.start(planKey, (body as { variables?: unknown }).variables, context);
      return context;
    },
    config.server.bodyLimitBytes,
    (body, req) => {
      const outcome = applyPersistedOperation(body, operationRegistry);
      registeredRequests.set(req, outcome.registered);
      return outcome.body;
    },
  );

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Nearly every request is a POST to exactly /graphql: its URL is parsed once, not per request (routes only
    // read the URL they are given).
    const url = req.url === '/graphql' ? GRAPHQL_URL : new URL(req.url ?? '/', 'http://gateway.invalid');
    if (state === 'stopping' || state === 'stopped') {
      // A request on a kept-alive connection after shutdown began: /readyz says so, anything else is refused.
      res.setHeader('connection', 'close');
      if (url.pathname !== '/readyz' && url.pathname !== '/healthz') return sendError(res, 503, GatewayErrorCode.ShuttingDown, 'the gateway is shutting down; retry on another instance');
    }
    if (graphiqlRoute?.(req, res, url)) return;
    if (url.pathname === '/graphql') return graphqlHandler(req, res, url);
    if (consoleRoutes?.(req, res, url)) return;
    if (url.pathname.startsWith('/webhooks/')) {
      if (webhookRoutes && (await webhookRoutes(req, res, url))) return;
      if (!webhookRoutes) return sendError(res, 404, GatewayErrorCode.WebhookNotConfigured, 'no webhooks section in the gateway\'s config: change webhooks are off');
    }
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') {
      const ready = state === 'ready';
      const breakers = new Map(resilience.breakerStates().map((b) => [b.source, b.state]));
      const open = [...breakers].filter(([, b]) => b !== 'CLOSED').map(([name]) => name);
      // Still 200 with a source's breaker open: the gateway answers (partially); the body says which.
      // Still 200 with Redis down: answers come from process caches and sources; `state.redis` says so.
      const sharedStatus = shared.status();
      const stateBody = sharedStatus.mode === 'redis' ? { mode: 'redis', redis: sharedStatus.redis } : { mode: 'local' };
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : state, sources: sourceInfo.map((s) => ({ name: s.name, kind: s.kind, breaker: breakers.get(s.name) ?? 'CLOSED' })), openSources: open, state: stateBody });
    }
    if (url.pathname === '/metrics') {
      const text = await metrics.render();
      res.writeHead(200, { 'content-type': metrics.contentType, 'content-length': Buffer.byteLength(text) });
      res.end(text);
      return;
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
    overrides: identityOverrides,
    adapters,
    logger,
    changes,
    async start() {
      if (state !== 'created') throw new Error(`cannot start a gateway that is ${state}`);
      state = 'starting';
      try {
        await shared.start();
        await identityOverrides.load();
      } catch (error) {
        // Not started: nothing may keep the process alive (Redis reconnect timers).
        if (!options.sharedState) await shared.close();
        throw error;
      }
      await apollo.start();
      const server = http.createServer((req, res) => {
        inFlight.add(res);
        res.once('close', () => {
          inFlight.delete(res);
          if (inFlight.size === 0) drained?.();
        });
        route(req, res).catch((error: unknown) => {
          logger.error({ err: error }, 'unhandled error in HTTP handler');
          if (!res.headersSent) sendError(res, 500, GatewayErrorCode.InternalServerError, 'Internal server error');
          else res.destroy();
        });
      });
      server.keepAliveTimeout = 65_000;
      // Requests Node's parser refuses (431, 400) get JSON with a code, not a bare status.
      server.on('clientError', createClientErrorHandler(logger));
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
        // Stop accepting; idle keep-alive connections go now, busy ones after their answer (connection: close).
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
        if (inFlight.size > 0) {
          logger.info({ inFlight: inFlight.size, graceMs: config.server.shutdownGraceMs }, 'shutdown: draining requests in flight');
          await new Promise<void>((resolve) => {
            // Requests still running after the grace period are cut, so shutdown always ends.
            const timer = setTimeout(() => {
              logger.warn({ inFlight: inFlight.size }, 'shutdown: grace period over, cutting requests still running');
              resolve();
            }, config.server.shutdownGraceMs);
            drained = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
        server.closeAllConnections();
        await closed;
      }
      if (wasStarted) await apollo.stop();
      // Audit lines wait for the end of their turn: the last requests' lines are written before stop() ends.
      await auditSink.flush();
      await Promise.all(adapters.map((adapter) => adapter.close?.()));
      identity.close();
      if (!options.sharedState) await shared.close();
      state = 'stopped';
    },
  };
}

/** `c360_source_breaker_state` values. */
const BREAKER_GAUGE = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2, ISOLATED: 3 } as const;

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
