import type { Logger } from 'pino';
import type { SourceConfig } from '../config.js';
import { createFileAdapter } from './file/index.js';
import { createHttpClient, type HttpClient, type HttpClientOptions } from './http.js';
import { createPostgresAdapter } from './postgres/index.js';
import { createRestAdapter } from './rest/index.js';
import { createSalesforceAdapter, salesforceHeaders } from './salesforce/index.js';
import { createShopifyAdapter, shopifyHeaders } from './shopify/index.js';
import type { SourceAdapter } from './types.js';
import type { VendorBudget } from '../state/VendorBudget.js';
import { withVendorBudget } from './withVendorBudget.js';
import { createZendeskAdapter, zendeskHeaders } from './zendesk/index.js';

/**
 * Wires one configured source: its HTTP client (keep-alive, auth headers, timeout, and with `policies.budget`
 * the vendor budget from `budget`) and the adapter of its kind. Pointing at a real tenant instead of the sandbox changes only `baseUrl` and the credentials.
 */
export function createSourceAdapter(source: SourceConfig, logger: Logger, budget?: VendorBudget): SourceAdapter {
  const clients: HttpClient[] = [];
  const limit = source.policies?.budget;
  const adapter = buildAdapter(source, logger, (options) => {
    const client = createHttpClient(options);
    clients.push(client);
    // `policies.budget`: every call of this source takes from one bucket (shared by replicas with state.redis).
    if (!budget || !limit) return client;
    return withVendorBudget(client, { budget, limit, unit: source.kind === 'shopify' ? 'shopifyCost' : 'requests', estimatedCost: limit.estimatedCost });
  });
  // The gateway owns the HTTP clients it creates: closing the adapter closes their keep-alive pools.
  return {
    ...adapter,
    name: adapter.name,
    kind: adapter.kind,
    capabilities: adapter.capabilities,
    search: adapter.search.bind(adapter),
    getByIds: adapter.getByIds.bind(adapter),
    ...(adapter.ordersByOwner ? { ordersByOwner: adapter.ordersByOwner.bind(adapter) } : {}),
    ...(adapter.ticketsByOwner ? { ticketsByOwner: adapter.ticketsByOwner.bind(adapter) } : {}),
    ...(adapter.activitiesByOwner ? { activitiesByOwner: adapter.activitiesByOwner.bind(adapter) } : {}),
    ...(adapter.fetchWithRelated ? { fetchWithRelated: adapter.fetchWithRelated.bind(adapter) } : {}),
    async close() {
      await adapter.close?.();
      for (const client of clients) client.close();
    },
  };
}

function buildAdapter(source: SourceConfig, logger: Logger, createHttpClient: (options: HttpClientOptions) => HttpClient): SourceAdapter {
  const common = { source: source.name, baseUrl: source.baseUrl, timeoutMs: source.timeoutMs, maxSockets: source.maxSockets };
  // Not a child logger bound to `source`: every adapter log line names its source itself, and pino writes a
  // bound key and a call's key both (a JSON line with `source` twice).
  const { credentials } = source;
  switch (credentials.kind) {
    case 'salesforce':
      return createSalesforceAdapter({
        name: source.name,
        http: createHttpClient({ ...common, headers: salesforceHeaders({ accessToken: credentials.accessToken }) }),
        ...(source.apiVersion ? { apiVersion: source.apiVersion } : {}),
        logger,
      });
    case 'shopify':
      return createShopifyAdapter({
        name: source.name,
        http: createHttpClient({ ...common, headers: shopifyHeaders({ accessToken: credentials.accessToken }) }),
        ...(source.apiVersion ? { apiVersion: source.apiVersion } : {}),
        logger,
      });
    case 'zendesk':
      return createZendeskAdapter({
        name: source.name,
        http: createHttpClient({ ...common, headers: zendeskHeaders('oauthToken' in credentials ? { oauthToken: credentials.oauthToken } : { email: credentials.email, apiToken: credentials.apiToken }) }),
        logger,
      });
    case 'file':
      if (!source.file) throw new Error(`source ${source.name}: kind file without file settings`);
      return createFileAdapter({ settings: source.file, logger });
    case 'postgres':
      if (!source.postgres) throw new Error(`source ${source.name}: kind postgres without postgres settings`);
      return createPostgresAdapter({ settings: source.postgres, password: credentials.password, logger });
    case 'rest': {
      const rest = source.rest;
      if (!rest) throw new Error(`source ${source.name}: kind rest without rest settings`);
      return createRestAdapter({
        settings: rest,
        secrets: credentials.secrets,
        http: createHttpClient(common),
        ...(rest.auth.type === 'oauth2ClientCredentials' ? { tokenHttp: createHttpClient({ ...common, baseUrl: new URL(rest.auth.tokenUrl).origin }) } : {}),
        logger,
      });
    }
    default: {
      const unreachable: never = credentials;
      throw new Error(`unknown source kind in ${JSON.stringify(unreachable)}`);
    }
  }
}
