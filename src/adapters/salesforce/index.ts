export { createSalesforceAdapter } from './createSalesforceAdapter.js';
export type { SalesforceAdapterOptions } from './resolveSalesforceOptions.js';
export { SALESFORCE_ADAPTER_DEFAULTS } from './resolveSalesforceOptions.js';
export { salesforceHeaders } from './salesforceHeaders.js';
