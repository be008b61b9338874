import type { WebhookSender } from '../createWebhookSender.js';
import type { SandboxDataset } from '../dataset/types.js';
import type { FakeRequest, FakeResponse, FakeVendorProfile } from '../fakeTypes.js';
import { createCollectionRoutes } from './createCollectionRoutes.js';
import { createQueryLocatorStore } from './createQueryLocatorStore.js';
import { createQueryRoutes } from './createQueryRoutes.js';
import { createSalesforceDatabase } from './createSalesforceDatabase.js';
import { createSearchRoute } from './createSearchRoute.js';
import { createSObjectRoute } from './createSObjectRoute.js';
import { createSObjectUpdateRoute } from './createSObjectUpdateRoute.js';
import { SALESFORCE_VERSIONS } from './salesforceVersions.js';

/** Options of {@link createSalesforceProfile}. */
export interface SalesforceProfileOptions {
  /** The only bearer token accepted. Default `'sandbox-salesforce-token'`. */
  readonly accessToken?: string;
  /**
   * Most records per query page. Default 2000 (Salesforce's maximum). A request's
   * `Sforce-Query-Options: batchSize=N` header lowers it (N clamped to 200..2000); the option itself may be
   * set lower, e.g. 2, so tests can force many pages.
   */
  readonly batchSize?: number;
  /** Most query locators kept open for paging; opening more forgets the oldest. Default 100. */
  readonly maxQueryLocators?: number;
}

/** Daily API request allocation shown in `Sforce-Limit-Info`. */
const API_LIMIT = 100_000;
const VERSIONS_PATH = /^\/services\/data\/?$/;

/**
 * Everything Salesforce-specific about the sandbox server (see {@link startSalesforceSandbox}): the REST
 * routes over `dataset`, bearer-token auth (the versions list needs none), the 404 and error bodies, the
 * throttle / 500 / 503 presets, and `Sforce-Limit-Info: api-usage=<n>/100000` on every answer, where n
 * counts answered requests. Throws a TypeError naming a bad option.
 */
export function createSalesforceProfile(dataset: SandboxDataset, options: SalesforceProfileOptions = {}, webhooks?: WebhookSender): FakeVendorProfile {
  const accessToken = options.accessToken ?? 'sandbox-salesforce-token';
  if (typeof accessToken !== 'string' || accessToken.trim() === '') {
    throw new TypeError(`createSalesforceProfile: accessToken must be a non-empty string, got ${JSON.stringify(options.accessToken)}`);
  }
  const batchSize = positiveInteger('batchSize', options.batchSize, 2000, 2000);
  const maxQueryLocators = positiveInteger('maxQueryLocators', options.maxQueryLocators, 100, Number.MAX_SAFE_INTEGER);
  const ctx = { db: createSalesforceDatabase(dataset), locators: createQueryLocatorStore(maxQueryLocators), batchSize };
  let usage = 0;
  const limitInfo = (used: number): Record<string, string> => ({ 'sforce-limit-info': `api-usage=${used}/${API_LIMIT}` });
  const errorAnswer = (status: number, errorCode: string, message: string, used = ++usage): FakeResponse => ({
    status,
    body: [{ message, errorCode }],
    headers: limitInfo(used),
  });

  return {
    name: 'salesforce',
    authorize(req: FakeRequest) {
      if (VERSIONS_PATH.test(req.path)) return null;
      const header = req.headers.authorization ?? '';
      const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
      return token === accessToken ? null : { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] };
    },
    notFound: () => ({ status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] }),
    presets: {
      // Salesforce throttles with 403 and no Retry-After, whatever the rule asks for.
      throttle: () => errorAnswer(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.', Math.max(++usage, API_LIMIT)),
      serverError: () =>
        errorAnswer(500, 'UNKNOWN_EXCEPTION', 'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567-89 (-1234567)'),
      unavailable: () =>
        errorAnswer(503, 'SERVER_UNAVAILABLE', 'Service Unavailable: the server is down for maintenance or overloaded. Please try again later.'),
    },
    routes: [
      { name: 'versions', method: 'GET', pattern: VERSIONS_PATH, handler: () => ({ status: 200, body: SALESFORCE_VERSIONS }) },
      ...createQueryRoutes(ctx),
      createSearchRoute(ctx),
      createSObjectRoute(ctx),
      ...(webhooks ? [createSObjectUpdateRoute(ctx, webhooks)] : []),
      ...createCollectionRoutes(ctx),
    ],
    commonHeaders: () => limitInfo(++usage),
  };
}

function positiveInteger(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new TypeError(`createSalesforceProfile: ${name} must be an integer from 1 to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}
