import type { FakeResponse } from '../fakeTypes.js';
import type { ThrottleStatus } from './createLeakyBucket.js';

/** Shopify's single-query cost cap. */
export const MAX_QUERY_COST = 1000;

const REQUEST_ID = '1b355a21-7117-44c5-8d8b-8948082f40a8';

/** Internal: Shopify's `extensions.cost` object. `actualQueryCost` is null when nothing executed. */
export function costExtension(requested: number, actual: number | null, throttleStatus: ThrottleStatus): Record<string, unknown> {
  return { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus } };
}

/** 401 for a missing or wrong `X-Shopify-Access-Token`, body as Shopify sends it. */
export function unauthorizedResponse(): FakeResponse {
  return { status: 401, body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } };
}

/** 404 for an unknown path. */
export function notFoundResponse(): FakeResponse {
  return { status: 404, body: { errors: 'Not Found' } };
}

/** 400 when the request carries no GraphQL query. */
export function missingQueryResponse(): FakeResponse {
  return { status: 400, body: { errors: { query: 'Required parameter missing or invalid' } } };
}

/** 200 THROTTLED: the requested cost exceeds what the bucket holds now; no data. */
export function throttledResponse(requested: number, throttleStatus: ThrottleStatus): FakeResponse {
  return {
    status: 200,
    body: {
      errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
      extensions: costExtension(requested, null, throttleStatus),
    },
  };
}

/** 200 MAX_COST_EXCEEDED: one query asked for more than {@link MAX_QUERY_COST}; no data. */
export function maxCostExceededResponse(requested: number, throttleStatus: ThrottleStatus): FakeResponse {
  const message =
    `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\n` +
    'See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n' +
    'cost of a query is calculated.\n\n' +
    'To query larger amounts of data with fewer limits, bulk operations should be used instead.\n' +
    'See https://shopify.dev/api/usage/bulk-operations/queries for usage details.\n';
  return {
    status: 200,
    body: {
      errors: [{ message, extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: MAX_QUERY_COST } }],
      extensions: costExtension(requested, null, throttleStatus),
    },
  };
}

/** The `serverError` preset: Shopify's 500 with `INTERNAL_SERVER_ERROR` and a request id. */
export function serverErrorResponse(): FakeResponse {
  return {
    status: 500,
    body: {
      errors: [
        {
          message: `Internal error. Looks like something went wrong on our end.\nRequest ID: ${REQUEST_ID} (include this in support requests).`,
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: REQUEST_ID },
        },
      ],
    },
  };
}

/** The `unavailable` preset: 503 while the shop or platform is unavailable. */
export function unavailableResponse(): FakeResponse {
  return { status: 503, body: { errors: 'Service Unavailable' }, headers: { 'retry-after': '1' } };
}
