export { billingSourceConfig, seedBillingDatabase, type BillingDatabase, type SeedBillingOptions } from './seedBillingDatabase.js';
