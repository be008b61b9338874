export { startSalesforceSandbox } from './startSalesforceSandbox.js';
export type { SalesforceSandboxOptions } from './startSalesforceSandbox.js';
export { createSalesforceProfile } from './createSalesforceProfile.js';
export type { SalesforceProfileOptions } from './createSalesforceProfile.js';
export { parseSoql } from './parseSoql.js';
export type { SoqlCondition, SoqlFieldPath, SoqlOrderItem, SoqlQuery, SoqlValue } from './SoqlQuery.js';
export { parseSosl } from './parseSosl.js';
export type { SoslReturning, SoslScope, SoslSearch } from './parseSosl.js';
export { SalesforceFakeError } from './SalesforceFakeError.js';
