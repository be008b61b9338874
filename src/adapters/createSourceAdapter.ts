import type { Logger } from 'pino';
import type { SourceConfig } from '../config.js';
import { createHttpClient } from './http.js';
import { createSalesforceAdapter, salesforceHeaders } from './salesforce/index.js';
import { createShopifyAdapter, shopifyHeaders } from './shopify/index.js';
import type { SourceAdapter } from './types.js';
import { createZendeskAdapter, zendeskHeaders } from './zendesk/index.js';

/**
 * Wires one configured source: its HTTP client (keep-alive, auth headers, timeout) and the adapter of its
 * kind. Pointing at a real tenant instead of the sandbox changes only `baseUrl` and the credentials.
 */
export function createSourceAdapter(source: SourceConfig, logger: Logger): SourceAdapter {
  const common = { source: source.name, baseUrl: source.baseUrl, timeoutMs: source.timeoutMs, maxSockets: source.maxSockets };
  const log = logger.child({ source: source.name });
  const { credentials } = source;
  switch (credentials.kind) {
    case 'salesforce':
      return createSalesforceAdapter({
        name: source.name,
        http: createHttpClient({ ...common, headers: salesforceHeaders({ accessToken: credentials.accessToken }) }),
        ...(source.apiVersion ? { apiVersion: source.apiVersion } : {}),
        logger: log,
      });
    case 'shopify':
      return createShopifyAdapter({
        name: source.name,
        http: createHttpClient({ ...common, headers: shopifyHeaders({ accessToken: credentials.accessToken }) }),
        ...(source.apiVersion ? { apiVersion: source.apiVersion } : {}),
        logger: log,
      });
    case 'zendesk':
      return createZendeskAdapter({
        name: source.name,
        http: createHttpClient({ ...common, headers: zendeskHeaders('oauthToken' in credentials ? { oauthToken: credentials.oauthToken } : { email: credentials.email, apiToken: credentials.apiToken }) }),
        logger: log,
      });
    default: {
      const unreachable: never = credentials;
      throw new Error(`unknown source kind in ${JSON.stringify(unreachable)}`);
    }
  }
}
