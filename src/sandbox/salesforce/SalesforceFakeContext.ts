import type { SalesforceDatabase } from './createSalesforceDatabase.js';
import type { QueryLocatorStore } from './createQueryLocatorStore.js';

/** Internal: what the fake's route handlers share. */
export interface SalesforceFakeContext {
  readonly db: SalesforceDatabase;
  readonly locators: QueryLocatorStore;
  /** Largest page a query returns, before any `Sforce-Query-Options` header lowers it. */
  readonly batchSize: number;
}
