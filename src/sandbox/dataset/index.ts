// The dataset generator's public surface; add exports here with intention.
export { generateDataset } from './generateDataset.js';
export { exportLoyaltyCsv, type LoyaltyExport, type LoyaltyExportOptions } from './exportLoyaltyCsv.js';
export { findShowcasePerson } from './findShowcasePerson.js';
export type { ShowcasePerson } from './findShowcasePerson.js';
export { salesforceId18 } from './salesforceId.js';
export type {
  GenerateDatasetOptions,
  GroundTruthEntry,
  SandboxAddress,
  SandboxDataset,
  SandboxPerson,
  SandboxSystem,
  SfAccount,
  SfCase,
  SfContact,
  SfTask,
  ShopifyAddress,
  ShopifyCustomer,
  ShopifyLineItem,
  ShopifyOrder,
  ZendeskTicket,
  ZendeskUser,
} from './types.js';
